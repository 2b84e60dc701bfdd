package fi.palvelututka.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.jobs.SparkOptions;
import fi.palvelututka.jobs.ingest.IngestCounts;
import fi.palvelututka.jobs.ingest.IngestOptions;
import fi.palvelututka.jobs.nightly.NightlyJob;
import fi.palvelututka.jobs.nightly.NightlyOptions;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import fi.palvelututka.models.cli.ExitCodes;
import fi.palvelututka.models.lang.LanguageIdentifier;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The measurements of {@code bench run}; results printed and optionally written as JSON. */
final class Benchmark {

  /** The generated dumps' fields, read by Spark's own readers for the floor. */
  private static final StructType DUMP_SCHEMA =
      new StructType()
          .add("review_id", DataTypes.StringType)
          .add("business_id", DataTypes.StringType)
          .add("business_name", DataTypes.StringType)
          .add("business_category", DataTypes.StringType)
          .add("city", DataTypes.StringType)
          .add("rating", DataTypes.StringType)
          .add("text", DataTypes.StringType)
          .add("created_at", DataTypes.StringType)
          .add("author", DataTypes.StringType)
          .add("owner_reply", DataTypes.StringType)
          .add("owner_reply_at", DataTypes.StringType);

  /** As-of date of the summaries: the generator's dates end on 2026-11-01. */
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  private final String dump;
  private final Path work;
  private final int taggerReviews;
  private final Set<String> skip;
  private final Path report;
  private final SparkOptions sparkOptions;

  Benchmark(
      String dump,
      Path work,
      int taggerReviews,
      Set<String> skip,
      Path report,
      SparkOptions sparkOptions) {
    this.dump = dump;
    this.work = work;
    this.taggerReviews = taggerReviews;
    this.skip = skip;
    this.report = report;
    this.sparkOptions = sparkOptions;
  }

  int run() throws Exception {
    Path dumpDir = Path.of(dump);
    if (!Files.isDirectory(dumpDir)) {
      System.err.println("bench run: no dump folder " + dump + " (run 'bench generate' first)");
      return ExitCodes.INPUT;
    }
    boolean csv;
    long dumpBytes;
    try (Stream<Path> files = Files.list(dumpDir)) {
      List<Path> list = files.filter(Files::isRegularFile).toList();
      csv = list.stream().anyMatch(p -> p.toString().endsWith(".csv"));
      dumpBytes = list.stream().mapToLong(p -> p.toFile().length()).sum();
    }
    deleteRecursively(work);
    Files.createDirectories(work);

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("dump", dumpDir.toAbsolutePath().toString());
    results.put("dump_bytes", dumpBytes);
    putMachine(results);

    RssSampler rss = new RssSampler();
    rss.start();
    JvmCounters runStart = JvmCounters.now();
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = sparkOptions.session("palvelututka bench");
    int code = ExitCodes.OK;
    try {
      putSpark(results, spark);
      results.put("default_parallelism", spark.sparkContext().defaultParallelism());

      long floorRecords = -1;
      if (!skip.contains("floor")) {
        rss.phase();
        JvmCounters start = JvmCounters.now();
        long t = System.nanoTime();
        Path out = work.resolve("floor");
        reader(spark, csv).load(dump).write().parquet(out.toString());
        double secs = (System.nanoTime() - t) / 1e9;
        floorRecords = spark.read().parquet(out.toString()).count();
        Map<String, Object> floor = new LinkedHashMap<>();
        floor.put("seconds", round(secs));
        floor.put("records", floorRecords);
        floor.put("records_per_s", Math.round(floorRecords / secs));
        floor.put("peak_rss_mb", rss.phasePeakMb());
        floor.put("jvm", JvmCounters.now().since(start));
        results.put("floor", floor);
        System.out.printf(
            Locale.ROOT,
            "bench: floor: %d records read and written as Parquet in %.1f s (%,.0f records/s)%n",
            floorRecords,
            secs,
            floorRecords / secs);
      }

      if (!skip.contains("pipeline")) {
        rss.phase();
        StageMetrics metrics = new StageMetrics();
        spark.sparkContext().addSparkListener(metrics);
        JvmCounters start = JvmCounters.now();
        long t = System.nanoTime();
        NightlyOptions opts =
            new NightlyOptions(
                IngestOptions.of(List.of(dump)),
                work.resolve("lake").toString(),
                null,
                "bench",
                new SummarizeJob.Options(
                    AS_OF, SummarizeJob.DEFAULT_MIN_REVIEWS, SummarizeJob.DEFAULT_MIN_PEERS));
        NightlyJob.Outcome o = new NightlyJob(spark, opts).execute();
        double secs = (System.nanoTime() - t) / 1e9;
        Map<String, Object> jvm = JvmCounters.now().since(start);
        IngestCounts c = o.ingest().total();
        JsonNode manifest = new ObjectMapper().readTree(Path.of(o.manifestPath()).toFile());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("seconds", round(secs));
        p.put("records", c.read());
        p.put("records_per_s", Math.round(c.read() / secs));
        p.put("accepted", c.accepted());
        p.put("rejected", c.rejected());
        p.put("duplicates", c.duplicates());
        p.put("tagged", o.tags().taggedNow());
        p.put("aspect_mentions", o.tags().mentions());
        p.put("businesses", o.businesses());
        p.put("reconciles", o.reconciles());
        p.put("stage_seconds", manifest.get("timings"));
        spark.sparkContext().listenerBus().waitUntilEmpty();
        spark.sparkContext().removeSparkListener(metrics);
        p.put("spark_by_job_group", metrics.toMap());
        p.put("peak_rss_mb", rss.phasePeakMb());
        p.put("jvm", jvm);
        results.put("pipeline", p);
        System.out.printf(
            Locale.ROOT,
            "bench: pipeline: %d records in %.1f s (%,.0f records/s); stages %s%n",
            c.read(),
            secs,
            c.read() / secs,
            manifest.get("timings"));
        System.out.printf("bench: Spark work by job group: %s%n", metrics.toMap());
        System.out.printf(
            "bench: pipeline, whole process (all threads, JIT compiling, GC): %s%n", jvm);
        if (results.get("floor") instanceof Map<?, ?> floor) {
          double ratio = secs / ((Number) floor.get("seconds")).doubleValue();
          results.put("pipeline_over_floor", round(ratio));
          System.out.printf(Locale.ROOT, "bench: pipeline / floor = %.2f%n", ratio);
        }
        if (!o.reconciles()) {
          code = ExitCodes.RECONCILIATION;
        }
      }

      if (!skip.contains("tagger")) {
        List<String> texts = new ArrayList<>(taggerReviews);
        for (Row r :
            reader(spark, csv).load(dump).select("text").limit(taggerReviews).collectAsList()) {
          if (r.getString(0) != null) {
            texts.add(r.getString(0));
          }
        }
        rss.phase();
        JvmCounters start = JvmCounters.now();
        Map<String, Object> tagger = taggerAlone(texts);
        tagger.put("jvm", JvmCounters.now().since(start));
        results.put("tagger_single_thread", tagger);
      }
    } finally {
      if (ownSession) {
        spark.stop();
      }
      rss.stopSampling();
    }
    results.put("peak_rss_mb", rss.overallPeakMb());
    results.put("jvm", JvmCounters.now().since(runStart));
    results.put("vm_hwm_mb", RssSampler.readStatusMb("VmHWM:"));
    System.out.printf(
        "bench: peak RSS %d MB (VmHWM %d MB)%n",
        rss.overallPeakMb(), RssSampler.readStatusMb("VmHWM:"));
    writeResults(results, report, "bench");
    return code;
  }

  /** The JDK, heap, cores and JVM flags, into a report. */
  static void putMachine(Map<String, Object> results) {
    results.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
    results.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    results.put("cpus", Runtime.getRuntime().availableProcessors());
    results.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** Spark's version, master and shuffle partitions, into a report. */
  static void putSpark(Map<String, Object> results, SparkSession spark) {
    results.put("spark_version", spark.version());
    results.put("master", spark.sparkContext().master());
    results.put("shuffle_partitions", spark.conf().get("spark.sql.shuffle.partitions"));
  }

  /** The report as indented JSON: to {@code report}, or to standard output when it is null. */
  static void writeResults(Map<String, Object> results, Path report, String who)
      throws IOException {
    String json =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results);
    if (report != null) {
      if (report.toAbsolutePath().getParent() != null) {
        Files.createDirectories(report.toAbsolutePath().getParent());
      }
      Files.writeString(report, json + "\n");
      System.out.println(who + ": results in " + report);
    } else {
      System.out.println(json);
    }
  }

  private static DataFrameReader reader(SparkSession spark, boolean csv) {
    return csv
        ? spark.read().format("csv").option("header", "true").option("sep", ";").schema(DUMP_SCHEMA)
        : spark.read().format("json").schema(DUMP_SCHEMA);
  }

  /** Language detection, analyzer and the whole tagger, each over the same texts, one thread. */
  private static Map<String, Object> taggerAlone(List<String> texts) {
    LanguageIdentifier lang = LanguageIdentifier.shipped();
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    ReviewTagger tagger = ReviewTagger.shipped();
    // warm up the JIT on a slice, then measure over all texts
    int warm = Math.min(texts.size(), 3000);
    long sink = 0;
    for (int i = 0; i < warm; i++) {
      sink += lang.identify(texts.get(i)).language().length();
      sink += tagger.tag(texts.get(i)).aspects().size();
    }
    long chars = 0;
    long tokens = 0;
    long t = System.nanoTime();
    for (String s : texts) {
      sink += lang.identify(s).language().length();
    }
    double langSecs = (System.nanoTime() - t) / 1e9;
    t = System.nanoTime();
    for (String s : texts) {
      tokens += analyzer.analyze(s).tokenCount();
      chars += s.length();
    }
    double analyzerSecs = (System.nanoTime() - t) / 1e9;
    t = System.nanoTime();
    for (String s : texts) {
      sink += tagger.tag(s).aspects().size();
    }
    double tagSecs = (System.nanoTime() - t) / 1e9;
    int n = texts.size();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reviews", n);
    m.put("mean_chars", n == 0 ? 0 : chars / n);
    m.put("mean_tokens", n == 0 ? 0 : round((double) tokens / n));
    m.put("language_id_reviews_per_s", Math.round(n / langSecs));
    m.put("analyzer_reviews_per_s", Math.round(n / analyzerSecs));
    m.put("tagger_reviews_per_s", Math.round(n / tagSecs));
    m.put("tagger_tokens_per_s", Math.round(tokens / tagSecs));
    m.put("language_id_us_per_review", round(langSecs * 1e6 / n));
    m.put("analyzer_us_per_review", round(analyzerSecs * 1e6 / n));
    m.put("tagger_us_per_review", round(tagSecs * 1e6 / n));
    m.put("checksum", sink % 1000);
    System.out.printf(
        Locale.ROOT,
        "bench: tagger alone (1 thread, %d reviews, %.0f chars, %.1f tokens each): %,.0f reviews/s,"
            + " %,.0f tokens/s; language id %,.0f reviews/s; analyzer %,.0f reviews/s%n",
        n,
        n == 0 ? 0.0 : (double) chars / n,
        n == 0 ? 0.0 : (double) tokens / n,
        n / tagSecs,
        tokens / tagSecs,
        n / langSecs,
        n / analyzerSecs);
    return m;
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /** Samples the process's resident set size (Linux /proc) every 100 ms, per phase and overall. */
  static final class RssSampler extends Thread {
    private volatile boolean running = true;
    private volatile long phasePeakKb;
    private volatile long overallPeakKb;

    RssSampler() {
      super("rss-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        sample();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized void sample() {
      long kb = readStatusKb("VmRSS:");
      phasePeakKb = Math.max(phasePeakKb, kb);
      overallPeakKb = Math.max(overallPeakKb, kb);
    }

    synchronized void phase() {
      phasePeakKb = 0;
      sample();
    }

    long phasePeakMb() {
      sample();
      return phasePeakKb >> 10;
    }

    long overallPeakMb() {
      return overallPeakKb >> 10;
    }

    void stopSampling() {
      running = false;
    }

    static long readStatusMb(String key) {
      return readStatusKb(key) >> 10;
    }

    /** A kB value from /proc/self/status, or 0 where there is none (not Linux). */
    static long readStatusKb(String key) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith(key)) {
            return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
          }
        }
      } catch (IOException | RuntimeException e) {
        return 0;
      }
      return 0;
    }
  }
}
