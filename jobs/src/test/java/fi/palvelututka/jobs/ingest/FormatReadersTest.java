package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Each reader on real-shaped fixtures written for this test (the shapes of the public API and
 * export formats), without Spark: detection, field mapping, business, rating, dates, replies.
 */
class FormatReadersTest {

  static final IngestOptions OPTS =
      new IngestOptions(List.of("x"), 20_000, ZoneId.of("Europe/Helsinki"), "salt", 200);

  record Got(long offset, ParsedRecord rec) {}

  static List<Got> read(String file, byte[] content, IngestOptions o) {
    byte[] head = content;
    if (FileRecords.gzipName(file)) {
      try {
        head = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(content)).readAllBytes();
      } catch (java.io.IOException e) {
        head = new byte[0];
      }
    }
    SourceFormat.Detected d = SourceFormat.detect(head);
    SourceFormat f =
        o.source().format() != null ? SourceFormat.byId(o.source().format()) : d.format();
    List<Got> out = new ArrayList<>();
    FileRecords.read(
        new ByteArrayInputStream(content),
        file,
        f,
        d.lineDelimited(),
        new JsonLinesParser(o, f),
        1 << 20,
        (off, r) -> out.add(new Got(off, r)));
    return out;
  }

  static List<Got> read(String file, String content) {
    return read(file, content.getBytes(StandardCharsets.UTF_8), OPTS);
  }

  /** The review ids among what was read, in order. */
  static List<String> reviewIds(List<Got> got) {
    return got.stream()
        .filter(g -> g.rec() instanceof ParsedRecord.Review)
        .map(g -> review(g).reviewId())
        .toList();
  }

  static ParsedRecord.Review review(Got g) {
    assertThat(g.rec()).as(String.valueOf(g.rec())).isInstanceOf(ParsedRecord.Review.class);
    return (ParsedRecord.Review) g.rec();
  }

  static byte[] gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void googleBusinessProfileExport() {
    String doc =
        """
        {"reviews": [
          {"name": "accounts/1/locations/42/reviews/r1", "reviewId": "r1",
           "reviewer": {"displayName": "Tiina K.", "isAnonymous": false}, "starRating": "FOUR",
           "comment": "Hyvä kahvila.", "createTime": "2026-10-03T08:14:22.512Z",
           "updateTime": "2026-10-04T08:00:00Z",
           "reviewReply": {"comment": "Kiitos!", "updateTime": "2026-10-05T06:00:00Z"}},
          {"name": "accounts/1/locations/42/reviews/r2", "reviewer": {"isAnonymous": true},
           "starRating": "ONE",
           "comment": "(Translated by Google) Slow.\\n\\n(Original)\\nHidasta palvelua.",
           "createTime": "2026-10-06T10:00:00Z"}
        ], "averageRating": 2.5}
        """;
    List<Got> got = read("gbp.json", doc);
    assertThat(got).hasSize(2);
    ParsedRecord.Review a = review(got.get(0));
    assertThat(a.reviewId()).isEqualTo("google:r1");
    assertThat(a.businessId()).isEqualTo("locations/42");
    assertThat(a.rating()).isEqualTo(4);
    assertThat(a.updatedAt()).isEqualTo(Instant.parse("2026-10-04T08:00:00Z"));
    assertThat(a.ownerReplyText()).isEqualTo("Kiitos!");
    assertThat(a.ownerReplyAt()).isEqualTo(Instant.parse("2026-10-05T06:00:00Z"));
    assertThat(a.authorIdHash()).hasSize(32).doesNotContain("Tiina");
    ParsedRecord.Review b = review(got.get(1));
    assertThat(b.reviewId()).isEqualTo("google:r2");
    assertThat(b.text()).isEqualTo("Hidasta palvelua.");
    assertThat(b.authorIdHash()).isNull();
  }

  @Test
  void googlePlacesNewAndLegacy() {
    String neu =
        """
        {"id": "P1", "displayName": {"text": "Korjaamo"}, "reviews": [
          {"name": "places/P1/reviews/x9", "rating": 5,
           "text": {"text": "Good", "languageCode": "en"},
           "originalText": {"text": "Hyvä korjaamo", "languageCode": "fi"},
           "authorAttribution": {"displayName": "Jari"}, "publishTime": "2026-09-15T07:30:00Z"}]}
        """;
    ParsedRecord.Review n = review(read("p.json", neu).get(0));
    assertThat(n.reviewId()).isEqualTo("google-places:x9");
    assertThat(n.businessId()).isEqualTo("P1");
    assertThat(n.businessName()).isEqualTo("Korjaamo");
    assertThat(n.text()).isEqualTo("Hyvä korjaamo");
    assertThat(n.language()).isEqualTo("fi");
    String legacy =
        """
        {"result": {"place_id": "L7", "name": "Kampaamo", "reviews": [
          {"author_name": "Anna", "rating": 2, "text": "Jonoa oli.", "time": 1790000000,
           "language": "fi"}]}, "status": "OK"}
        """;
    List<Got> a = read("legacy.json", legacy);
    List<Got> b = read("legacy.json", legacy);
    ParsedRecord.Review l = review(a.get(0));
    assertThat(l.businessId()).isEqualTo("L7");
    assertThat(l.businessName()).isEqualTo("Kampaamo");
    assertThat(l.createdAt()).isEqualTo(Instant.ofEpochSecond(1790000000));
    assertThat(l.reviewId()).startsWith("google-places:h").isEqualTo(review(b.get(0)).reviewId());
  }

  @Test
  void facebookRatingsWithTheDocumentedRatingMapping() {
    String doc =
        """
        {"page_id": "fb-1", "name": "Sali", "data": [
          {"created_time": "2026-08-02T17:20:11+0000", "recommendation_type": "positive",
           "review_text": "Siisti sali.", "reviewer": {"name": "Ville"},
           "open_graph_story": {"id": "7001"}},
          {"created_time": "2026-08-03T17:20:11+0300", "recommendation_type": "negative",
           "review_text": "Likainen.", "open_graph_story": {"id": "7002"}},
          {"created_time": "2026-08-04T17:20:11+0000", "recommendation_type": "positive",
           "rating": 3, "review_text": "Ihan ok.", "open_graph_story": {"id": "7003"}}
        ]}
        """;
    List<Got> got = read("fb.json", doc);
    assertThat(got).extracting(g -> review(g).rating()).containsExactly(5, 1, 3);
    ParsedRecord.Review a = review(got.get(0));
    assertThat(a.reviewId()).isEqualTo("facebook:7001");
    assertThat(a.businessId()).isEqualTo("fb-1");
    assertThat(a.createdAt()).isEqualTo(Instant.parse("2026-08-02T17:20:11Z"));
    assertThat(review(got.get(1)).createdAt()).isEqualTo(Instant.parse("2026-08-03T14:20:11Z"));
  }

  @Test
  void yelpReviewsAndBusinessSideFile() {
    String reviews =
        """
        {"review_id": "y1", "user_id": "u1", "business_id": "b1", "stars": 4.0, "useful": 0, "text": "Hyvää pizzaa.", "date": "2026-07-14 19:02:33"}
        {"review_id": "y2", "user_id": "u2", "business_id": "b1", "stars": 4.5, "text": "Puolikas tähti.", "date": "2026-07-14 19:02:33"}
        """;
    List<Got> got = read("review.json", reviews);
    ParsedRecord.Review a = review(got.get(0));
    assertThat(a.reviewId()).isEqualTo("yelp:y1");
    assertThat(a.rating()).isEqualTo(4);
    // local time, Helsinki summer time
    assertThat(a.createdAt()).isEqualTo(Instant.parse("2026-07-14T16:02:33Z"));
    assertThat(got.get(1).rec()).isInstanceOf(ParsedRecord.Reject.class);
    assertThat(((ParsedRecord.Reject) got.get(1).rec()).reason())
        .isEqualTo(RejectReason.INVALID_RATING);
    String business =
        "{\"business_id\": \"b1\", \"name\": \"Pizzeria\", \"city\": \"Turku\","
            + " \"categories\": \"Restaurants, Pizza\", \"stars\": 4.0}\n";
    Got b = read("business.json", business).get(0);
    assertThat(b.rec())
        .isEqualTo(new ParsedRecord.BusinessInfo("b1", "Pizzeria", "Restaurants, Pizza", "Turku"));
  }

  @Test
  void trustpilotCsvWithQuotedNewlinesAndReply() {
    String csv =
        "Review ID,Review Created (UTC),Consumer Name,Review Title,Review Content,Review Stars,"
            + "Business Unit ID,Business Unit Name,Reply Content,Reply Created (UTC)\n"
            + "t1,2026-09-01 12:00:00,Mikko,Nopea,\"Tuli heti.\nKiitos!\",5,bu1,Kauppa,Kiitos,"
            + "2026-09-02 08:00:00\n"
            + "t2,2026-09-03 09:30:00,Heidi,,\"Palautus, venyi\",2,bu1,Kauppa,,\n";
    List<Got> got = read("tp.csv", csv);
    assertThat(got).hasSize(2);
    ParsedRecord.Review a = review(got.get(0));
    assertThat(a.reviewId()).isEqualTo("trustpilot:t1");
    assertThat(a.text()).isEqualTo("Nopea\n\nTuli heti.\nKiitos!");
    assertThat(a.createdAt()).isEqualTo(Instant.parse("2026-09-01T12:00:00Z"));
    assertThat(a.ownerReplyText()).isEqualTo("Kiitos");
    assertThat(a.businessName()).isEqualTo("Kauppa");
    assertThat(got.get(1).offset()).isEqualTo(4); // line number of the row
    assertThat(review(got.get(1)).text()).isEqualTo("Palautus, venyi");
  }

  /** Byte offset of the first occurrence of {@code s} in the UTF-8 bytes of {@code doc}. */
  static long byteAt(String doc, String s) {
    return doc.substring(0, doc.indexOf(s)).getBytes(StandardCharsets.UTF_8).length;
  }

  static String generic(String id, String text) {
    return "  {\"review_id\": \"" + id + "\", \"business_id\": \"b\", \"text\": " + text + "}";
  }

  @Test
  void damageInAnArrayDocumentLosesOnlyTheDamagedElementAndShowsTheDamage() {
    String doc =
        "[\n"
            + generic("a1", "\"Ensimmäinen.\"")
            + ",\n"
            + generic("a2", "\"Toinen.\"")
            + ",\n"
            + generic("a3", "\"Rikki\" \"x\"")
            + ",\n"
            + generic("a4", "\"Neljäs.\"")
            + "\n]\n";
    List<Got> got = read("arr.json", doc);
    assertThat(got).hasSize(4);
    assertThat(review(got.get(0)).reviewId()).isEqualTo("jsonl:a1");
    assertThat(got.get(0).offset()).isEqualTo(byteAt(doc, "{"));
    assertThat(review(got.get(1)).reviewId()).isEqualTo("jsonl:a2");
    assertThat(got.get(1).offset()).isEqualTo(byteAt(doc, "{\"review_id\": \"a2"));
    ParsedRecord.Reject bad = (ParsedRecord.Reject) got.get(2).rec();
    assertThat(bad.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    long a4 = byteAt(doc, "{\"review_id\": \"a4");
    assertThat(bad.detail()).contains("reading goes on at byte " + a4);
    assertThat(bad.raw())
        .startsWith("{\"review_id\": \"a3\"")
        .contains("\"Rikki\" \"x\"")
        .doesNotContain("a4");
    assertThat(got.get(2).offset()).isEqualTo(byteAt(doc, "{\"review_id\": \"a3"));
    assertThat(review(got.get(3)).reviewId()).isEqualTo("jsonl:a4");
    assertThat(review(got.get(3)).text()).isEqualTo("Neljäs.");
    assertThat(got.get(3).offset()).isEqualTo(a4);
  }

  @Test
  void damageInAnExportKeepsTheReviewsAfterIt() {
    String doc =
        """
        {"name": "accounts/1/locations/9", "reviews": [
          {"name": "accounts/1/locations/9/reviews/r1", "reviewId": "r1",
           "reviewer": {"displayName": "A"}, "comment": "Rikki "lainaus" tässä."},
          {"name": "accounts/1/locations/9/reviews/r2", "reviewId": "r2",
           "reviewer": {"displayName": "B"}, "comment": "Hyvä palvelu.",
           "reviewReply": {"comment": "Kiitos!"}},
          {"name": "accounts/1/locations/9/reviews/r3", "reviewId": "r3", "comment": "Ok."}
        ]}
        """;
    List<Got> got = read("gbp.json", doc);
    // r1 is damaged: it and the export's head before it are one reject. r2 and r3 are read
    // again, each with the business from its own name. The export's closing brace after the array
    // is a reject of its own
    assertThat(got)
        .extracting(g -> g.rec().getClass().getSimpleName())
        .containsExactly("Reject", "Review", "Review", "Reject");
    ParsedRecord.Reject bad = (ParsedRecord.Reject) got.get(0).rec();
    assertThat(bad.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(bad.raw())
        .startsWith("{\"name\": \"accounts/1/locations/9\", \"reviews\": [")
        .contains("Rikki \"lainaus")
        .doesNotContain("r2");
    assertThat(got.get(0).offset()).isZero();
    ParsedRecord.Review r2 = review(got.get(1));
    assertThat(r2.reviewId()).isEqualTo("google:r2");
    assertThat(r2.businessId()).isEqualTo("locations/9");
    assertThat(r2.ownerReplyText()).isEqualTo("Kiitos!");
    assertThat(got.get(1).offset())
        .isEqualTo(byteAt(doc, "{\"name\": \"accounts/1/locations/9/reviews/r2"));
    assertThat(review(got.get(2)).reviewId()).isEqualTo("google:r3");
    ParsedRecord.Reject tail = (ParsedRecord.Reject) got.get(3).rec();
    assertThat(tail.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(tail.raw().strip()).isEqualTo("}");
  }

  @Test
  void damageInAnExportKeepsTheReviewsBeforeItToo() {
    String doc =
        """
        {"name": "accounts/1/locations/9", "reviews": [
          {"name": "accounts/1/locations/9/reviews/q1", "reviewId": "q1", "comment": "Hyvä."},
          {"name": "accounts/1/locations/9/reviews/q2", "reviewId": "q2", "comment": "Ok."},
          {"name": "accounts/1/locations/9/reviews/q3", "reviewId": "q3", "comment": "Ri"kki."},
          {"name": "accounts/1/locations/9/reviews/q4", "reviewId": "q4", "comment": "Hyvä."}
        ], "averageRating": 4.5}
        """;
    List<Got> got = read("gbp.json", doc);
    assertThat(reviewIds(got)).containsExactly("google:q1", "google:q2", "google:q4");
    assertThat(got).hasSize(6); // the head, q3 and the tail (", "averageRating": 4.5}") rejected
    ParsedRecord.Reject head = (ParsedRecord.Reject) got.get(0).rec();
    assertThat(head.raw().strip())
        .isEqualTo("{\"name\": \"accounts/1/locations/9\", \"reviews\": [");
    assertThat(head.detail())
        .contains(
            "reading goes on at byte "
                + byteAt(doc, "{\"name\": \"accounts/1/locations/9/reviews/q1"));
    assertThat(((ParsedRecord.Reject) got.get(3).rec()).raw())
        .contains("Ri\"kki")
        .doesNotContain("q4");
    assertThat(((ParsedRecord.Reject) got.get(5).rec()).raw()).contains("averageRating");
  }

  @Test
  void aStringLeftOpenLosesOnlyItsOwnRecord() {
    // the open string runs into the next element, so the parser sees the damage only there
    String doc =
        "["
            + generic("o1", "\"Auki jää},")
            + " "
            + generic("o2", "\"Toinen.\"")
            + ", "
            + generic("o3", "\"Kolmas.\"")
            + "]";
    List<Got> got = read("open.json", doc);
    assertThat(reviewIds(got)).containsExactly("jsonl:o2", "jsonl:o3");
    assertThat(got).hasSize(3);
  }

  @Test
  void concatenatedObjectsGoOnAfterADamagedOne() {
    String doc =
        generic("k1", "\"Yksi.\"")
            + "\n"
            + generic("k2", "\"Katkeaa")
            + "\n"
            + generic("k3", "\"Kolme.\"")
            + "\n";
    List<Got> got = read("objs.json", doc);
    assertThat(got)
        .extracting(g -> g.rec().getClass().getSimpleName())
        .containsExactly("Review", "Reject", "Review");
    assertThat(review(got.get(2)).reviewId()).isEqualTo("jsonl:k3");
    assertThat(((ParsedRecord.Reject) got.get(1).rec()).raw()).contains("Katkeaa");
  }

  @Test
  void aMissingCommaBetweenElementsLosesNoElement() {
    String doc =
        "["
            + generic("m1", "\"Yksi.\"")
            + " "
            + generic("m2", "\"Kaksi.\"")
            + ", "
            + generic("m3", "\"Kolme.\"")
            + "]";
    List<Got> got = read("comma.json", doc);
    assertThat(got).hasSize(4);
    assertThat(review(got.get(0)).reviewId()).isEqualTo("jsonl:m1");
    ParsedRecord.Reject gap = (ParsedRecord.Reject) got.get(1).rec();
    assertThat(gap.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(gap.detail()).contains("comma");
    assertThat(review(got.get(2)).reviewId()).isEqualTo("jsonl:m2");
    assertThat(review(got.get(3)).reviewId()).isEqualTo("jsonl:m3");
  }

  @Test
  void anObjectNestedInADamagedElementIsPartOfTheDamage() {
    // the damage comes before a nested array of objects: those parse, but make no record, so
    // reading goes on at the next element, and the whole damaged element is one reject
    String doc =
        "["
            + "{\"review_id\": \"n1\", \"business_id\": \"b\", \"text\": \"Rikki\" \"x\","
            + " \"photos\": [{\"url\": \"p1\"}, {\"url\": \"p2\"}]},\n"
            + generic("n2", "\"Toinen.\"")
            + "]";
    List<Got> got = read("nested.json", doc);
    assertThat(got).hasSize(2);
    ParsedRecord.Reject bad = (ParsedRecord.Reject) got.get(0).rec();
    assertThat(bad.raw()).contains("\"Rikki\" \"x\"").contains("p2").doesNotContain("n2");
    assertThat(review(got.get(1)).reviewId()).isEqualTo("jsonl:n2");
  }

  @Test
  void aLongStretchOfDamageFullOfCandidatesIsSearchedThrough() {
    // 60,000 places that could start the next element, none of which parses
    String doc =
        "["
            + generic("g1", "\"Yksi.\"")
            + ", {\"review_id\": \"bad\", \"text\": \""
            + ",{\"x".repeat(60_000)
            + "\"},\n"
            + generic("g2", "\"Kaksi.\"")
            + "]";
    List<Got> got = read("long.json", doc);
    assertThat(got).hasSize(3);
    assertThat(review(got.get(0)).reviewId()).isEqualTo("jsonl:g1");
    ParsedRecord.Reject bad = (ParsedRecord.Reject) got.get(1).rec();
    assertThat(bad.detail())
        .contains("reading goes on at byte " + byteAt(doc, "{\"review_id\": \"g2"));
    assertThat(review(got.get(2)).reviewId()).isEqualTo("jsonl:g2");
  }

  @Test
  void theSearchAfterDamageStopsAtItsLimit() {
    // each candidate opens an array that runs on for a whole window: the search gives up after
    // 16 windows of trials (the rest of the file is one reject) instead of reading a window per
    // candidate, here 300 of them
    String zeros = "0,".repeat(30_000);
    String doc =
        "[{\"review_id\": \"z\", \"text\": \"x\" \"y\""
            + (", {\"a\": [" + zeros + "{\"a\": [").repeat(300)
            + generic("z2", "\"Ok.\"");
    List<Got> got = read("deep.json", doc);
    assertThat(got).hasSize(1);
    ParsedRecord.Reject bad = (ParsedRecord.Reject) got.get(0).rec();
    assertThat(bad.detail()).contains("no record found within the search limit");
  }

  @Test
  void damageWithNoRecordAfterItIsOneRejectForTheRest() {
    String doc = "[" + generic("e1", "\"Yksi.\"") + ", {\"review_id\": \"e2\", \"text\": \"kesken";
    List<Got> got = read("end.json", doc);
    assertThat(got).hasSize(2);
    ParsedRecord.Reject bad = (ParsedRecord.Reject) got.get(1).rec();
    assertThat(bad.detail()).contains("the rest of the file cannot be read");
    assertThat(bad.raw()).startsWith("{\"review_id\": \"e2\"");
  }

  @Test
  void theTailGrowsOnlyAsFarAsAFileGoesAndThenKeepsTheLastBytes() throws Exception {
    byte[] data = new byte[300_000];
    new java.util.Random(3).nextBytes(data);
    FileRecords.Tail small = new FileRecords.Tail(new ByteArrayInputStream(data, 0, 1000), 150_000);
    small.readAllBytes();
    assertThat(small.oldest()).isZero();
    assertThat(small.bytes(0, 1000)).isEqualTo(java.util.Arrays.copyOf(data, 1000));
    FileRecords.Tail t = new FileRecords.Tail(new ByteArrayInputStream(data), 150_000);
    byte[] chunk = new byte[7_777];
    while (t.read(chunk, 0, chunk.length) > 0) {
      t.read(); // single bytes too
    }
    assertThat(t.count()).isEqualTo(300_000);
    assertThat(t.oldest()).isEqualTo(150_000);
    assertThat(t.bytes(150_000, 150_000))
        .isEqualTo(java.util.Arrays.copyOfRange(data, 150_000, 300_000));
  }

  @Test
  void anArrayDocumentCutShortKeepsItsCompleteElements() {
    String doc = "[" + generic("c1", "\"Yksi.\"") + ", " + generic("c2", "\"Kaksi.\"");
    List<Got> got = read("cut.json", doc);
    assertThat(got).hasSize(3);
    assertThat(review(got.get(1)).reviewId()).isEqualTo("jsonl:c2");
    assertThat(((ParsedRecord.Reject) got.get(2).rec()).reason())
        .isEqualTo(RejectReason.MALFORMED_JSON);
  }

  @Test
  void csvRecordWithAnUnclosedQuoteIsOneRejectAndTheRowsAfterItAreRead() {
    String csv =
        "review_id,business_id,text\n"
            + "c1,b,Hyvä\n"
            + "c2,b,\"Lainausmerkki ei sulkeudu\n"
            + "c3,b,\"Monta\nriviä\"\n"
            + "c4,b,Ok,liikaa\n"
            + "c5,b,Loppu\n";
    List<Got> got = read("q.csv", csv);
    assertThat(got).hasSize(5);
    assertThat(review(got.get(0)).reviewId()).isEqualTo("csv:c1");
    ParsedRecord.Reject open = (ParsedRecord.Reject) got.get(1).rec();
    assertThat(open.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    assertThat(open.raw()).isEqualTo("c2,b,\"Lainausmerkki ei sulkeudu");
    assertThat(open.detail()).contains("line 3");
    assertThat(got.get(1).offset()).isEqualTo(3);
    assertThat(review(got.get(2)).text()).isEqualTo("Monta\nriviä");
    assertThat(got.get(2).offset()).isEqualTo(4);
    ParsedRecord.Reject extra = (ParsedRecord.Reject) got.get(3).rec();
    assertThat(extra.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    assertThat(got.get(3).offset()).isEqualTo(6);
    assertThat(review(got.get(4)).reviewId()).isEqualTo("csv:c5");
    assertThat(got.get(4).offset()).isEqualTo(7);
  }

  @Test
  void csvUnclosedQuoteThatAStrayQuoteLaterSeemsToCloseCostsOnlyItsLine() {
    // the stray inch mark on line 4 followed by a space looks like the end of line 3's quoted
    // field; the two lines together do not parse, so line 3 alone is the reject
    String csv =
        "review_id,business_id,text\n"
            + "c1,b,Hyvä\n"
            + "c2,b,\"Lainausmerkki ei sulkeudu\n"
            + "c3,b,Ostin 17\" näytön\n"
            + "c4,b,\"Monta\nriviä\"\n"
            + "c5,b,Ok\",liikaa\n"
            + "c6,b,Loppu\n";
    List<Got> got = read("stray.csv", csv);
    assertThat(got)
        .extracting(g -> g.rec().getClass().getSimpleName())
        .containsExactly("Review", "Reject", "Review", "Review", "Reject", "Review");
    ParsedRecord.Reject open = (ParsedRecord.Reject) got.get(1).rec();
    assertThat(open.raw()).isEqualTo("c2,b,\"Lainausmerkki ei sulkeudu");
    assertThat(got.get(1).offset()).isEqualTo(3);
    assertThat(review(got.get(2)).text()).isEqualTo("Ostin 17\" näytön");
    assertThat(got.get(2).offset()).isEqualTo(4);
    assertThat(review(got.get(3)).text()).isEqualTo("Monta\nriviä"); // a good multi-line field
    assertThat(got.get(4).offset()).isEqualTo(7);
    assertThat(((ParsedRecord.Reject) got.get(4).rec()).detail()).contains("columns");
    assertThat(reviewIds(got)).endsWith("csv:c6");
  }

  @Test
  void csvInTheWindowsCodePageOrUtf16IsReadAsText() {
    String csv = "review_id;business_id;text\nw1;b;Hyvä, ystävällinen\nw2;b;Öljy €5\n";
    List<Got> cp =
        read("w.csv", csv.getBytes(java.nio.charset.Charset.forName("windows-1252")), OPTS);
    assertThat(reviewIds(cp)).containsExactly("csv:w1", "csv:w2");
    assertThat(review(cp.get(0)).text()).isEqualTo("Hyvä, ystävällinen");
    assertThat(review(cp.get(1)).text()).isEqualTo("Öljy €5");
    String tsv = "\uFEFFreview_id\tbusiness_id\ttext\r\nu1\tb\tÄäni oli hyvä\r\n";
    for (java.nio.charset.Charset c :
        List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      List<Got> u = read("u.tsv", tsv.getBytes(c), OPTS);
      assertThat(reviewIds(u)).as(c.name()).containsExactly("csv:u1");
      assertThat(review(u.get(0)).text()).isEqualTo("Ääni oli hyvä");
    }
    // UTF-8 with one Latin-1 byte: still UTF-8 (the other rows' ä are UTF-8), that row rejected
    byte[] mixed =
        "review_id,business_id,text\nm1,b,Hyv\u00E4\nm2,b,Hyv?\n".getBytes(StandardCharsets.UTF_8);
    mixed[mixed.length - 2] = (byte) 0xE4; // the "?"
    List<Got> m = read("m.csv", mixed, OPTS);
    assertThat(review(m.get(0)).text()).isEqualTo("Hyvä");
    assertThat(((ParsedRecord.Reject) m.get(1).rec()).reason())
        .isEqualTo(RejectReason.INVALID_UTF8);
  }

  @Test
  void jsonLinesInUtf16OrTheWindowsCodePageHaveTheirOffsetsInTheFile() {
    String l1 = "{\"review_id\": \"a\", \"business_id\": \"b\", \"text\": \"Hyvä 😀\"}";
    String l2 = "{\"review_id\": \"c\", \"business_id\": \"b\", \"text\": \"Öljy €5\"}";
    String lines = l1 + "\r\n" + l2 + "\n";
    List<Got> le = read("a.jsonl", ("\uFEFF" + lines).getBytes(StandardCharsets.UTF_16LE), OPTS);
    assertThat(reviewIds(le)).containsExactly("jsonl:a", "jsonl:c");
    assertThat(review(le.get(0)).text()).isEqualTo("Hyvä 😀");
    assertThat(review(le.get(1)).text()).isEqualTo("Öljy €5");
    // byte offsets in the file: after the 2-byte mark, 2 bytes per UTF-16 unit
    assertThat(le.get(0).offset()).isEqualTo(2);
    assertThat(le.get(1).offset()).isEqualTo(2 + 2L * (l1.length() + 2));
    List<Got> be = read("a.jsonl", lines.getBytes(StandardCharsets.UTF_16BE), OPTS);
    assertThat(reviewIds(be)).containsExactly("jsonl:a", "jsonl:c");
    assertThat(be.get(1).offset()).isEqualTo(2L * (l1.length() + 2));
    String cpLines = lines.replace(" 😀", "");
    List<Got> cp =
        read("a.jsonl.gz", gzipQuietly(cpLines.getBytes(TextEncoding.WINDOWS_1252)), OPTS);
    assertThat(review(cp.get(0)).text()).isEqualTo("Hyvä");
    assertThat(review(cp.get(1)).text()).isEqualTo("Öljy €5");
    assertThat(cp.get(1).offset()).isEqualTo(cpLines.indexOf('\n') + 1);
    // a byte with no character in the code page (0x81) rejects its line only
    byte[] undefined = cpLines.getBytes(TextEncoding.WINDOWS_1252);
    undefined[cpLines.indexOf("Öljy")] = (byte) 0x81;
    List<Got> u = read("u.jsonl", undefined, OPTS);
    assertThat(reviewIds(u)).containsExactly("jsonl:a");
    ParsedRecord.Reject r = (ParsedRecord.Reject) u.get(1).rec();
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_UTF8);
    assertThat(r.detail()).contains("windows-1252");
  }

  @Test
  void aCodePageFileThatLooksLikeUtf8AtItsStartIsReadRightWithEncoding() {
    // the first 64 KiB are ASCII, so the file is taken for UTF-8; its later "ä" is then not text
    String ascii =
        "{\"review_id\": \"a\", \"business_id\": \"b\", \"text\": \""
            + "x".repeat(TextEncoding.SNIFF_BYTES)
            + "\"}\n";
    String later = "{\"review_id\": \"c\", \"business_id\": \"b\", \"text\": \"Hyvä ¤\"}\n";
    byte[] cp = (ascii + later).getBytes(TextEncoding.WINDOWS_1252);
    List<Got> auto = read("a.jsonl", cp, OPTS);
    ParsedRecord.Reject r = (ParsedRecord.Reject) auto.get(1).rec();
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_UTF8);
    assertThat(r.detail()).contains("--encoding");
    IngestOptions given = withEncoding("windows-1252");
    List<Got> named = read("a.jsonl", cp, given);
    assertThat(reviewIds(named)).containsExactly("jsonl:a", "jsonl:c");
    assertThat(review(named.get(1)).text()).isEqualTo("Hyvä ¤");
    assertThat(named.get(1).offset()).isEqualTo(ascii.length());
    // ISO-8859-15 has the euro sign where Latin-1 has the currency sign
    IngestOptions latin9 = withEncoding("ISO-8859-15");
    byte[] l9 = later.replace("¤", "€").getBytes(java.nio.charset.Charset.forName("ISO-8859-15"));
    assertThat(review(read("l.jsonl", l9, latin9).get(0)).text()).isEqualTo("Hyvä €");
  }

  static IngestOptions withEncoding(String encoding) {
    return new IngestOptions(
        List.of("x"),
        200_000,
        ZoneId.of("Europe/Helsinki"),
        "salt",
        200,
        new SourceOptions(null, Map.of(), null, null, null, null, encoding));
  }

  @Test
  void aJsonDocumentInTheWindowsCodePageIsReadAndResynchronizedAsText() {
    String doc =
        "[{\"review_id\": \"1\", \"business_id\": \"b\", \"text\": \"Hyvä\"},"
            + " {\"review_id\": \"2\", \"business_id\": \"b\", \"text\": \"Rikki\" \"x\"},"
            + " {\"review_id\": \"3\", \"business_id\": \"b\", \"text\": \"Äänekäs\"}]";
    List<Got> got = read("d.json", doc.getBytes(TextEncoding.WINDOWS_1252), OPTS);
    assertThat(reviewIds(got)).containsExactly("jsonl:1", "jsonl:3");
    assertThat(review(got.get(got.size() - 1)).text()).isEqualTo("Äänekäs");
    assertThat(got)
        .filteredOn(g -> g.rec() instanceof ParsedRecord.Reject)
        .singleElement()
        .satisfies(
            g ->
                assertThat(((ParsedRecord.Reject) g.rec()).reason())
                    .isEqualTo(RejectReason.MALFORMED_JSON));
    // a value holding a byte that is no character in the code page is rejected as such
    byte[] b = doc.replace("Rikki\" \"x", "Rikki").getBytes(TextEncoding.WINDOWS_1252);
    b[doc.indexOf("Hyvä") + 3] = (byte) 0x81;
    List<Got> u = read("d.json", b, OPTS);
    assertThat(reviewIds(u)).containsExactly("jsonl:2", "jsonl:3");
    assertThat(((ParsedRecord.Reject) u.get(0).rec()).reason())
        .isEqualTo(RejectReason.INVALID_UTF8);
  }

  @Test
  void gzipDamageInTheFirstBytesKeepsTheRecordsBeforeIt() throws Exception {
    // random letters, so that the damage at the end of the gzip stream stays at the end
    java.util.Random rnd = new java.util.Random(3);
    StringBuilder lines = new StringBuilder();
    StringBuilder csv = new StringBuilder("review_id,business_id,text\n");
    for (int i = 0; i < 20; i++) {
      StringBuilder t = new StringBuilder();
      for (int k = 0; k < 200; k++) {
        t.append((char) ('a' + rnd.nextInt(26)));
      }
      lines.append("{\"review_id\": " + i + ", \"business_id\": \"b\", \"text\": \"" + t + "\"}\n");
      csv.append(i).append(",b,").append(t).append('\n');
    }
    for (String[] f :
        new String[][] {{"a.jsonl.gz", lines.toString()}, {"a.csv.gz", csv.toString()}}) {
      byte[] z = gzip(f[1].getBytes(StandardCharsets.UTF_8));
      SourceFormat format = f[0].contains("csv") ? SourceFormat.CSV : SourceFormat.JSONL;
      List<Got> got = new ArrayList<>();
      FileRecords.read(
          new ByteArrayInputStream(java.util.Arrays.copyOf(z, z.length - 400)),
          f[0],
          format,
          format == SourceFormat.JSONL,
          new JsonLinesParser(OPTS, format),
          1 << 20,
          (off, r) -> got.add(new Got(off, r)));
      assertThat(reviewIds(got)).as(f[0]).hasSizeBetween(10, 19);
      assertThat(((ParsedRecord.Reject) got.get(got.size() - 1).rec()).reason())
          .isEqualTo(RejectReason.CORRUPT_GZIP);
    }
  }

  static byte[] gzipQuietly(byte[] b) {
    try {
      return gzip(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void excelSeparatorLineNamesTheDelimiterAndIsNotARecord() {
    for (String directive : List.of("sep=;", "\"sep=;\";;", "SEP=;")) {
      String csv = directive + "\r\nreview_id;business_id;text\r\nx1;b;Hyvä, kiitos\r\n";
      List<Got> got = read("e.csv", csv);
      assertThat(got).as(directive).singleElement();
      assertThat(review(got.get(0)).text()).isEqualTo("Hyvä, kiitos");
      assertThat(got.get(0).offset()).isEqualTo(3); // line numbers count the directive
    }
    // a tab named, in a file whose header alone would say comma
    List<Got> tab = read("t.csv", "sep=\t\nreview_id\tbusiness_id\ttext\nt1\tb\tHyvä, kiva\n");
    assertThat(review(tab.get(0)).text()).isEqualTo("Hyvä, kiva");
    assertThat(FileRecords.separatorDirective("sep=x")).isNull();
    assertThat(FileRecords.separatorDirective("review_id,sep=,")).isNull();
    // detection looks at the header under the directive
    assertThat(
            SourceFormat.detect(
                    "sep=,\nReview Content,Review Stars\nHyvä,5\n".getBytes(StandardCharsets.UTF_8))
                .format())
        .isEqualTo(SourceFormat.TRUSTPILOT);
  }

  @Test
  void genericCsvWithSemicolonsAndFieldMapping() {
    String csv = "\uFEFFid;paikka;teksti;tähdet;pvm\nk1;apteekki;Hyvä palvelu;5;12.10.2026\n";
    IngestOptions o =
        new IngestOptions(
            List.of("x"),
            20_000,
            ZoneId.of("Europe/Helsinki"),
            null,
            200,
            new SourceOptions(
                null,
                Map.of(
                    "review_id", "id",
                    "business_id", "paikka",
                    "text", "teksti",
                    "rating", "tähdet",
                    "created_at", "pvm"),
                null,
                null,
                null,
                null));
    ParsedRecord.Review r = review(read("g.csv", csv.getBytes(StandardCharsets.UTF_8), o).get(0));
    assertThat(r.reviewId()).isEqualTo("csv:k1");
    assertThat(r.businessId()).isEqualTo("apteekki");
    assertThat(r.rating()).isEqualTo(5);
    assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-10-11T21:00:00Z"));
  }

  @Test
  void businessOptionFillsRecordsWithoutBusiness() {
    IngestOptions o =
        new IngestOptions(
            List.of("x"),
            20_000,
            ZoneId.of("UTC"),
            null,
            200,
            new SourceOptions("jsonl", Map.of(), "kahvila-1", "Kahvila", "kahvila", "Oulu"));
    ParsedRecord.Review r =
        review(read("a.jsonl", "{\"review_id\": 1, \"text\": \"Hyvä.\"}\n".getBytes(), o).get(0));
    assertThat(r.businessId()).isEqualTo("kahvila-1");
    assertThat(r.businessName()).isEqualTo("Kahvila");
    assertThat(r.city()).isEqualTo("Oulu");
  }

  @Test
  void gzipJsonLinesHaveDecompressedOffsets() throws Exception {
    String lines =
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"Eka.\"}\n"
            + "{\"review_id\": 2, \"business_id\": \"b\", \"text\": \"Toka.\"}\n";
    List<Got> got = read("a.jsonl.gz", gzip(lines.getBytes(StandardCharsets.UTF_8)), OPTS);
    assertThat(got).hasSize(2);
    assertThat(got.get(1).offset()).isEqualTo(lines.indexOf("\n") + 1);
  }

  @Test
  void detectionFromContent() {
    assertThat(SourceFormat.detect("{\"starRating\": \"ONE\"}\n".getBytes()).format())
        .isEqualTo(SourceFormat.GOOGLE_BUSINESS);
    assertThat(SourceFormat.detect("{\n \"data\": [{\"recommendation_type\": 1".getBytes()))
        .isEqualTo(new SourceFormat.Detected(SourceFormat.FACEBOOK, false));
    assertThat(SourceFormat.detect("{\"review_id\": 1, \"text\": \"x\"}\n".getBytes()))
        .isEqualTo(new SourceFormat.Detected(SourceFormat.JSONL, true));
    assertThat(SourceFormat.detect("Review ID,Review Stars\n".getBytes()).format())
        .isEqualTo(SourceFormat.TRUSTPILOT);
    assertThat(SourceFormat.detect("review_id,text\n".getBytes()).format())
        .isEqualTo(SourceFormat.CSV);
  }

  @Test
  void detectionLooksBeyondAnOddFirstLine() {
    String rec = "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"x\"}\n";
    SourceFormat.Detected lines = new SourceFormat.Detected(SourceFormat.JSONL, true);
    // truncated, a number, an array, a business record: the lines after it decide
    assertThat(SourceFormat.detect(("{\"review_id\": 0, \"te\n" + rec + rec).getBytes()))
        .isEqualTo(lines);
    assertThat(SourceFormat.detect(("42\n" + rec + rec).getBytes())).isEqualTo(lines);
    assertThat(SourceFormat.detect(("[" + rec.strip() + "]\n" + rec + rec).getBytes()))
        .isEqualTo(lines);
    assertThat(
            SourceFormat.detect(
                ("{\"business_id\": \"s\", \"name\": \"Anna\"}\n" + rec + rec).getBytes()))
        .isEqualTo(lines);
    // two damaged lines before the only good one: still lines (no line is shaped like a document)
    assertThat(SourceFormat.detect(("{\"broken\n{\"broken2\n" + rec).getBytes(), true))
        .isEqualTo(lines);
    // renamed text and id fields: reviews, not a businesses side file
    assertThat(
            SourceFormat.detect(
                "{\"id\": 1, \"business_id\": \"b\", \"name\": \"Matti\", \"body\": \"x\"}\n"
                    .getBytes(),
                true,
                java.util.Map.of("text", "body", "review_id", "id")))
        .isEqualTo(lines);
    assertThat(
            SourceFormat.detect(
                    "review_id,business_id,comment\nr,b,x\n".getBytes(),
                    true,
                    java.util.Map.of("text", "comment"))
                .format())
        .isEqualTo(SourceFormat.CSV);
    // JSON Lines written as array elements, a comma after each object
    assertThat(SourceFormat.detect((rec.strip() + ",\n" + rec.strip() + ",\n").getBytes(), true))
        .isEqualTo(lines);
    assertThat(read("commas.jsonl", rec.strip() + ",\n" + rec.strip() + ",\n"))
        .hasSize(2)
        .allSatisfy(g -> review(g));
    // an export whose reviews sit one per line is still a document (its first line opens it)
    assertThat(
            SourceFormat.detect(
                    ("{\"page_id\": \"p\", \"data\": [\n"
                            + "{\"created_time\": \"2026-08-02T17:20:11+0000\", \"review_text\": \"a\"},\n"
                            + "{\"created_time\": \"2026-08-03T17:20:11+0000\", \"review_text\": \"b\"}\n"
                            + "]}\n")
                        .getBytes(),
                    true)
                .lineDelimited())
        .isFalse();
    // a pretty-printed document stays a document, also when a line holds a whole object
    String doc = "[\n  " + rec.strip() + ",\n  " + rec.strip() + "\n]\n";
    assertThat(SourceFormat.detect(doc.getBytes(), true))
        .isEqualTo(new SourceFormat.Detected(SourceFormat.JSONL, false));
    // a first line longer than the head: nothing complete to go by, so a document
    assertThat(
            SourceFormat.detect(("{\"review_id\": 1, \"text\": \"" + "a".repeat(100)).getBytes()))
        .isEqualTo(new SourceFormat.Detected(SourceFormat.JSONL, false));
  }

  @Test
  void googleExportNameGivesTheSameBusinessAsTheReviewName() {
    String doc =
        """
        {"name": "accounts/1/locations/780", "reviews": [
          {"name": "accounts/1/locations/780/reviews/r1", "reviewId": "r1", "comment": "Hyvä."},
          {"reviewId": "r2", "comment": "Ok."}
        ]}
        """;
    List<Got> got = read("gbp.json", doc);
    assertThat(got).hasSize(2);
    assertThat(review(got.get(0)).businessId()).isEqualTo("locations/780");
    assertThat(review(got.get(1)).businessId()).isEqualTo("locations/780");
  }
}
