package fi.palvelututka.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model's identity as stored on every output row: {@code name@sha256-prefix} of the exact model
 * bytes, so that a row can always be traced back to the file that produced it.
 */
public record ModelVersion(String name, String sha256) {

  /** Number of hex digits of the SHA-256 kept in {@link #toString()}. */
  public static final int SHORT_HASH_HEX = 12;

  public ModelVersion {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Invalid model name (blank): '" + name + "'");
    }
    if (sha256 == null || sha256.length() < SHORT_HASH_HEX) {
      throw new IllegalArgumentException("Invalid sha256 for model " + name + ": " + sha256);
    }
  }

  public static ModelVersion of(String name, byte[] modelBytes) {
    return new ModelVersion(name, sha256Hex(modelBytes));
  }

  public static ModelVersion of(String name, InputStream in) throws IOException {
    return of(name, in.readAllBytes());
  }

  /** Combines several model versions into one bundle version string, in the given order. */
  public static String bundle(ModelVersion... parts) {
    StringBuilder sb = new StringBuilder();
    for (ModelVersion p : parts) {
      if (sb.length() > 0) {
        sb.append('+');
      }
      sb.append(p);
    }
    return sb.toString();
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return name + "@" + sha256.substring(0, SHORT_HASH_HEX);
  }
}
