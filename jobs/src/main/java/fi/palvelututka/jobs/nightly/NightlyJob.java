package fi.palvelututka.jobs.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.LakeLock;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.ingest.IngestCounts;
import fi.palvelututka.jobs.ingest.IngestJob;
import fi.palvelututka.jobs.ingest.InputFiles;
import fi.palvelututka.jobs.ingest.ProcessedFiles;
import fi.palvelututka.jobs.report.ReportJob;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import fi.palvelututka.jobs.tag.TagJob;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nightly run: ingest → tag → summarize → (report), then the run manifest {@code
 * lake/_runs/<run_id>.json} with inputs, counts per stage, rejects by reason, timings and model
 * versions. Stages hand over through the Parquet tables, so each stage reads what the previous one
 * really wrote.
 */
public final class NightlyJob {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /** Outcome of a run, as printed by the CLI and stored in the manifest. */
  public record Outcome(
      IngestJob.Result ingest,
      TagJob.Result tags,
      long businesses,
      String reportIndex,
      String manifestPath,
      boolean reconciles,
      Map<String, ProcessedFiles.Seen> alreadyProcessed) {

    /** True when every input had been processed before: the run changed nothing. */
    public boolean nothingToDo() {
      return ingest == null;
    }

    public long tagged() {
      return tags.taggedNow();
    }
  }

  private final SparkSession spark;
  private final NightlyOptions options;

  public NightlyJob(SparkSession spark, NightlyOptions options) {
    this.spark = spark;
    this.options = options;
  }

  /** The run id was used by an earlier run of this lake. */
  public static final class RunIdUsedException extends IllegalArgumentException {
    RunIdUsedException(String message) {
      super(message);
    }
  }

  /** An output folder that cannot be used (a file, or not writable): found before any work. */
  public static final class OutputUnusableException extends IllegalArgumentException {
    OutputUnusableException(String message) {
      super(message);
    }
  }

  /**
   * Checks the lake and reports folders before the run spends hours: each must be a folder (or not
   * exist yet) that this process can create files in. The reports come after the lake is committed,
   * so an unwritable reports folder would otherwise be found only after the commit.
   */
  void checkOutputs() throws IOException {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, String> dirs = new LinkedHashMap<>();
    dirs.put("--lake", options.lake());
    if (options.reports() != null) {
      dirs.put("--reports", options.reports());
    }
    for (Map.Entry<String, String> d : dirs.entrySet()) {
      Path dir = new Path(d.getValue());
      String what = d.getKey() + " " + d.getValue();
      try {
        org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(conf);
        if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
          throw new OutputUnusableException(what + " is a file, not a folder");
        }
        fs.mkdirs(dir);
        Path probe = new Path(dir, ".palvelututka-write-check-" + options.runId());
        fs.create(probe, true).close();
        fs.delete(probe, false);
      } catch (IOException | RuntimeException e) {
        if (e instanceof OutputUnusableException u) {
          throw u;
        }
        throw new OutputUnusableException(
            what
                + " cannot be written: "
                + (e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    }
  }

  public Outcome execute() throws IOException {
    String runId = options.runId();
    // inputs first (a missing input leaves no lake folder behind), then the output folders
    InputFiles.Listing all =
        InputFiles.expand(options.ingest().inputs(), spark.sparkContext().hadoopConfiguration());
    checkOutputs();
    Lake lake = new Lake(spark, options.lake(), runId);
    try (LakeLock lock = lake.lock()) {
      return execute(all, lake, lock);
    }
  }

  private Outcome execute(InputFiles.Listing all, Lake lake, LakeLock lock) throws IOException {
    String runId = options.runId();
    List<String> recovered = lake.recover();
    Path previous = new Path(lake.manifestPath());
    if (previous.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(previous)) {
      throw new RunIdUsedException(
          "Run id '" + runId + "' was already used (" + previous + "); give a new --run-id");
    }
    Instant started = Instant.now();
    Map<String, Object> timings = new LinkedHashMap<>();

    long t = System.nanoTime();
    Map<String, String> checksums = ProcessedFiles.checksums(spark, all.files());
    Map<String, ProcessedFiles.Seen> seen =
        options.reprocess()
            ? Map.of()
            : ProcessedFiles.alreadyProcessed(lake, all.files(), checksums);
    List<InputFiles.InputFile> fresh = new ArrayList<>();
    for (InputFiles.InputFile f : all.files()) {
      if (seen.containsKey(f.path())) {
        LOG.info(
            "nightly: {} already processed (same content as {} in run {}); skipped",
            f.path(),
            seen.get(f.path()).path(),
            seen.get(f.path()).runId());
      } else {
        fresh.add(f);
      }
    }
    timings.put("checksums_s", secs(t));
    if (fresh.isEmpty() && !all.files().isEmpty()) {
      LOG.info(
          "nightly: nothing to do: all {} input file(s) were processed by earlier runs (use"
              + " --reprocess to read them again)",
          all.files().size());
      String index = null;
      if (options.reports() != null && lake.exists(Tables.BUSINESS_SUMMARY)) {
        // the reports asked for are written from the lake as it is (e.g. a retry after a run
        // that committed but died before its reports)
        index = new ReportJob(spark).execute(lake.root(), options.reports(), runId);
        LOG.info("nightly: reports of the unchanged lake in {}", options.reports());
      }
      return new Outcome(null, null, 0, index, null, true, seen);
    }

    t = System.nanoTime();
    IngestJob ingestJob = new IngestJob(spark, options.ingest());
    IngestJob.Result ingest = ingestJob.execute(lake, new InputFiles.Listing(fresh, all.skipped()));
    Map<String, String> ingestFormats = ingestJob.formats();
    Map<String, String> ingestEncodings = ingestJob.encodings();
    timings.put("ingest_s", secs(t));

    t = System.nanoTime();
    TagJob.Result tagResult = new TagJob(spark).execute(lake);
    timings.put("tag_s", secs(t));

    t = System.nanoTime();
    SummarizeJob.Result summary = new SummarizeJob(spark, options.summary()).execute(lake);
    long businesses = summary.businesses();
    timings.put("summarize_s", secs(t));

    IngestCounts total = ingest.total();
    boolean tagsReconcile = tagResult.reviews() == tagResult.taggable();
    boolean lakeReconciles = ingest.lakeReviews() == tagResult.taggable() + tagResult.skipped();
    boolean reconciles = total.reconciles() && tagsReconcile && lakeReconciles;
    if (!reconciles) {
      LOG.error(
          "counts do not reconcile: read {} != accepted {} + duplicates {} + rejected {} +"
              + " business records {}; or review_tags {} != taggable reviews {}; or lake reviews"
              + " {} != taggable {} + other languages {}",
          total.read(),
          total.accepted(),
          total.duplicates(),
          total.rejected(),
          total.businessRecords(),
          tagResult.reviews(),
          tagResult.taggable(),
          ingest.lakeReviews(),
          tagResult.taggable(),
          tagResult.skipped());
    } else {
      LOG.info(
          "nightly: counts reconcile: read {} = accepted {} + duplicates {} + rejected {} +"
              + " business records {}; lake reviews {} = tagged {} + other languages {}",
          total.read(),
          total.accepted(),
          total.duplicates(),
          total.rejected(),
          total.businessRecords(),
          ingest.lakeReviews(),
          tagResult.reviews(),
          tagResult.skipped());
    }
    List<String> nothingAccepted = ingest.filesWithNothingAccepted();
    for (String w : nothingAccepted) {
      LOG.warn("nightly: {}", w);
    }
    Instant finished = Instant.now();
    timings.put("total_s", Duration.between(started, finished).toMillis() / 1000.0);

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("status", reconciles ? "ok" : "reconciliation_failed");
    manifest.put("recovered_runs", recovered);
    manifest.put("lock_taken_over_from", lock.takenOver().map(LakeLock.Holder::runId).orElse(null));
    manifest.put("started_at", started.toString());
    manifest.put("finished_at", finished.toString());
    manifest.put("spark_version", spark.version());
    manifest.put("master", spark.sparkContext().master());
    manifest.put("model_version", TagJob.modelVersion());
    manifest.put(
        "language_model",
        fi.palvelututka.models.lang.LanguageIdentifier.shipped().version().toString());
    manifest.put("as_of", options.summary().asOf().toString());
    manifest.put("min_reviews", options.summary().minReviews());
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (InputFiles.InputFile f : ingest.files()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.path());
      m.put("bytes", f.size());
      m.put("sha256", checksums.get(f.path()));
      m.put("format", ingestFormats.getOrDefault(f.path(), "unknown"));
      m.put("encoding", ingestEncodings.getOrDefault(f.path(), "unknown"));
      m.put("counts", ingest.perFile().get(f.path()).toMap());
      inputs.add(m);
    }
    manifest.put("inputs", inputs);
    manifest.put("files_with_nothing_accepted", nothingAccepted);
    manifest.put("skipped_files", ingest.skipped());
    Map<String, Object> already = new LinkedHashMap<>();
    seen.forEach((path, s) -> already.put(path, Map.of("same_as", s.path(), "run_id", s.runId())));
    manifest.put("already_processed", already);
    manifest.put("reprocess", options.reprocess());
    manifest.put("counts", total.toMap());
    manifest.put("accepted_by_language", ingest.acceptedByLanguage());
    manifest.put("reconciles", reconciles);
    Map<String, Object> stages = new LinkedHashMap<>();
    stages.put("reviews_accepted", total.accepted());
    stages.put("reviews_in_lake", ingest.lakeReviews());
    stages.put("rejects", total.rejected());
    stages.put("tagged_now", tagResult.taggedNow());
    stages.put("review_tags", tagResult.reviews());
    stages.put("not_tagged_by_language", tagResult.skippedByLanguage());
    stages.put("aspect_mentions", tagResult.mentions());
    stages.put("businesses", businesses);
    stages.put("business_summary", summary.summaryRows());
    stages.put("business_monthly", summary.monthlyRows());
    manifest.put("stages", stages);
    manifest.put("timings", timings);
    List<String> tables = Tables.ALL;
    ProcessedFiles.stage(spark, lake, ingest.files(), checksums, ingestFormats);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String table : tables) {
      outputs.put(table, lake.current(table));
    }
    String index = null;
    if (options.reports() != null) {
      index = new Path(options.reports(), "index.html").toString();
      outputs.put("report", index);
    }
    manifest.put("outputs", outputs);
    byte[] json =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
    if (!reconciles) {
      // nothing of this run becomes visible; the manifest says why
      lake.abandon(json);
      LOG.error("nightly: run not committed; manifest {}", lake.manifestPath());
      return new Outcome(ingest, tagResult, businesses, null, lake.manifestPath(), false, seen);
    }
    lake.stageManifest(json);
    lock.verify(); // a run whose lock was taken over commits nothing
    lake.commit(tables);
    LOG.info("nightly: committed; manifest {}", lake.manifestPath());

    if (options.reports() != null) {
      t = System.nanoTime();
      index = new ReportJob(spark).execute(lake.root(), options.reports(), runId);
      LOG.info("nightly: reports in {} ({} s)", options.reports(), secs(t));
    }
    return new Outcome(ingest, tagResult, businesses, index, lake.manifestPath(), reconciles, seen);
  }

  private static double secs(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
  }
}
