package fi.palvelututka.jobs.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.ingest.IngestCounts;
import fi.palvelututka.jobs.ingest.IngestJob;
import fi.palvelututka.jobs.ingest.InputFiles;
import fi.palvelututka.jobs.report.ReportJob;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import fi.palvelututka.jobs.tag.TagJob;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
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
      long tagged,
      long businesses,
      String reportIndex,
      String manifestPath,
      boolean reconciles) {}

  private final SparkSession spark;
  private final NightlyOptions options;

  public NightlyJob(SparkSession spark, NightlyOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public Outcome execute() throws IOException {
    String lake = options.lake();
    String runId = options.runId();
    Instant started = Instant.now();
    Map<String, Object> timings = new LinkedHashMap<>();

    long t = System.nanoTime();
    IngestJob ingestJob = new IngestJob(spark, options.ingest());
    IngestJob.Result ingest = ingestJob.execute(lake, runId);
    Map<String, String> ingestFormats = ingestJob.formats();
    timings.put("ingest_s", secs(t));

    t = System.nanoTime();
    TagJob.Result tagResult = new TagJob(spark).execute(lake, runId);
    long tagged = tagResult.reviews();
    timings.put("tag_s", secs(t));

    t = System.nanoTime();
    long businesses = new SummarizeJob(spark).execute(lake, runId);
    timings.put("summarize_s", secs(t));

    String index = null;
    if (options.reports() != null) {
      t = System.nanoTime();
      index = new ReportJob(spark).execute(lake, options.reports(), runId);
      timings.put("report_s", secs(t));
    }

    IngestCounts total = ingest.total();
    boolean reconciles = total.reconciles() && tagged == total.accepted();
    if (!reconciles) {
      LOG.error(
          "counts do not reconcile: read {} != accepted {} + duplicates {} + rejected {}, or"
              + " tagged {} != accepted",
          total.read(),
          total.accepted(),
          total.duplicates(),
          total.rejected(),
          tagged);
    }
    Instant finished = Instant.now();
    timings.put("total_s", Duration.between(started, finished).toMillis() / 1000.0);

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("status", reconciles ? "ok" : "reconciliation_failed");
    manifest.put("started_at", started.toString());
    manifest.put("finished_at", finished.toString());
    manifest.put("spark_version", spark.version());
    manifest.put("master", spark.sparkContext().master());
    manifest.put("model_version", TagJob.modelVersion());
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (InputFiles.InputFile f : ingest.files()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.path());
      m.put("bytes", f.size());
      m.put("format", ingestFormats.getOrDefault(f.path(), "unknown"));
      m.put("counts", ingest.perFile().get(f.path()).toMap());
      inputs.add(m);
    }
    manifest.put("inputs", inputs);
    manifest.put("skipped_files", ingest.skipped());
    manifest.put("counts", total.toMap());
    manifest.put("reconciles", reconciles);
    manifest.put(
        "stages",
        Map.of(
            "reviews",
            total.accepted(),
            "rejects",
            total.rejected(),
            "review_tags",
            tagged,
            "aspect_mentions",
            tagResult.mentions(),
            "business_summary",
            businesses));
    manifest.put("timings", timings);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String table :
        List.of(
            Tables.REVIEWS,
            Tables.REJECTS,
            Tables.REVIEW_TAGS,
            Tables.ASPECT_MENTIONS,
            Tables.BUSINESS_SUMMARY)) {
      outputs.put(table, lake + "/" + table);
    }
    if (index != null) {
      outputs.put("report", index);
    }
    manifest.put("outputs", outputs);

    Path manifestPath = new Path(lake + "/" + Tables.RUNS, runId + ".json");
    FileSystem fs = manifestPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(manifestPath, true)) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, manifest);
    }
    LOG.info("nightly: manifest {}", manifestPath);
    return new Outcome(ingest, tagged, businesses, index, manifestPath.toString(), reconciles);
  }

  private static double secs(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
  }
}
