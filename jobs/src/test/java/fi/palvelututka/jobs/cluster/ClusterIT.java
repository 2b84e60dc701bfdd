package fi.palvelututka.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.jobs.SparkTestSession;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.ingest.IngestOptions;
import fi.palvelututka.jobs.nightly.NightlyJob;
import fi.palvelututka.jobs.nightly.NightlyOptions;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar under {@code spark-submit} against a real standalone cluster: a master and a
 * worker started as separate processes on 127.0.0.1 from the {@code pyspark} package (same Spark
 * version as the pom; {@code .ci/run} installs it and sets {@code SPARK_HOME}). Also: a worker
 * killed during a run (the run must still finish correctly), and a driver killed with SIGKILL (the
 * lake must keep its previous state, and the rerun must give what an uninterrupted run gives).
 * Skipped with a message when no Spark distribution is found.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  @TempDir static Path dir;
  static String sparkHome;
  static Path jar;
  static Path samples;
  static Process master;
  static Process worker;
  static String masterUrl;
  static int workerCount;

  static final String AS_OF = "2026-11-20";

  @BeforeAll
  static void startCluster() throws Exception {
    sparkHome = findSparkHome();
    Assumptions.assumeTrue(
        sparkHome != null,
        "SKIPPED: no Spark distribution (set SPARK_HOME, e.g. pip install pyspark==4.1.1 and"
            + " SPARK_HOME=<site-packages>/pyspark)");
    Path root = Path.of(System.getProperty("palvelututka.root", ".."));
    jar = root.resolve("jobs/target/palvelututka.jar");
    samples = root.resolve("data-samples");
    assertThat(jar).as("application jar (mvn package)").exists();
    int port = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    master =
        start(
            "master",
            List.of(
                sparkHome + "/bin/spark-class",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                String.valueOf(freePort())));
    waitForLog(dir.resolve("master.log"), "I have been elected leader", Duration.ofSeconds(60));
    worker = startWorker();
  }

  static Process startWorker() throws Exception {
    int n = ++workerCount;
    Process w =
        start(
            "worker-" + n,
            List.of(
                sparkHome + "/bin/spark-class",
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "2",
                "--memory",
                "3g",
                "--webui-port",
                String.valueOf(freePort()),
                "--work-dir",
                dir.resolve("work-" + n).toString(),
                masterUrl));
    waitForLog(
        dir.resolve("worker-" + n + ".log"),
        "Successfully registered with master",
        Duration.ofSeconds(60));
    return w;
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : new Process[] {worker, master}) {
      if (p != null) {
        killTree(p);
      }
    }
  }

  // ------------------------------------------------------------------ tests

  @Test
  @Order(1)
  void nightlyRunsUnderSparkSubmitOnTheCluster() throws Exception {
    Path lake = dir.resolve("lake-1");
    Process p = submit("submit-1", lake, samples, "c-1");
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
    String out = Files.readString(dir.resolve("submit-1.out"));
    assertThat(p.exitValue()).as(out + tail(dir.resolve("submit-1.err"))).isZero();
    assertThat(out).contains("(Spark 4.1.1, " + masterUrl + ")").contains("counts reconcile");
    assertThat(fingerprint(lake)).isEqualTo(reference());
    assertThat(dir.resolve("reports-submit-1/index.html")).exists();
  }

  @Test
  @Order(2)
  void aWorkerKilledDuringTheRunIsReplacedAndTheRunCompletes() throws Exception {
    Path lake = dir.resolve("lake-2");
    Process p = submit("submit-2", lake, samples, "c-2");
    // executors are running tasks: kill the worker with its executors, like a lost machine
    long dumps;
    try (var files = Files.list(samples)) {
      dumps = files.filter(f -> !f.getFileName().toString().endsWith(".md")).count();
    }
    waitForLog(
        dir.resolve("submit-2.err"),
        "IngestJob: ingest: " + dumps + " input file(s)",
        Duration.ofMinutes(3));
    Thread.sleep(3000);
    killTree(worker);
    worker = startWorker();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
    String out = Files.readString(dir.resolve("submit-2.out"));
    assertThat(p.exitValue()).as(out + tail(dir.resolve("submit-2.err"))).isZero();
    assertThat(out).contains("counts reconcile");
    assertThat(Files.readString(dir.resolve("submit-2.err")))
        .as("the driver saw its executors go")
        .containsAnyOf("Lost executor", "Executor lost", "removed: ");
    assertThat(fingerprint(lake)).isEqualTo(reference());
  }

  @Test
  @Order(3)
  void aDriverKilledMidRunLeavesThePreviousStateAndTheRerunEqualsAnUninterruptedRun()
      throws Exception {
    Path lake = dir.resolve("lake-3");
    // night 1: one file, committed
    Path night1 = Files.createDirectories(dir.resolve("night1"));
    Files.copy(samples.resolve("reviews-late-2026-11.jsonl"), night1.resolve("late.jsonl"));
    Process first = submit("submit-3a", lake, night1, "n-1");
    assertThat(first.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).as(tail(dir.resolve("submit-3a.err"))).isZero();
    List<String> before = fingerprint(lake);

    // night 2: killed with SIGKILL while it tags
    Process killed = submit("submit-3b", lake, samples, "n-2");
    waitForLog(dir.resolve("submit-3b.err"), "TagJob", Duration.ofMinutes(5));
    killTree(killed);
    assertThat(killed.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(fingerprint(lake)).as("previous state after the kill").isEqualTo(before);
    assertThat(lake.resolve("_runs/n-2.json")).doesNotExist();
    assertThat(lake.resolve("_staging/n-2")).as("the killed run's staged output").exists();

    // rerun of night 2 (same run id): recovers, then gives the uninterrupted result
    Process rerun = submit("submit-3c", lake, samples, "n-2");
    assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(rerun.exitValue()).as(tail(dir.resolve("submit-3c.err"))).isZero();
    assertThat(fingerprint(lake)).isEqualTo(referenceTwoNights(night1));
    assertThat(lake.resolve("_staging")).doesNotExist();
  }

  // ------------------------------------------------------------------ helpers

  /** What the lake holds, as comparable lines (ids, texts' languages, tags, summaries). */
  static List<String> fingerprint(Path lake) {
    SparkSession spark = SparkTestSession.get();
    List<String> lines = new ArrayList<>();
    if (!Files.exists(lake.resolve(Tables.REVIEWS))) {
      return lines;
    }
    spark.catalog().clearCache();
    for (Row r :
        spark
            .read()
            .parquet(lake.resolve(Tables.REVIEWS).toString())
            .selectExpr("review_id", "language", "hash(text)", "rating")
            .collectAsList()) {
      lines.add("review " + r.mkString("|"));
    }
    for (Row r :
        spark
            .read()
            .parquet(lake.resolve(Tables.REVIEW_TAGS).toString())
            .selectExpr("review_id", "sentiment", "round(score, 9)", "size(aspects)")
            .collectAsList()) {
      lines.add("tag " + r.mkString("|"));
    }
    for (Row r :
        spark
            .read()
            .parquet(lake.resolve(Tables.BUSINESS_SUMMARY).toString())
            .selectExpr("business_id", "period", "review_count", "round(net_sentiment, 6)")
            .collectAsList()) {
      lines.add("summary " + r.mkString("|"));
    }
    lines.add("rejects " + spark.read().parquet(lake.resolve(Tables.REJECTS).toString()).count());
    return new ArrayList<>(new TreeSet<>(lines));
  }

  static List<String> reference;

  /** The same run in this JVM (embedded Spark), uninterrupted. */
  static List<String> reference() throws Exception {
    if (reference == null) {
      Path lake = dir.resolve("reference");
      runInProcess(lake, samples, "ref-1");
      reference = fingerprint(lake);
    }
    return reference;
  }

  static List<String> referenceTwoNights(Path night1) throws Exception {
    Path lake = dir.resolve("reference-2");
    runInProcess(lake, night1, "ref-n1");
    runInProcess(lake, samples, "ref-n2");
    return fingerprint(lake);
  }

  static void runInProcess(Path lake, Path input, String runId) throws Exception {
    IngestOptions io =
        new IngestOptions(
            List.of(input.toString()),
            IngestOptions.DEFAULT_MAX_TEXT_CHARS,
            ZoneId.of("Europe/Helsinki"),
            null,
            IngestOptions.DEFAULT_MAX_RAW_CHARS);
    NightlyJob.Outcome o =
        new NightlyJob(
                SparkTestSession.get(),
                new NightlyOptions(
                    io,
                    lake.toString(),
                    null,
                    runId,
                    new SummarizeJob.Options(
                        LocalDate.parse(AS_OF),
                        SummarizeJob.DEFAULT_MIN_REVIEWS,
                        SummarizeJob.DEFAULT_MIN_PEERS)))
            .execute();
    assertThat(o.reconciles()).isTrue();
  }

  static Process submit(String name, Path lake, Path input, String runId) throws IOException {
    return start(
        name,
        List.of(
            sparkHome + "/bin/spark-submit",
            "--master",
            masterUrl,
            "--class",
            "fi.palvelututka.jobs.Cli",
            "--driver-memory",
            "1g",
            "--conf",
            "spark.executor.memory=1500m",
            "--conf",
            "spark.sql.shuffle.partitions=4",
            jar.toString(),
            "nightly",
            "--input",
            input.toString(),
            "--lake",
            lake.toString(),
            "--reports",
            dir.resolve("reports-" + name).toString(),
            "--as-of",
            AS_OF,
            "--run-id",
            runId));
  }

  /** Starts a process; submits log to NAME.out / NAME.err, daemons to NAME.log. */
  static Process start(String name, List<String> cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (name.startsWith("submit")) {
      pb.redirectOutput(dir.resolve(name + ".out").toFile())
          .redirectError(dir.resolve(name + ".err").toFile());
    } else {
      pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    }
    pb.environment().put("SPARK_HOME", sparkHome);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  static void waitForLog(Path log, String text, Duration timeout) throws Exception {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("'" + text + "' did not appear in " + log + ":\n" + tail(log));
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no " + log + ")";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** SIGKILL to the process and everything it started. */
  static void killTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String findSparkHome() {
    for (String env : new String[] {"PALVELUTUTKA_SPARK_HOME", "SPARK_HOME"}) {
      String v = System.getenv(env);
      if (v != null && new File(v, "bin/spark-submit").canExecute()) {
        return v;
      }
    }
    return null;
  }
}
