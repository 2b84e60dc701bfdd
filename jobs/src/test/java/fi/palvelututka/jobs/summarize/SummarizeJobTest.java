package fi.palvelututka.jobs.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.SparkTestSession;
import fi.palvelututka.jobs.Tables;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summaries on hand-made lake tables with known answers (no models involved): a business whose
 * waiting complaints jump from 0/10 to 8/10, a small one whose rates must be suppressed, a peer.
 */
class SummarizeJobTest {

  @TempDir static Path dir;
  static SparkSession spark;
  static Map<String, Row> summary; // key business_id/period
  static List<Row> monthly;
  static Lake lake;
  static final String V = "analyzer-fi@000000000000+sentiment-fi@000000000000+themes-fi@0";

  static final List<Row> reviews = new ArrayList<>();
  static final List<Row> tags = new ArrayList<>();
  static final List<Row> mentions = new ArrayList<>();

  /** Business name of the next reviews (null: "Name " + the business id). */
  static String name;

  static Timestamp ts(String iso) {
    return Timestamp.from(Instant.parse(iso));
  }

  static void review(
      String id,
      String biz,
      Integer rating,
      String lang,
      String created,
      String replyAt,
      String sentiment,
      String text,
      String... aspects) {
    reviews.add(
        RowFactory.create(
            id,
            "jsonl",
            biz,
            name != null ? name : "Name " + biz,
            name != null ? "ravintola" : "kahvila",
            "Tampere",
            null,
            rating,
            text,
            lang,
            null,
            ts(created),
            null,
            replyAt == null ? null : "Kiitos palautteesta",
            replyAt == null ? null : ts(replyAt),
            "file:/in.jsonl",
            0L,
            "r0"));
    if (sentiment == null) {
      return;
    }
    List<Row> as = new ArrayList<>();
    for (int i = 0; i < aspects.length; i++) {
      // category/polarity, or category/polarity/confidence/start/end (a sentence of the text)
      String[] a = aspects[i].split("/");
      double conf = a.length > 2 ? Double.parseDouble(a[2]) : 0.9;
      int start = a.length > 2 ? Integer.parseInt(a[3]) : 0;
      int end = a.length > 2 ? Integer.parseInt(a[4]) : text.length();
      String sentence = text.substring(start, end);
      as.add(RowFactory.create(a[0], a[1], conf, sentence, start, end));
      mentions.add(RowFactory.create(id, biz, i, a[0], a[1], conf, sentence, start, end, V, "r0"));
    }
    tags.add(
        RowFactory.create(
            id,
            biz,
            sentiment,
            RowFactory.create(0.25, 0.25, 0.25, 0.25),
            0.0,
            scala.jdk.javaapi.CollectionConverters.asScala(List.<Row>of()).toSeq(),
            scala.jdk.javaapi.CollectionConverters.asScala(as).toSeq(),
            V,
            "r0"));
  }

  @BeforeAll
  static void summarize() throws Exception {
    spark = SparkTestSession.get();
    // b-big, May (previous 30 days): 10 happy reviews
    for (int i = 1; i <= 10; i++) {
      review(
          "big-m" + i,
          "b-big",
          5,
          "fi",
          String.format("2026-05-%02dT10:00:00Z", 10 + i),
          null,
          "positive",
          "Ihana paikka.",
          "attitude/praise");
    }
    // b-big, June (last 30 days): 8 waiting complaints (one with 5 stars), 2 happy
    for (int i = 1; i <= 8; i++) {
      String reply =
          switch (i) {
            case 2 -> "2026-06-03T10:00:00Z"; // 24 h
            case 3 -> "2026-06-05T10:00:00Z"; // 48 h
            case 4 -> "2026-06-07T10:00:00Z"; // 72 h
            default -> null;
          };
      String text =
          switch (i) {
            case 8 -> "Jonotin tunnin, Pekka Virtanen numerosta 040 123 4567 ei auttanut.";
            case 6, 7 -> "Jono oli pitkä. Odotin kauan.";
            default -> "Jono oli pitkä ja odotin kauan.";
          };
      // j7: two waiting complaints, the second more confident (quoted); j6: two equally
      // confident ones (the first in the text is quoted)
      String[] aspects =
          switch (i) {
            case 6 -> new String[] {"waiting/complaint/0.8/0/15", "waiting/complaint/0.8/16/29"};
            case 7 -> new String[] {"waiting/complaint/0.6/0/15", "waiting/complaint/0.95/16/29"};
            default -> new String[] {"waiting/complaint"};
          };
      review(
          "big-j" + i,
          "b-big",
          i == 1 ? 5 : 2,
          "fi",
          String.format("2026-06-%02dT10:00:00Z", i),
          reply,
          "negative",
          text,
          aspects);
    }
    for (int i = 9; i <= 10; i++) {
      review(
          "big-j" + i,
          "b-big",
          4,
          "fi",
          String.format("2026-06-%02dT10:00:00Z", i),
          null,
          "positive",
          "Mukava myyjä.",
          "attitude/praise");
    }
    // b-small: 3 Finnish reviews (one waiting complaint) and one in English, untagged
    review(
        "small-1",
        "b-small",
        3,
        "fi",
        "2026-06-10T10:00:00Z",
        null,
        "negative",
        "Jono.",
        "waiting/complaint");
    review("small-2", "b-small", 4, "fi", "2026-06-11T10:00:00Z", null, "neutral", "Ok.");
    review(
        "small-3",
        "b-small",
        1,
        "und",
        "2026-06-12T10:00:00Z",
        null,
        "positive",
        "👍",
        "attitude/praise");
    review("small-4", "b-small", 5, "en", "2026-06-13T10:00:00Z", null, null, "Great coffee.");
    // b-peer: 10 happy June reviews
    for (int i = 1; i <= 10; i++) {
      review(
          "peer-" + i,
          "b-peer",
          5,
          "fi",
          String.format("2026-06-%02dT12:00:00Z", 10 + i),
          null,
          "positive",
          "Hyvä.");
    }
    // b-renamed: renamed (and recategorized) in June; both periods show the new name
    review("ren-1", "b-renamed", 4, "fi", "2026-04-01T10:00:00Z", null, "neutral", "Ok.");
    name = "Uusi Nimi Oy";
    review("ren-2", "b-renamed", 4, "fi", "2026-06-20T10:00:00Z", null, "neutral", "Ok.");
    name = null;
    review("ren-3", "b-renamed", 4, "fi", "2026-03-01T10:00:00Z", null, "neutral", "Ok.");
    lake = new Lake(spark, dir.resolve("lake").toString(), "sum-1");
    lake.writeStaged(spark.createDataFrame(reviews, Tables.REVIEWS_SCHEMA), Tables.REVIEWS);
    lake.writeStaged(spark.createDataFrame(tags, Tables.REVIEW_TAGS_SCHEMA), Tables.REVIEW_TAGS);
    lake.writeStaged(
        spark.createDataFrame(mentions, Tables.ASPECT_MENTIONS_SCHEMA), Tables.ASPECT_MENTIONS);
    new SummarizeJob(spark, new SummarizeJob.Options(LocalDate.parse("2026-06-30"), 10, 2))
        .execute(lake);
    summary =
        lake.readStaged(Tables.BUSINESS_SUMMARY).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.getAs("business_id") + "/" + r.getAs("period"), r -> r));
    monthly =
        lake.readStaged(Tables.BUSINESS_MONTHLY).orderBy("business_id", "month").collectAsList();
  }

  static Row theme(Row r, String category) {
    return r.<Row>getList(r.fieldIndex("themes")).stream()
        .filter(t -> t.getAs("category").equals(category))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theWorkTableIsGoneAfterwards() {
    assertThat(Path.of(lake.staged(SummarizeJob.BASE))).doesNotExist();
    assertThat(Path.of(lake.staged(Tables.BUSINESS_SUMMARY))).exists();
  }

  @Test
  void everyBusinessHasThreePeriodsAndTheSchema() {
    assertThat(summary).hasSize(12);
    assertThat(summary.get("b-big/all_time").schema().fieldNames())
        .containsExactly(Tables.BUSINESS_SUMMARY_SCHEMA.fieldNames());
    assertThat(summary.get("b-big/last_30d").<Timestamp>getAs("period_start").toInstant())
        .isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(summary.get("b-big/last_30d").<Timestamp>getAs("period_end").toInstant())
        .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
  }

  @Test
  void countsRatingsAndSentiment() {
    Row big = summary.get("b-big/last_30d");
    assertThat(big.<Long>getAs("review_count")).isEqualTo(10);
    assertThat(big.<Double>getAs("rating_mean")).isCloseTo(2.7, within(1e-9));
    Row h = big.getAs("rating_histogram");
    assertThat(List.of(h.getLong(0), h.getLong(1), h.getLong(2), h.getLong(3), h.getLong(4)))
        .containsExactly(0L, 7L, 0L, 2L, 1L);
    assertThat(big.<Double>getAs("net_sentiment")).isCloseTo(-60.0, within(1e-9));
    assertThat(summary.get("b-big/all_time").<Long>getAs("review_count")).isEqualTo(20);
    Row small = summary.get("b-small/all_time");
    assertThat(small.<Long>getAs("review_count")).isEqualTo(4);
    assertThat(small.<Long>getAs("tagged_count")).isEqualTo(3);
    assertThat(small.<Long>getAs("finnish_count")).isEqualTo(2);
  }

  @Test
  void complaintRateHasTheWilsonInterval() {
    Row waiting = theme(summary.get("b-big/last_30d"), "waiting");
    assertThat(waiting.<Long>getAs("complaint_reviews")).isEqualTo(8);
    assertThat(waiting.<Double>getAs("complaint_rate")).isCloseTo(0.8, within(1e-9));
    // Wilson 95% for 8/10: [0.4902, 0.9433]
    assertThat(waiting.<Double>getAs("complaint_rate_low")).isCloseTo(0.4902, within(1e-4));
    assertThat(waiting.<Double>getAs("complaint_rate_high")).isCloseTo(0.9433, within(1e-4));
    // previous 30 days: 0/10, Wilson [0, 0.2775]
    assertThat(waiting.<Double>getAs("previous_complaint_rate")).isEqualTo(0.0);
    assertThat(waiting.<Double>getAs("previous_complaint_rate_high"))
        .isCloseTo(0.2775, within(1e-4));
    assertThat(waiting.<Boolean>getAs("complaint_rate_up")).isTrue();
    assertThat(theme(summary.get("b-big/last_30d"), "price").<Double>getAs("complaint_rate"))
        .isEqualTo(0.0);
    // a zero rate's lower bound is exactly 0 (no rounding residue that "> 0" would catch)
    assertThat(waiting.<Double>getAs("previous_complaint_rate_low")).isEqualTo(0.0);
    assertThat(theme(summary.get("b-big/last_30d"), "price").<Double>getAs("complaint_rate_low"))
        .isEqualTo(0.0);
  }

  @Test
  void smallSampleRatesAreSuppressedWithTheReason() {
    Row waiting = theme(summary.get("b-small/all_time"), "waiting");
    assertThat(waiting.<Long>getAs("complaint_reviews")).isEqualTo(1);
    assertThat(waiting.<Double>getAs("complaint_rate")).isNull();
    assertThat(waiting.<Double>getAs("complaint_rate_low")).isNull();
    assertThat(waiting.<String>getAs("suppressed_reason"))
        .isEqualTo("fewer than 10 tagged reviews (n=3)");
    assertThat(summary.get("b-small/all_time").<String>getAs("peer_group")).isNull();
  }

  @Test
  void alertsForTheJump() {
    assertThat(
            summary
                .get("b-big/last_30d")
                .<String>getList(summary.get("b-big/last_30d").fieldIndex("alerts")))
        .containsExactlyInAnyOrder(
            "complaint_rate_up:waiting", "rating_drop", "net_sentiment_drop");
    assertThat(summary.get("b-big/last_30d").<Double>getAs("rating_change"))
        .isCloseTo(-2.3, within(1e-9));
    assertThat(
            summary
                .get("b-peer/last_30d")
                .<String>getList(summary.get("b-peer/last_30d").fieldIndex("alerts")))
        .isEmpty();
  }

  @Test
  void topComplaintsQuoteTheNewestSentencesMasked() {
    Row big = summary.get("b-big/last_30d");
    List<Row> top = big.getList(big.fieldIndex("top_complaints"));
    assertThat(top).hasSize(1);
    assertThat(top.get(0).<String>getAs("category")).isEqualTo("waiting");
    assertThat(top.get(0).<Integer>getAs("rank")).isEqualTo(1);
    List<Row> quotes = top.get(0).getList(top.get(0).fieldIndex("quotes"));
    assertThat(quotes)
        .extracting(q -> q.<String>getAs("review_id"))
        .containsExactlyInAnyOrder("big-j8", "big-j7", "big-j6");
    Row q8 =
        quotes.stream()
            .filter(q -> q.getAs("review_id").equals("big-j8"))
            .findFirst()
            .orElseThrow();
    assertThat(q8.<String>getAs("sentence"))
        .doesNotContain("040 123 4567")
        .doesNotContain("Virtanen")
        .contains("[puhelin]");
    // a review's most confident mention of the category is quoted; on a tie, the first
    Map<String, String> sentences =
        quotes.stream()
            .collect(Collectors.toMap(q -> q.<String>getAs("review_id"), q -> q.getAs("sentence")));
    assertThat(sentences.get("big-j7")).isEqualTo("Odotin kauan.");
    assertThat(sentences.get("big-j6")).isEqualTo("Jono oli pitkä.");
    Row q7 =
        quotes.stream()
            .filter(q -> q.getAs("review_id").equals("big-j7"))
            .findFirst()
            .orElseThrow();
    assertThat(q7.<Integer>getAs("start")).isEqualTo(16);
    assertThat(q7.<Integer>getAs("end")).isEqualTo(29);
  }

  @Test
  void replyStatisticsOfNegativeReviews() {
    Row big = summary.get("b-big/last_30d");
    assertThat(big.<Long>getAs("negative_reviews")).isEqualTo(8);
    assertThat(big.<Long>getAs("negative_replied")).isEqualTo(3);
    assertThat(big.<Long>getAs("unanswered_negative")).isEqualTo(5);
    assertThat(big.<Double>getAs("negative_median_reply_hours")).isCloseTo(48.0, within(1e-9));
    assertThat(big.<Double>getAs("reply_rate")).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void ratingTextMismatches() {
    Row big = summary.get("b-big/last_30d");
    assertThat(big.<Long>getAs("five_star_with_complaint")).isEqualTo(1);
    assertThat(big.<String>getList(big.fieldIndex("mismatch_review_ids")))
        .containsExactly("big-j1");
    Row small = summary.get("b-small/all_time");
    assertThat(small.<Long>getAs("one_star_with_praise")).isEqualTo(1);
  }

  @Test
  void peersRankWithinCategoryAndCity() {
    Row big = summary.get("b-big/last_30d");
    Row peer = summary.get("b-peer/last_30d");
    assertThat(big.<String>getAs("peer_group"))
        .isEqualTo("business_category=kahvila, city=Tampere");
    assertThat(big.<Long>getAs("peer_count")).isEqualTo(2);
    assertThat(big.<Double>getAs("net_sentiment_percentile")).isEqualTo(0.0);
    assertThat(peer.<Double>getAs("net_sentiment_percentile")).isEqualTo(100.0);
    assertThat(peer.<Double>getAs("rating_percentile")).isEqualTo(100.0);
  }

  @Test
  void monthlyRows() {
    List<Row> big = monthly.stream().filter(r -> r.getAs("business_id").equals("b-big")).toList();
    assertThat(big)
        .extracting(r -> r.<java.sql.Date>getAs("month").toString())
        .containsExactly("2026-05-01", "2026-06-01");
    assertThat(big.get(1).<Long>getAs("tagged_count")).isEqualTo(10);
    assertThat(theme(big.get(1), "waiting").<Double>getAs("complaint_rate"))
        .isCloseTo(0.8, within(1e-9));
    assertThat(big.get(1).schema().fieldNames())
        .containsExactly(Tables.BUSINESS_MONTHLY_SCHEMA.fieldNames());
  }

  @Test
  void nameCategoryAndCityComeFromTheLatestReview() {
    for (String period : List.of("all_time", "last_30d", "last_90d")) {
      Row r = summary.get("b-renamed/" + period);
      assertThat(r.<String>getAs("business_name")).isEqualTo("Uusi Nimi Oy");
      assertThat(r.<String>getAs("business_category")).isEqualTo("ravintola");
    }
  }

  @Test
  void wilsonMatchesTheFormula() {
    double[] w = Wilson.interval(8, 10);
    assertThat(w[0]).isCloseTo(0.4902, within(1e-4));
    assertThat(w[1]).isCloseTo(0.9433, within(1e-4));
    for (long n = 1; n <= 500; n++) {
      assertThat(Wilson.interval(0, n)[0]).isEqualTo(0.0);
      assertThat(Wilson.interval(n, n)[1]).isEqualTo(1.0);
    }
  }
}
