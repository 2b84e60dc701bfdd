package fi.palvelututka.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.jobs.SparkTestSession;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.ingest.IngestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nightly runs into the same lake: the second night brings an exact duplicate, an edit, an
 * older version and a new review; reviews in other languages are stored but not tagged.
 */
class IncrementalRunsTest {

  @TempDir static Path dir;
  static SparkSession spark;
  static String lake;
  static NightlyJob.Outcome first;
  static NightlyJob.Outcome second;
  static String NIGHT1;

  static String rec(String id, String text, String created, String updated) {
    return "{\"review_id\": \""
        + id
        + "\", \"business_id\": \"cafe\", \"business_name\": \"Kahvila\", \"rating\": 4,"
        + " \"text\": \""
        + text
        + "\", \"created_at\": \""
        + created
        + "\""
        + (updated == null ? "" : ", \"updated_at\": \"" + updated + "\"")
        + "}";
  }

  static NightlyJob.Outcome run(String file, String content, String runId) throws Exception {
    return run(file, content, runId, false);
  }

  static NightlyJob.Outcome run(String file, String content, String runId, boolean reprocess)
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in-" + runId));
    Files.writeString(in.resolve(file), content, StandardCharsets.UTF_8);
    return night(in, lake, runId, reprocess);
  }

  /** One night over the input folder into the lake. */
  static NightlyJob.Outcome night(Path in, String lakePath, String runId, boolean reprocess)
      throws Exception {
    IngestOptions io =
        new IngestOptions(List.of(in.toString()), 20_000, ZoneId.of("Europe/Helsinki"), "s", 500);
    return new NightlyJob(
            spark,
            new NightlyOptions(
                io,
                lakePath,
                null,
                runId,
                new fi.palvelututka.jobs.summarize.SummarizeJob.Options(
                    java.time.LocalDate.parse("2026-06-30"), 10, 5),
                reprocess))
        .execute();
  }

  static final String R1 =
      rec("r1", "Ihana pieni kahvila, korvapuustit ovat tuoreita joka aamu.", "2026-05-01", null);
  static final String R2 =
      rec("r2", "Kahvi oli hyvää ja myyjä ystävällinen.", "2026-05-02", "2026-05-02T12:00:00Z");

  @BeforeAll
  static void runTwoNights() throws Exception {
    spark = SparkTestSession.get();
    lake = dir.resolve("lake").toString();
    String night1 =
        String.join(
            "\n",
            R1,
            R2,
            rec(
                "r3",
                "Lovely little cafe, the staff were very friendly and the coffee was great.",
                "2026-05-03",
                null),
            rec(
                "r4",
                "Trevlig personal och gott kaffe, vi kommer gärna tillbaka nästa sommar.",
                "2026-05-04",
                null),
            rec("r5", "👍👍👍", "2026-05-05", null));
    first = run("night1.jsonl", night1 + "\n", "inc-1");
    NIGHT1 = night1 + "\n";
    String night2 =
        String.join(
            "\n",
            R1, // exact duplicate
            rec(
                "r2",
                "Kahvi oli kylmää ja myyjä todella töykeä, en tule enää.",
                "2026-05-02",
                "2026-06-10T09:00:00Z"), // edit: newer
            rec("r2", "Vanha versio.", "2026-05-02", "2026-05-01T09:00:00Z"), // older: ignored
            rec("r6", "Hyvä palvelu ja nopea toimitus.", "2026-06-11", null));
    second = run("night2.jsonl", night2 + "\n", "inc-2");
  }

  @Test
  void firstNightStoresAllLanguagesAndTagsOnlyFinnishOrUndetermined() {
    var c = first.ingest().total();
    assertThat(c.accepted()).isEqualTo(5);
    assertThat(first.ingest().acceptedByLanguage())
        .containsExactlyInAnyOrderEntriesOf(Map.of("fi", 2L, "en", 1L, "sv", 1L, "und", 1L));
    assertThat(first.tags().taggedNow()).isEqualTo(3);
    assertThat(first.tags().skippedByLanguage())
        .containsExactlyInAnyOrderEntriesOf(Map.of("en", 1L, "sv", 1L));
    assertThat(first.reconciles()).isTrue();
  }

  @Test
  void secondNightCountsDuplicatesAndUpdates() {
    var c = second.ingest().total();
    assertThat(c.read()).isEqualTo(4);
    assertThat(c.accepted()).isEqualTo(2); // the edit of r2, the new r6
    assertThat(c.updated()).isEqualTo(1);
    assertThat(c.duplicates()).isEqualTo(2); // r1 again, the older r2
    assertThat(c.reconciles()).isTrue();
    assertThat(second.reconciles()).isTrue();
    assertThat(second.ingest().lakeReviews()).isEqualTo(6);
  }

  @Test
  void theLakeHoldsEachReviewOnceInItsNewestVersion() {
    Map<String, Row> reviews =
        spark.read().parquet(lake + "/" + Tables.REVIEWS).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("review_id"), r -> r));
    assertThat(reviews)
        .containsOnlyKeys("jsonl:r1", "jsonl:r2", "jsonl:r3", "jsonl:r4", "jsonl:r5", "jsonl:r6");
    assertThat(reviews.get("jsonl:r2").<String>getAs("text")).startsWith("Kahvi oli kylmää");
    assertThat(reviews.get("jsonl:r2").<String>getAs("run_id")).isEqualTo("inc-2");
    assertThat(reviews.get("jsonl:r1").<String>getAs("run_id")).isEqualTo("inc-1");
    assertThat(reviews.get("jsonl:r3").<String>getAs("language")).isEqualTo("en");
    assertThat(reviews.get("jsonl:r4").<String>getAs("language")).isEqualTo("sv");
    assertThat(reviews.get("jsonl:r5").<String>getAs("language")).isEqualTo("und");
    assertThat(reviews.get("jsonl:r6").<String>getAs("language")).isEqualTo("fi");
  }

  @Test
  void onlyNewOrChangedReviewsAreTaggedAgain() {
    Map<String, Row> tags =
        spark.read().parquet(lake + "/" + Tables.REVIEW_TAGS).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("review_id"), r -> r));
    assertThat(tags).containsOnlyKeys("jsonl:r1", "jsonl:r2", "jsonl:r5", "jsonl:r6");
    assertThat(tags.get("jsonl:r1").<String>getAs("run_id")).isEqualTo("inc-1");
    assertThat(tags.get("jsonl:r2").<String>getAs("run_id")).isEqualTo("inc-2");
    assertThat(tags.get("jsonl:r2").<String>getAs("sentiment")).isEqualTo("negative");
    assertThat(second.tags().taggedNow()).isEqualTo(2);
    assertThat(second.tags().reviews()).isEqualTo(4);
  }

  @Test
  void summaryCountsEveryReviewButSentimentOnlyOfTaggedOnes() {
    Row s =
        spark
            .read()
            .parquet(lake + "/" + Tables.BUSINESS_SUMMARY)
            .filter("period = 'all_time'")
            .first();
    assertThat(s.<Long>getAs("review_count")).isEqualTo(6);
    assertThat(s.<Long>getAs("tagged_count")).isEqualTo(4);
    assertThat(s.<Long>getAs("finnish_count")).isEqualTo(3);
    long sum =
        s.<Long>getAs("positive_count")
            + s.<Long>getAs("neutral_count")
            + s.<Long>getAs("negative_count")
            + s.<Long>getAs("mixed_count");
    assertThat(sum).isEqualTo(4);
  }

  @Test
  void manifestOfTheSecondNight() throws Exception {
    JsonNode m = new ObjectMapper().readTree(Path.of(lake, "_runs", "inc-2.json").toFile());
    assertThat(m.get("status").asText()).isEqualTo("ok");
    assertThat(m.get("counts").get("updated").asLong()).isEqualTo(1);
    assertThat(m.get("stages").get("reviews_in_lake").asLong()).isEqualTo(6);
    assertThat(m.get("stages").get("not_tagged_by_language").get("en").asLong()).isEqualTo(1);
    assertThat(Path.of(lake, "_staging")).doesNotExist();
    assertThat(Path.of(lake, "_trash")).doesNotExist();
  }

  @Test
  void rerunningANightChangesNothingUnlessReprocessed() throws Exception {
    long reviews = spark.read().parquet(lake + "/" + Tables.REVIEWS).count();
    // the same content under another name and folder: already processed
    NightlyJob.Outcome again = run("copy-of-night1.jsonl", NIGHT1, "inc-again");
    assertThat(again.nothingToDo()).isTrue();
    assertThat(again.reportIndex()).isNull(); // no --reports given
    assertThat(again.alreadyProcessed()).hasSize(1);
    assertThat(again.alreadyProcessed().values().iterator().next().runId()).isEqualTo("inc-1");
    assertThat(Path.of(lake, "_runs", "inc-again.json")).doesNotExist();
    assertThat(spark.read().parquet(lake + "/" + Tables.REVIEWS).count()).isEqualTo(reviews);

    NightlyJob.Outcome forced = run("copy-of-night1.jsonl", NIGHT1, "inc-forced", true);
    assertThat(forced.nothingToDo()).isFalse();
    assertThat(forced.ingest().total().accepted()).isZero();
    assertThat(forced.ingest().total().duplicates()).isEqualTo(5);
    assertThat(forced.reconciles()).isTrue();
    assertThat(spark.read().parquet(lake + "/" + Tables.REVIEWS).count()).isEqualTo(reviews);
    assertThat(spark.read().parquet(lake + "/" + Tables.PROCESSED_FILES).count()).isEqualTo(3);
  }

  @Test
  void readingAFileAgainReplacesItsRejectsInsteadOfAddingThem() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in-rejects"));
    Files.writeString(in.resolve("bad.jsonl"), R1 + "\n{\"broken\n[1]\n", StandardCharsets.UTF_8);
    String ownLake = dir.resolve("lake-rejects").toString();
    for (String runId : List.of("rej-1", "rej-2")) {
      NightlyJob.Outcome o = night(in, ownLake, runId, true);
      assertThat(o.ingest().total().rejected()).isEqualTo(2);
      assertThat(o.reconciles()).isTrue();
    }
    List<Row> rejects = spark.read().parquet(ownLake + "/" + Tables.REJECTS).collectAsList();
    assertThat(rejects).hasSize(2);
    assertThat(rejects).allSatisfy(r -> assertThat(r.<String>getAs("run_id")).isEqualTo("rej-2"));
  }

  @Test
  void aRunIdCannotBeUsedTwice() {
    assertThatThrownBy(() -> run("again.jsonl", R1 + "\n", "inc-1"))
        .isInstanceOf(NightlyJob.RunIdUsedException.class)
        .hasMessageContaining("inc-1");
  }
}
