package fi.palvelututka.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reading and writing the zip bundles the trained models ship in (models/trained/*.zip). */
public final class Bundles {

  private Bundles() {}

  /** All entries of a zip, by name. */
  public static Map<String, byte[]> read(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        entries.put(e.getName(), zin.readAllBytes());
      }
    }
    return entries;
  }

  /** Writes one entry with a fixed timestamp, so that equal content gives equal bytes. */
  public static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0L);
    z.putNextEntry(e);
    z.write(data);
    z.closeEntry();
  }

  /**
   * The bytes of a model shipped on the classpath; a clear error names the training command when it
   * is missing.
   */
  public static byte[] shipped(String resource, String trainCommand) {
    try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The shipped model "
                + resource
                + " is not on the classpath; rebuild palvelututka-models or train it with '"
                + trainCommand
                + "'");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
