package fi.palvelututka.jobs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the {@code --input} arguments (files or folders, on any Hadoop filesystem) into the list
 * of dump files, on the driver (listing only, no reading). In folders, hidden files and folders
 * ("." or "_" at the start of the name) are skipped, and files of unsupported types are skipped and
 * reported; a file named explicitly is always taken.
 */
public final class InputFiles {

  /** A dump file with its size in bytes. */
  public record InputFile(String path, long size) {}

  /** Files taken, and files seen in folders but skipped (with the reason). */
  public record Listing(List<InputFile> files, List<String> skipped) {}

  static final List<String> SUPPORTED_SUFFIXES =
      List.of(
          ".jsonl",
          ".ndjson",
          ".json",
          ".csv",
          ".tsv",
          ".jsonl.gz",
          ".ndjson.gz",
          ".json.gz",
          ".csv.gz",
          ".tsv.gz");

  private InputFiles() {}

  /**
   * The paths the {@code --input} values name: a value is a comma-separated list of paths, unless
   * the value as a whole is a path that exists (a file or folder whose name has a comma).
   */
  static List<String> pieces(List<String> inputs, Configuration conf) throws IOException {
    List<String> out = new ArrayList<>();
    for (String given : inputs) {
      if (given.indexOf(',') < 0 || exists(given, conf)) {
        out.add(given);
        continue;
      }
      for (String piece : given.split(",")) {
        if (!piece.isBlank()) {
          out.add(piece.strip());
        }
      }
    }
    return out;
  }

  private static boolean exists(String path, Configuration conf) throws IOException {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).exists(p);
    } catch (IllegalArgumentException e) {
      return false; // not one path (a list of URIs, say)
    }
  }

  public static Listing expand(List<String> inputs, Configuration conf) throws IOException {
    List<InputFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String in : pieces(inputs, conf)) {
      Path p = new Path(in);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st;
      try {
        st = fs.getFileStatus(p);
      } catch (FileNotFoundException e) {
        throw new FileNotFoundException("Input not found: " + in);
      }
      if (st.isFile()) {
        files.add(new InputFile(st.getPath().toString(), st.getLen()));
        continue;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
      String root = st.getPath().toUri().getPath();
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String name = f.getPath().getName();
        if (hidden(root, f.getPath().toUri().getPath())) {
          continue;
        }
        if (supported(name)) {
          files.add(new InputFile(f.getPath().toString(), f.getLen()));
        } else {
          skipped.add(f.getPath() + " (unsupported file type)");
        }
      }
    }
    // a file named twice (inside two given folders, or reached again through a symbolic link) is
    // read once, under its shortest path
    files.sort(
        java.util.Comparator.comparingInt((InputFile f) -> f.path().length())
            .thenComparing(InputFile::path));
    java.util.Map<String, InputFile> unique = new java.util.LinkedHashMap<>();
    for (InputFile f : files) {
      unique.putIfAbsent(identity(f.path()), f);
    }
    List<InputFile> taken = new ArrayList<>(unique.values());
    taken.sort(java.util.Comparator.comparing(InputFile::path));
    for (String in : inputs) {
      skipped.addAll(brokenLinks(in));
    }
    return new Listing(List.copyOf(taken), List.copyOf(skipped));
  }

  /** The file itself for a local path (symbolic links resolved), else the path. */
  private static String identity(String path) {
    java.net.URI u = new Path(path).toUri();
    if (u.getScheme() == null || u.getScheme().equals("file")) {
      try {
        return java.nio.file.Path.of(u.getPath()).toRealPath().toString();
      } catch (IOException | RuntimeException e) {
        return path;
      }
    }
    return path;
  }

  /** Symbolic links under a local input folder that point nowhere (listed as skipped). */
  private static List<String> brokenLinks(String input) {
    java.net.URI u = new Path(input).toUri();
    if (u.getScheme() != null && !u.getScheme().equals("file")) {
      return List.of();
    }
    java.nio.file.Path root = java.nio.file.Path.of(u.getPath());
    if (!java.nio.file.Files.isDirectory(root)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(root)) {
      all.filter(java.nio.file.Files::isSymbolicLink)
          .filter(l -> !java.nio.file.Files.exists(l))
          .forEach(l -> out.add(l + " (broken symbolic link)"));
    } catch (IOException | java.io.UncheckedIOException e) {
      // listing problems are Hadoop's to report; this is only a courtesy list
    }
    return out;
  }

  /**
   * Whether a file found under the folder {@code root} is hidden: its name, or the name of a folder
   * between it and {@code root}, starts with "." or "_" ({@code _temporary}, {@code .snapshot}, a
   * lake's {@code _runs}).
   */
  static boolean hidden(String root, String file) {
    String rel = file.startsWith(root) ? file.substring(root.length()) : file;
    for (String part : rel.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Opens a dump file for reading. On the local file system the bytes are read directly, without
   * Hadoop's checksum layer: dumps have no ".crc" side files, and that layer cannot build the side
   * file's name for a file name with a colon.
   */
  public static java.io.InputStream open(String file, Configuration conf) throws IOException {
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    if (fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c) {
      fs = c.getRawFileSystem();
    }
    return fs.open(p);
  }

  /**
   * Whether Hadoop's input formats would misread the file's path: they take comma-separated lists
   * of glob patterns, and the checksum layer fails on a colon in a local file's name. Such files
   * are read by ingest's own reader ({@link #open}), one task per file.
   */
  static boolean needsOwnReader(String file) {
    String name = new Path(file).getName();
    for (char c : name.toCharArray()) {
      if (",:*?[]{}\\".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean supported(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SUPPORTED_SUFFIXES.stream().anyMatch(n::endsWith);
  }
}
