package fi.palvelututka.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake folder and its all-or-nothing commits.
 *
 * <p>A run never writes into the tables readers see. It writes every table it changes to {@code
 * lake/_staging/<run_id>/<table>} (and its manifest to {@code _staging/<run_id>/_manifest.json});
 * the stages of the run read each other's staged tables. When all are written, {@link #commit}
 * creates the commit marker {@code _staging/<run_id>/_COMMITTED} (the commit point) and then swaps
 * each staged table in with directory renames (the old one goes to {@code _trash/<run_id>} and is
 * deleted).
 *
 * <p>{@link #recover} runs before every run: a staging folder with a marker is rolled forward (its
 * renames are repeated where they are missing), one without a marker is deleted. So a run killed at
 * any point leaves either the previous state or the new one, never a mix, and the next run starts
 * from a consistent lake. Only one run at a time works on a lake ({@link LakeLock}). Directory
 * renames are atomic on local filesystems and HDFS; on object stores without atomic rename (S3) a
 * reader can see a table missing for the moment of the swap.
 */
public final class Lake {

  private static final Logger LOG = LoggerFactory.getLogger(Lake.class);

  public static final String STAGING = "_staging";
  public static final String TRASH = "_trash";
  static final String MARKER = "_COMMITTED";
  static final String MANIFEST = "_manifest.json";

  private final SparkSession spark;
  private final Path root;
  private final String runId;
  private final FileSystem fs;

  public Lake(SparkSession spark, String root, String runId) throws IOException {
    this.spark = spark;
    this.root = new Path(root);
    this.runId = runId;
    this.fs = this.root.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  public String root() {
    return root.toString();
  }

  public String runId() {
    return runId;
  }

  /**
   * Takes the lake's lock for this run ({@link LakeLock}): before {@link #recover}, so that a run
   * never discards the staged output of another run that is still going.
   */
  public LakeLock lock() throws IOException {
    return LakeLock.acquire(fs, root, runId);
  }

  /** Path of the committed table, as readers see it. */
  public String current(String table) {
    return new Path(root, table).toString();
  }

  /** Path this run writes the table to before the commit. */
  public String staged(String table) {
    return new Path(stagingDir(runId), table).toString();
  }

  private Path stagingDir(String run) {
    return new Path(new Path(root, STAGING), run);
  }

  /** True if the table was committed by an earlier run. */
  public boolean exists(String table) throws IOException {
    return fs.exists(new Path(current(table), "_SUCCESS"));
  }

  /** The committed table, or an empty one of that schema when there is none yet. */
  public Dataset<Row> readCurrent(String table, StructType schema) throws IOException {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return Tables.conform(spark.read().schema(schema).parquet(current(table)), schema);
  }

  /** This run's staged version of the table (it must have been written by this run). */
  public Dataset<Row> readStaged(String table) {
    return spark.read().parquet(staged(table));
  }

  /** Writes the table's new version to staging (overwriting an earlier attempt of this run). */
  public void writeStaged(Dataset<Row> rows, String table) {
    rows.write().mode(SaveMode.Overwrite).parquet(staged(table));
  }

  /** Deletes this run's whole staging folder: a run that commits nothing ({@code bench}). */
  public void discardStaging() throws IOException {
    fs.delete(stagingDir(runId), true);
    deleteIfEmpty(new Path(root, STAGING));
  }

  /** Deletes a staged table this run wrote for itself (a work table, not part of the commit). */
  public void deleteStaged(String table) throws IOException {
    fs.delete(new Path(staged(table)), true);
  }

  /**
   * Writes the run manifest to staging; {@link #commit} moves it to {@code _runs/<run_id>.json}.
   */
  public void stageManifest(byte[] json) throws IOException {
    try (OutputStream out = fs.create(new Path(stagingDir(runId), MANIFEST), true)) {
      out.write(json);
    }
  }

  /** Path the manifest has after the commit. */
  public String manifestPath() {
    return new Path(new Path(root, Tables.RUNS), runId + ".json").toString();
  }

  /**
   * Discards this run's staged tables and stores only its manifest (for a run that must not become
   * visible, e.g. when its counts do not reconcile).
   */
  public void abandon(byte[] manifestJson) throws IOException {
    fs.delete(stagingDir(runId), true);
    Path runs = new Path(root, Tables.RUNS);
    fs.mkdirs(runs);
    try (OutputStream out = fs.create(new Path(manifestPath()), true)) {
      out.write(manifestJson);
    }
  }

  /** Makes the staged tables and manifest current, all or nothing (see the class comment). */
  public void commit(List<String> tables) throws IOException {
    Path dir = stagingDir(runId);
    try (OutputStream out = fs.create(new Path(dir, MARKER), false)) {
      out.write(String.join("\n", tables).getBytes(StandardCharsets.UTF_8));
    }
    LOG.info("lake: run {} committed; swapping in {}", runId, tables);
    rollForward(runId, tables);
  }

  /** Finishes or discards what earlier runs left in staging. Returns the run ids rolled forward. */
  public List<String> recover() throws IOException {
    List<String> rolled = new ArrayList<>();
    Path staging = new Path(root, STAGING);
    if (!fs.exists(staging)) {
      return rolled;
    }
    for (FileStatus s : fs.listStatus(staging)) {
      String run = s.getPath().getName();
      Path marker = new Path(s.getPath(), MARKER);
      if (fs.exists(marker)) {
        List<String> tables;
        try (InputStream in = fs.open(marker)) {
          tables =
              new String(in.readAllBytes(), StandardCharsets.UTF_8)
                  .lines()
                  .filter(l -> !l.isBlank())
                  .toList();
        }
        LOG.warn("lake: run {} was committed but not finished; completing its swap", run);
        rollForward(run, tables);
        rolled.add(run);
      } else {
        LOG.warn("lake: run {} stopped before its commit; discarding its staged output", run);
        fs.delete(s.getPath(), true);
      }
    }
    deleteIfEmpty(staging);
    return rolled;
  }

  private void rollForward(String run, List<String> tables) throws IOException {
    Path dir = stagingDir(run);
    Path trash = new Path(new Path(root, TRASH), run);
    for (String table : tables) {
      Path staged = new Path(dir, table);
      Path current = new Path(root, table);
      if (!fs.exists(staged)) {
        continue; // already swapped in
      }
      Path old = new Path(trash, table);
      if (fs.exists(current)) {
        if (fs.exists(old)) {
          fs.delete(old, true); // left by an interrupted earlier attempt of this swap
        }
        fs.mkdirs(trash);
        rename(current, old);
      }
      rename(staged, current);
    }
    Path manifest = new Path(dir, MANIFEST);
    if (fs.exists(manifest)) {
      Path runs = new Path(root, Tables.RUNS);
      fs.mkdirs(runs);
      Path target = new Path(runs, run + ".json");
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      rename(manifest, target);
    }
    fs.delete(trash, true);
    fs.delete(dir, true);
    deleteIfEmpty(new Path(root, STAGING));
    deleteIfEmpty(new Path(root, TRASH));
  }

  private void deleteIfEmpty(Path p) throws IOException {
    if (fs.exists(p) && fs.listStatus(p).length == 0) {
      fs.delete(p, false);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot move " + from + " to " + to);
    }
  }
}
