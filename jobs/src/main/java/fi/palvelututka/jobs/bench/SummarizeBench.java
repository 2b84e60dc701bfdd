package fi.palvelututka.jobs.bench;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.SparkOptions;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import fi.palvelututka.models.cli.ExitCodes;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench summarize}: the summarize stage alone on a committed lake, several rounds in one
 * JVM. The first round pays for compiling Spark's query code and the stage's own, as a nightly run
 * does; the later ones show what is left. Summarize's cost is mostly fixed (BENCHMARKS.md), so this
 * is where a change to it is measured without running ingest and tag each time.
 */
final class SummarizeBench {

  private static final List<String> INPUTS =
      List.of(Tables.REVIEWS, Tables.REVIEW_TAGS, Tables.ASPECT_MENTIONS);

  private final String lakeDir;
  private final int rounds;
  private final LocalDate asOf;
  private final Path report;
  private final SparkOptions sparkOptions;

  SummarizeBench(
      String lakeDir, int rounds, LocalDate asOf, Path report, SparkOptions sparkOptions) {
    this.lakeDir = lakeDir;
    this.rounds = rounds;
    this.asOf = asOf;
    this.report = report;
    this.sparkOptions = sparkOptions;
  }

  int run() throws Exception {
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = sparkOptions.session("palvelututka bench summarize");
    Benchmark.RssSampler rss = new Benchmark.RssSampler();
    Map<String, Object> results = new LinkedHashMap<>();
    try {
      Lake committed = new Lake(spark, lakeDir, "bench-summarize");
      for (String table : INPUTS) {
        if (!committed.exists(table)) {
          System.err.printf(
              "bench summarize: %s has no committed table %s (run nightly or bench run first)%n",
              lakeDir, table);
          return ExitCodes.INPUT;
        }
      }
      try (fi.palvelututka.jobs.LakeLock lock = committed.lock()) {
        rss.start();
        rounds(spark, committed, rss, results);
      } catch (fi.palvelututka.jobs.LakeLock.LakeInUseException e) {
        System.err.println("bench summarize: " + e.getMessage());
        return ExitCodes.LAKE_IN_USE;
      }
    } finally {
      if (ownSession) {
        spark.stop();
      }
      rss.stopSampling();
    }
    results.put("peak_rss_mb", rss.overallPeakMb());
    Benchmark.writeResults(results, report, "bench summarize");
    return ExitCodes.OK;
  }

  private void rounds(
      SparkSession spark, Lake committed, Benchmark.RssSampler rss, Map<String, Object> results)
      throws Exception {
    results.put("lake", lakeDir);
    results.put("as_of", asOf.toString());
    Benchmark.putMachine(results);
    Benchmark.putSpark(results, spark);
    List<Map<String, Object>> out = new ArrayList<>();
    SummarizeJob.Options options =
        new SummarizeJob.Options(
            asOf, SummarizeJob.DEFAULT_MIN_REVIEWS, SummarizeJob.DEFAULT_MIN_PEERS);
    for (int r = 1; r <= rounds; r++) {
      Lake scratch = new Lake(spark, lakeDir, "bench-summarize-" + r);
      rss.phase();
      StageMetrics metrics = new StageMetrics();
      spark.sparkContext().addSparkListener(metrics);
      JvmCounters start = JvmCounters.now();
      long t = System.nanoTime();
      SummarizeJob.Result res;
      try {
        res =
            new SummarizeJob(spark, options)
                .execute(scratch, table -> spark.read().parquet(committed.current(table)));
      } finally {
        scratch.discardStaging(); // the lake's committed tables are never touched
      }
      double secs = (System.nanoTime() - t) / 1e9;
      spark.sparkContext().listenerBus().waitUntilEmpty();
      spark.sparkContext().removeSparkListener(metrics);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("round", r);
      m.put("seconds", Math.round(secs * 100) / 100.0);
      m.put("businesses", res.businesses());
      m.put("summary_rows", res.summaryRows());
      m.put("monthly_rows", res.monthlyRows());
      m.put("spark", metrics.toMap().get("summarize"));
      m.put("peak_rss_mb", rss.phasePeakMb());
      m.put("jvm", JvmCounters.now().since(start));
      out.add(m);
      System.out.printf(
          Locale.ROOT,
          "bench summarize: round %d of %d: %.2f s (%d businesses, %d summary rows, %d"
              + " business-months)%n",
          r,
          rounds,
          secs,
          res.businesses(),
          res.summaryRows(),
          res.monthlyRows());
    }
    results.put("rounds", out);
  }
}
