package fi.palvelututka.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.jobs.Cli;
import fi.palvelututka.jobs.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

  @TempDir static Path tmp;

  @BeforeAll
  static void spark() {
    SparkTestSession.get();
  }

  @Test
  void generatorIsDeterministicAndRealisticInShape() throws Exception {
    DumpGenerator.Options o =
        new DumpGenerator.Options(6000, 3, 11, 40, DumpGenerator.Format.JSONL);
    DumpGenerator.Summary a = new DumpGenerator().generate(o, tmp.resolve("a"));
    DumpGenerator.Summary b = new DumpGenerator().generate(o, tmp.resolve("b"));
    assertThat(a).isEqualTo(b);
    for (String f : List.of("reviews-00000.jsonl", "reviews-00001.jsonl", "reviews-00002.jsonl")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
    DumpGenerator.Summary other =
        new DumpGenerator()
            .generate(
                new DumpGenerator.Options(6000, 3, 12, 40, DumpGenerator.Format.JSONL),
                tmp.resolve("c"));
    assertThat(Files.readAllBytes(tmp.resolve("c").resolve("reviews-00000.jsonl")))
        .isNotEqualTo(Files.readAllBytes(tmp.resolve("a").resolve("reviews-00000.jsonl")));
    assertThat(other.records()).isEqualTo(6000);

    assertThat(a.records()).isEqualTo(6000);
    assertThat(a.reviewsWritten() + a.broken()).isEqualTo(6000);
    assertThat(a.broken()).isBetween(1L, 40L);
    assertThat(a.meanTextChars()).isBetween(260.0, 350.0);
    ObjectMapper json = new ObjectMapper();
    List<Integer> lengths = new ArrayList<>();
    java.util.Set<String> businesses = new java.util.HashSet<>();
    int english = 0;
    try (Stream<Path> files = Files.list(tmp.resolve("a"))) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          JsonNode n;
          try {
            n = json.readTree(line);
          } catch (Exception e) {
            continue; // the broken records
          }
          String text = n.get("text").asText();
          lengths.add(text.length());
          businesses.add(n.get("business_id").asText());
          english += text.contains(" the ") ? 1 : 0;
          assertThat(n.get("rating").asInt()).isBetween(1, 5);
          assertThat(n.get("created_at").asText()).startsWith("202");
        }
      }
    }
    assertThat(lengths).hasSize((int) a.reviewsWritten());
    assertThat(lengths.stream().mapToInt(Integer::intValue).min().orElseThrow())
        .isGreaterThanOrEqualTo(50);
    assertThat(lengths.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isLessThanOrEqualTo(1500)
        .isGreaterThan(900);
    assertThat(businesses).hasSizeBetween(30, 40);
    assertThat(english).isBetween(20, 300);
  }

  @Test
  void benchRunMeasuresFloorPipelineAndTaggerOnTheSameDump() throws Exception {
    Path dump = tmp.resolve("dump");
    assertThat(
            Cli.execute(
                "bench", "generate", "--reviews", "1500", "--files", "2", "--out", dump.toString()))
        .isZero();
    Path report = tmp.resolve("bench.json");
    int code =
        Cli.execute(
            "bench",
            "run",
            "--dump",
            dump.toString(),
            "--work",
            tmp.resolve("work").toString(),
            "--tagger-reviews",
            "300",
            "--report",
            report.toString());
    assertThat(code).isZero();
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    assertThat(r.at("/floor/records").asLong()).isEqualTo(1500);
    assertThat(r.at("/pipeline/records").asLong()).isEqualTo(1500);
    assertThat(r.at("/pipeline/reconciles").asBoolean()).isTrue();
    assertThat(
            r.at("/pipeline/accepted").asLong()
                + r.at("/pipeline/duplicates").asLong()
                + r.at("/pipeline/rejected").asLong())
        .isEqualTo(1500);
    assertThat(r.at("/pipeline/tagged").asLong()).isGreaterThan(1300);
    assertThat(r.at("/pipeline/spark_by_job_group/tag/tasks").asLong()).isPositive();
    assertThat(r.at("/pipeline_over_floor").asDouble()).isPositive();
    // The whole process's CPU in the pipeline covers at least the task threads' CPU of each group.
    double taskCpu = 0;
    for (JsonNode group : r.at("/pipeline/spark_by_job_group")) {
      taskCpu += group.path("task_cpu_seconds").asDouble();
    }
    assertThat(taskCpu).isPositive();
    assertThat(r.at("/pipeline/jvm/process_cpu_seconds").asDouble())
        .isGreaterThanOrEqualTo(taskCpu);
    assertThat(r.at("/pipeline/jvm/jit_compile_seconds").asDouble()).isPositive();
    assertThat(r.at("/jvm/process_cpu_seconds").asDouble())
        .isGreaterThan(r.at("/pipeline/jvm/process_cpu_seconds").asDouble());
    assertThat(r.at("/tagger_single_thread/reviews").asInt()).isEqualTo(300);
    assertThat(r.at("/tagger_single_thread/tagger_reviews_per_s").asLong()).isPositive();
    assertThat(r.at("/tagger_single_thread/mean_tokens").asDouble()).isGreaterThan(20);

    // summarize alone on the lake the run left, twice in this JVM; the lake is not changed
    Path lake = tmp.resolve("work").resolve("lake");
    long summaryBytes = size(lake.resolve("business_summary"));
    Path sumReport = tmp.resolve("summarize.json");
    assertThat(
            Cli.execute(
                "bench",
                "summarize",
                "--lake",
                lake.toString(),
                "--rounds",
                "2",
                "--report",
                sumReport.toString()))
        .isZero();
    JsonNode s = new ObjectMapper().readTree(sumReport.toFile());
    assertThat(s.at("/rounds")).hasSize(2);
    for (JsonNode round : s.at("/rounds")) {
      assertThat(round.at("/seconds").asDouble()).isPositive();
      assertThat(round.at("/businesses").asLong()).isEqualTo(r.at("/pipeline/businesses").asLong());
      assertThat(round.at("/summary_rows").asLong())
          .isEqualTo(3 * round.at("/businesses").asLong());
      assertThat(round.at("/spark/jobs").asLong()).isPositive();
    }
    assertThat(lake.resolve("_staging")).doesNotExist();
    assertThat(size(lake.resolve("business_summary"))).isEqualTo(summaryBytes);
  }

  private static long size(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
      return files
          .filter(java.nio.file.Files::isRegularFile)
          .mapToLong(f -> f.toFile().length())
          .sum();
    }
  }

  @Test
  void csvAndGzipDumpsRunThroughTheNightlyIngest() throws Exception {
    for (String format : List.of("csv", "jsonl.gz")) {
      Path dump = tmp.resolve("dump-" + format);
      assertThat(
              Cli.execute(
                  "bench",
                  "generate",
                  "--reviews",
                  "800",
                  "--files",
                  "2",
                  "--format",
                  format,
                  "--out",
                  dump.toString()))
          .isZero();
      Path report = tmp.resolve("bench-" + format + ".json");
      assertThat(
              Cli.execute(
                  "bench",
                  "run",
                  "--dump",
                  dump.toString(),
                  "--work",
                  tmp.resolve("work-" + format).toString(),
                  "--skip",
                  "tagger",
                  "--report",
                  report.toString()))
          .isZero();
      JsonNode r = new ObjectMapper().readTree(report.toFile());
      assertThat(r.at("/floor/records").asLong()).as(format).isEqualTo(800);
      assertThat(r.at("/pipeline/records").asLong()).as(format).isEqualTo(800);
      assertThat(r.at("/pipeline/rejected").asLong()).as(format).isPositive();
    }
  }

  @Test
  void badArgumentsAndMissingDumpGiveExitCodes() {
    assertThat(Cli.execute("bench", "generate", "--reviews", "0", "--out", tmp.toString()))
        .isEqualTo(2);
    assertThat(
            Cli.execute(
                "bench", "generate", "--format", "xml", "--out", tmp.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(
            Cli.execute(
                "bench",
                "run",
                "--dump",
                tmp.resolve("none").toString(),
                "--work",
                tmp.resolve("w").toString()))
        .isEqualTo(3);
    assertThat(Cli.execute("bench", "summarize", "--lake", tmp.resolve("no-lake").toString()))
        .isEqualTo(3);
    assertThat(
            Cli.execute(
                "bench", "summarize", "--lake", tmp.resolve("no-lake").toString(), "--rounds", "0"))
        .isEqualTo(2);
  }
}
