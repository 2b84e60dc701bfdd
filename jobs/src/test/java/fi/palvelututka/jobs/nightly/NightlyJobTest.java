package fi.palvelututka.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.jobs.SparkTestSession;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.ingest.IngestOptions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole nightly path on a small fixture with known answers: plain, CRLF+BOM and gzip files, an
 * edited duplicate, and one bad record of each kind.
 */
class NightlyJobTest {

  @TempDir static Path dir;
  static SparkSession spark;
  static NightlyJob.Outcome outcome;
  static String lake;
  static long badLineOffset;

  static String rec(String id, String biz, Integer rating, String text, String created) {
    return "{\"review_id\": \""
        + id
        + "\", \"business_id\": \""
        + biz
        + "\", \"business_name\": \""
        + (biz.equals("salon-a") ? "Salonki A" : "Korjaamo B")
        + "\", \"business_category\": \""
        + (biz.equals("salon-a") ? "salon" : "car_repair")
        + "\", \"city\": \"Tampere\", \"rating\": "
        + rating
        + ", \"text\": \""
        + text
        + "\", \"created_at\": \""
        + created
        + "\", \"author\": \"Testi T.\"}";
  }

  @BeforeAll
  static void run() throws Exception {
    spark = SparkTestSession.get();
    Path in = Files.createDirectories(dir.resolve("in"));
    String a1 =
        rec("a-1", "salon-a", 5, "Ihana kampaaja, suosittelen lämpimästi!", "2026-05-01T10:00:00Z");
    String a2 =
        rec(
            "a-2",
            "salon-a",
            4,
            "Kiitos ystävällisestä palvelusta, kaikki sujui hienosti!",
            "2026-06-01T10:00:00Z");
    String a3 = rec("a-3", "salon-a", null, "Paras kampaamo ikinä, ihana paikka 😊", "2026-06-02");
    String bad = "{\"review_id\": \"a-4\", \"business_id\": \"salon-a\", \"text\": \"katkesi";
    // plain file: three reviews, a blank line, a malformed line
    String plain = a1 + "\n" + a2 + "\n\n" + bad + "\n" + a3 + "\n";
    badLineOffset = (a1 + "\n" + a2 + "\n\n").getBytes(StandardCharsets.UTF_8).length;
    Files.writeString(in.resolve("a.jsonl"), plain, StandardCharsets.UTF_8);

    // CRLF with BOM: two reviews of B, one missing text, one wrong rating
    String b1 = rec("b-1", "garage-b", 2, "Huono palvelu.", "2026-07-01T08:00:00+03:00");
    String b2 =
        rec(
            "b-2",
            "garage-b",
            1,
            "Aivan surkea palvelu, en mene enää ikinä.",
            "2026-07-03T08:00:00+03:00");
    String noText = "{\"review_id\": \"b-3\", \"business_id\": \"garage-b\", \"rating\": 3}";
    String badRating = rec("b-4", "garage-b", 9, "Ihan ok.", "2026-07-04");
    byte[] body =
        (b1 + "\r\n" + b2 + "\r\n" + noText + "\r\n" + badRating + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream o = Files.newOutputStream(in.resolve("b.jsonl"))) {
      o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      o.write(body);
    }
    // gzip: an edited version of b-1 (newer updated_at: replaces it) and a missing business
    String b1edit =
        rec(
                "b-1",
                "garage-b",
                1,
                "Todella huono kokemus, henkilökunta oli tyly ja välinpitämätön.",
                "2026-07-01T08:00:00+03:00")
            .replace("}", ", \"updated_at\": \"2026-08-01T09:00:00Z\"}");
    String noBiz = "{\"review_id\": \"c-1\", \"text\": \"Hyvä.\"}";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write((b1edit + "\n" + noBiz + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Files.write(in.resolve("c.jsonl.gz"), gz.toByteArray());
    // a CSV export of a business with no reviews yet: a header alone, no records (a warning)
    Files.writeString(in.resolve("d.csv"), "review_id,business_id,text\r\n");
    // a file of another type inside the folder is skipped, not read
    Files.writeString(in.resolve("notes.txt"), "not a dump");

    lake = dir.resolve("lake").toString();
    IngestOptions io =
        new IngestOptions(
            List.of(in.toString()), 20_000, ZoneId.of("Europe/Helsinki"), "salt", 4000);
    outcome =
        new NightlyJob(
                spark,
                new NightlyOptions(io, lake, dir.resolve("reports").toString(), "test-run-1"))
            .execute();
  }

  @Test
  void countsReconcile() {
    var c = outcome.ingest().total();
    assertThat(c.read()).isEqualTo(10);
    assertThat(c.accepted()).isEqualTo(5);
    assertThat(c.duplicates()).isEqualTo(1);
    assertThat(c.rejected()).isEqualTo(4);
    assertThat(c.blankLines()).isEqualTo(1);
    assertThat(c.rejectedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "malformed_json",
                1L,
                "missing_text",
                1L,
                "invalid_rating",
                1L,
                "missing_business",
                1L));
    assertThat(c.reconciles()).isTrue();
    assertThat(outcome.reconciles()).isTrue();
    assertThat(outcome.ingest().skipped()).singleElement().asString().contains("notes.txt");
    assertThat(outcome.ingest().perFile()).hasSize(4);
    assertThat(outcome.ingest().filesWithNothingAccepted())
        .singleElement()
        .asString()
        .endsWith("d.csv: no records in its 28 bytes");
  }

  @Test
  void reviewsAreCanonicalAndTheEditWins() {
    List<Row> rows =
        spark.read().parquet(lake + "/" + Tables.REVIEWS).orderBy("review_id").collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0))
        .containsExactly("jsonl:a-1", "jsonl:a-2", "jsonl:a-3", "jsonl:b-1", "jsonl:b-2");
    Row b1 = rows.get(3);
    assertThat(b1.<String>getAs("text")).startsWith("Todella huono kokemus");
    assertThat(b1.<Integer>getAs("rating")).isEqualTo(1);
    assertThat(b1.<String>getAs("ingest_file")).endsWith("c.jsonl.gz");
    assertThat(b1.<Timestamp>getAs("updated_at").toInstant())
        .isEqualTo(Instant.parse("2026-08-01T09:00:00Z"));
    assertThat(b1.<Timestamp>getAs("created_at").toInstant())
        .isEqualTo(Instant.parse("2026-07-01T05:00:00Z"));
    Row a3 = rows.get(2);
    assertThat(a3.isNullAt(a3.fieldIndex("rating"))).isTrue();
    // date without time: midnight in Helsinki
    assertThat(a3.<Timestamp>getAs("created_at").toInstant())
        .isEqualTo(Instant.parse("2026-06-01T21:00:00Z"));
    // the BOM of b.jsonl did not leak into the first record; CR did not leak into text
    assertThat(rows.get(4).<String>getAs("text"))
        .isEqualTo("Aivan surkea palvelu, en mene enää ikinä.");
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("author_id_hash")).hasSize(32);
              assertThat(r.<String>getAs("run_id")).isEqualTo("test-run-1");
            });
    assertThat(spark.read().parquet(lake + "/" + Tables.REVIEWS).schema().fieldNames())
        .containsExactly(Tables.REVIEWS_SCHEMA.fieldNames());
  }

  @Test
  void rejectsCarryFileOffsetReasonAndRawLine() {
    List<Row> rejects = spark.read().parquet(lake + "/" + Tables.REJECTS).collectAsList();
    assertThat(rejects).hasSize(4);
    Row malformed =
        rejects.stream()
            .filter(r -> r.<String>getAs("reason").equals("malformed_json"))
            .findFirst()
            .orElseThrow();
    assertThat(malformed.<String>getAs("ingest_file")).endsWith("a.jsonl");
    assertThat(malformed.<Long>getAs("ingest_offset")).isEqualTo(badLineOffset);
    assertThat(malformed.<String>getAs("raw")).endsWith("\"katkesi");
    assertThat(malformed.<String>getAs("detail")).isNotBlank();
    Row rating =
        rejects.stream()
            .filter(r -> r.<String>getAs("reason").equals("invalid_rating"))
            .findFirst()
            .orElseThrow();
    assertThat(rating.<String>getAs("detail")).contains("9");
    assertThat(rejects)
        .extracting(r -> r.<String>getAs("reason"))
        .containsExactlyInAnyOrder(
            "malformed_json", "missing_text", "invalid_rating", "missing_business");
  }

  @Test
  void everyReviewIsTaggedWithTheModelVersion() {
    Map<String, Row> tags =
        spark.read().parquet(lake + "/" + Tables.REVIEW_TAGS).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(tags).hasSize(5);
    assertThat(tags.get("jsonl:a-1").<String>getAs("sentiment")).isEqualTo("positive");
    assertThat(tags.get("jsonl:b-2").<String>getAs("sentiment")).isEqualTo("negative");
    assertThat(tags.get("jsonl:b-1").<String>getAs("sentiment")).isEqualTo("negative");
    Row p = tags.get("jsonl:a-1").getAs("probabilities");
    assertThat(p.getDouble(0) + p.getDouble(1) + p.getDouble(2) + p.getDouble(3))
        .isCloseTo(1.0, within(1e-6));
    List<Row> sentences =
        tags.get("jsonl:a-2").getList(tags.get("jsonl:a-2").fieldIndex("sentences"));
    assertThat(sentences).isNotEmpty();
    assertThat(sentences.get(0).getInt(0)).isZero();
    assertThat(tags.get("jsonl:a-1").<Double>getAs("score"))
        .isCloseTo(p.getDouble(2) - p.getDouble(0), within(1e-9));
    assertThat(tags.values())
        .allSatisfy(
            r ->
                assertThat(r.<String>getAs("model_version"))
                    .matches(
                        "analyzer-fi@[0-9a-f]{12}\\+sentiment-fi@[0-9a-f]{12}"
                            + "\\+themes-fi@[0-9a-f]{12}"));
  }

  @Test
  void themeMentionsAreTaggedAndExplodedOneRowPerMention() {
    Map<String, Row> tags =
        spark.read().parquet(lake + "/" + Tables.REVIEW_TAGS).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    List<Row> rude = tags.get("jsonl:b-1").getList(tags.get("jsonl:b-1").fieldIndex("aspects"));
    assertThat(rude)
        .extracting(a -> a.getString(0) + "/" + a.getString(1))
        .contains("attitude/complaint");
    List<Row> mentions = spark.read().parquet(lake + "/" + Tables.ASPECT_MENTIONS).collectAsList();
    long inTags =
        tags.values().stream().mapToLong(r -> r.getList(r.fieldIndex("aspects")).size()).sum();
    assertThat(mentions).hasSize((int) inTags);
    Row m =
        mentions.stream()
            .filter(
                r ->
                    r.<String>getAs("review_id").equals("jsonl:b-1")
                        && r.<String>getAs("category").equals("attitude"))
            .findFirst()
            .orElseThrow();
    assertThat(m.<String>getAs("business_id")).isEqualTo("garage-b");
    assertThat(m.<String>getAs("polarity")).isEqualTo("complaint");
    String text = "Todella huono kokemus, henkilökunta oli tyly ja välinpitämätön.";
    assertThat(text.substring(m.<Integer>getAs("start"), m.<Integer>getAs("end")))
        .isEqualTo(m.<String>getAs("sentence"));
    assertThat(m.<String>getAs("model_version")).contains("themes-fi@");
    assertThat(mentions)
        .noneMatch(
            r -> r.<String>getAs("review_id").equals("jsonl:b-2")); // "surkea palvelu": no theme
  }

  @Test
  void businessSummaryHasTheKnownValues() {
    Map<String, Row> s =
        spark
            .read()
            .parquet(lake + "/" + Tables.BUSINESS_SUMMARY)
            .filter("period = 'all_time'")
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertThat(s).containsOnlyKeys("salon-a", "garage-b");
    Row a = s.get("salon-a");
    assertThat(a.<String>getAs("business_name")).isEqualTo("Salonki A");
    assertThat(a.<String>getAs("period")).isEqualTo("all_time");
    assertThat(a.<Long>getAs("review_count")).isEqualTo(3);
    assertThat(a.<Long>getAs("rated_count")).isEqualTo(2);
    assertThat(a.<Double>getAs("rating_mean")).isCloseTo(4.5, within(1e-9));
    Row b = s.get("garage-b");
    assertThat(b.<Long>getAs("review_count")).isEqualTo(2);
    assertThat(b.<Double>getAs("rating_mean")).isCloseTo(1.0, within(1e-9));
    assertThat(b.<Long>getAs("negative_count")).isEqualTo(2);
    assertThat(b.<Double>getAs("negative_share")).isCloseTo(1.0, within(1e-9));
    assertThat(b.<Double>getAs("net_sentiment")).isCloseTo(-100.0, within(1e-9));
    for (Row r : s.values()) {
      long n = r.getAs("review_count");
      long pos = r.getAs("positive_count");
      long neu = r.getAs("neutral_count");
      long neg = r.getAs("negative_count");
      long mixed = r.getAs("mixed_count");
      assertThat(pos + neu + neg + mixed).isEqualTo(n);
      assertThat(r.<Double>getAs("net_sentiment")).isCloseTo((pos - neg) * 100.0 / n, within(1e-9));
    }
    assertThat(a.<Timestamp>getAs("last_review_at").toInstant())
        .isEqualTo(Instant.parse("2026-06-01T21:00:00Z"));
  }

  @Test
  void manifestAndReportAreWritten() throws Exception {
    JsonNode m = new ObjectMapper().readTree(Path.of(lake, "_runs", "test-run-1.json").toFile());
    assertThat(m.get("status").asText()).isEqualTo("ok");
    assertThat(m.get("reconciles").asBoolean()).isTrue();
    assertThat(m.get("counts").get("read").asLong()).isEqualTo(10);
    assertThat(m.get("counts").get("rejected_by_reason").get("missing_business").asLong())
        .isEqualTo(1);
    assertThat(m.get("inputs")).hasSize(4);
    assertThat(m.get("files_with_nothing_accepted")).hasSize(1);
    assertThat(m.get("model_version").asText())
        .startsWith("analyzer-fi@")
        .contains("+sentiment-fi@");
    assertThat(m.get("spark_version").asText()).startsWith("4.");
    String html = Files.readString(Path.of(outcome.reportIndex().replace("file:", "")));
    assertThat(html).contains("Salonki A").contains("Korjaamo B").contains("-100");
  }

  @Test
  void aNightWithNothingNewStillWritesTheReportsAskedFor() throws Exception {
    IngestOptions io =
        new IngestOptions(
            List.of(dir.resolve("in").toString()),
            20_000,
            ZoneId.of("Europe/Helsinki"),
            "salt",
            4000);
    Path reports = dir.resolve("reports-retry");
    NightlyJob.Outcome again =
        new NightlyJob(spark, new NightlyOptions(io, lake, reports.toString(), "test-run-retry"))
            .execute();
    assertThat(again.nothingToDo()).isTrue();
    assertThat(Files.readString(reports.resolve("index.html"))).contains("Salonki A");
    assertThat(Path.of(lake, "_runs", "test-run-retry.json")).doesNotExist();
  }
}
