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
 * of dump files, on the driver (listing only, no reading). In folders, hidden files ("." or "_")
 * and files of unsupported types are skipped and reported; a file named explicitly is always taken.
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

  public static Listing expand(List<String> inputs, Configuration conf) throws IOException {
    List<InputFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String in : inputs) {
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
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String name = f.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        if (supported(name)) {
          files.add(new InputFile(f.getPath().toString(), f.getLen()));
        } else {
          skipped.add(f.getPath() + " (unsupported file type)");
        }
      }
    }
    // a file named twice (or inside two given folders) is read once
    java.util.Map<String, InputFile> unique = new java.util.TreeMap<>();
    for (InputFile f : files) {
      unique.putIfAbsent(f.path(), f);
    }
    return new Listing(List.copyOf(unique.values()), List.copyOf(skipped));
  }

  static boolean supported(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SUPPORTED_SUFFIXES.stream().anyMatch(n::endsWith);
  }
}
