package fi.palvelututka.jobs.ingest;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * The lake's record of input files already processed ({@code lake/processed_files}: path, size,
 * SHA-256, format, run). A nightly run skips files whose content (size and SHA-256) a committed run
 * has processed, wherever they lie now, so rerunning a night is a no-op; {@code --reprocess} reads
 * them again. The record is written with the run's tables, so a file counts as processed only once
 * the run that read it has committed.
 */
public final class ProcessedFiles {

  /** A previously processed file with the same content. */
  public record Seen(String path, String runId) {}

  private ProcessedFiles() {}

  /** SHA-256 of each file, computed on the executors (one task per file). */
  public static Map<String, String> checksums(
      SparkSession spark, List<InputFiles.InputFile> files) {
    if (files.isEmpty()) {
      return Map.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    List<String> paths = new ArrayList<>();
    files.forEach(f -> paths.add(f.path()));
    spark.sparkContext().setJobGroup("checksums", "palvelututka: input file checksums", false);
    try {
      Map<String, String> out = new HashMap<>();
      for (Tuple2<String, String> t :
          jsc.parallelize(paths, paths.size())
              .mapToPair(p -> new Tuple2<>(p, sha256(p, conf)))
              .collect()) {
        out.put(t._1(), t._2());
      }
      return out;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  static String sha256(String path, SerializableConfiguration conf) throws IOException {
    try (InputStream in = InputFiles.open(path, conf.value())) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files of the listing whose content was processed by a committed run. */
  public static Map<String, Seen> alreadyProcessed(
      Lake lake, List<InputFiles.InputFile> files, Map<String, String> checksums)
      throws IOException {
    Map<String, Seen> bySha = new HashMap<>();
    for (Row r :
        lake.readCurrent(Tables.PROCESSED_FILES, Tables.PROCESSED_FILES_SCHEMA)
            .select("sha256", "size", "path", "run_id")
            .collectAsList()) {
      bySha.put(r.getString(0) + "/" + r.getLong(1), new Seen(r.getString(2), r.getString(3)));
    }
    Map<String, Seen> seen = new HashMap<>();
    for (InputFiles.InputFile f : files) {
      Seen s = bySha.get(checksums.get(f.path()) + "/" + f.size());
      if (s != null) {
        seen.put(f.path(), s);
      }
    }
    return seen;
  }

  /** Stages the record: what was stored before plus the files this run read. */
  public static void stage(
      SparkSession spark,
      Lake lake,
      List<InputFiles.InputFile> read,
      Map<String, String> checksums,
      Map<String, String> formats)
      throws IOException {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (InputFiles.InputFile f : read) {
      rows.add(
          RowFactory.create(
              f.path(),
              f.size(),
              checksums.get(f.path()),
              formats.getOrDefault(f.path(), "unknown"),
              lake.runId(),
              now));
    }
    Dataset<Row> stored = lake.readCurrent(Tables.PROCESSED_FILES, Tables.PROCESSED_FILES_SCHEMA);
    lake.writeStaged(
        stored.unionByName(spark.createDataFrame(rows, Tables.PROCESSED_FILES_SCHEMA)).coalesce(1),
        Tables.PROCESSED_FILES);
  }
}
