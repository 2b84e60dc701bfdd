package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesParserTest {

  private final IngestOptions options =
      new IngestOptions(List.of("x"), 50, ZoneId.of("Europe/Helsinki"), "s3cret", 20);
  private final JsonLinesParser parser = new JsonLinesParser(options);

  private ParsedRecord parse(String line) {
    return parser.parse(line.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void fullRecordBecomesACanonicalReview() {
    ParsedRecord r =
        parse(
            "{\"review_id\": 17, \"business_id\": \"b1\", \"business_name\": \" Salonki \","
                + " \"rating\": 4, \"text\": \"Hyvä leikkaus.\", \"created_at\":"
                + " \"2026-05-14T18:22:05+03:00\", \"author\": \"Sanna K.\"}");
    assertThat(r).isInstanceOf(ParsedRecord.Review.class);
    ParsedRecord.Review v = (ParsedRecord.Review) r;
    assertThat(v.reviewId()).isEqualTo("jsonl:17");
    assertThat(v.businessName()).isEqualTo("Salonki");
    assertThat(v.rating()).isEqualTo(4);
    assertThat(v.createdAt()).isEqualTo(Instant.parse("2026-05-14T15:22:05Z"));
    assertThat(v.authorIdHash()).hasSize(32).doesNotContain("Sanna");
    // same author, other spelling of case and spacing: same hash
    assertThat(parser.hashAuthor(" sanna k. ")).isEqualTo(v.authorIdHash());
  }

  @Test
  void withoutSaltAuthorsAreDropped() {
    JsonLinesParser noSalt =
        new JsonLinesParser(new IngestOptions(List.of("x"), 50, ZoneId.of("UTC"), "", 20));
    ParsedRecord.Review v =
        (ParsedRecord.Review)
            noSalt.parse(
                "{\"review_id\":\"a\",\"business_id\":\"b\",\"text\":\"t\",\"author\":\"Matti\"}"
                    .getBytes(StandardCharsets.UTF_8),
                false);
    assertThat(v.authorIdHash()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-05-14T18:22:05Z|2026-05-14T18:22:05Z",
        "2026-05-14T18:22:05.250+03:00|2026-05-14T15:22:05.250Z",
        "2026-05-14 18:22:05|2026-05-14T15:22:05Z",
        "2026-01-14T18:22|2026-01-14T16:22:00Z",
        "2026-01-14|2026-01-13T22:00:00Z",
        "2026-11-17T10:00:00+02:00[Europe/Helsinki]|2026-11-17T08:00:00Z",
      })
  void datesWithAndWithoutZone(String in, String utc) {
    assertThat(JsonLinesParser.parseDate(in, ZoneId.of("Europe/Helsinki")))
        .isEqualTo(Instant.parse(utc));
  }

  @Test
  void theFastUtcPathAgreesWithTheIsoParser() {
    // valid and invalid values of the "yyyy-MM-ddTHH:mm:ssZ" shape, and near misses
    java.util.Random r = new java.util.Random(11);
    List<String> cases =
        new java.util.ArrayList<>(
            List.of(
                "2024-02-29T23:59:59Z",
                "2026-02-29T10:00:00Z",
                "2026-04-31T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-00-10T10:00:00Z",
                "2026-01-00T10:00:00Z",
                "2026-01-10T24:00:00Z",
                "2026-01-10T10:60:00Z",
                "2026-01-10T10:00:60Z",
                "0001-01-01T00:00:00Z",
                "2026-1a-10T10:00:00Z",
                "2026-01-10 10:00:00Z",
                "2026-01-10T10:00:00z"));
    for (int i = 0; i < 20_000; i++) {
      cases.add(
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02dZ",
              1890 + r.nextInt(220),
              r.nextInt(14),
              r.nextInt(33),
              r.nextInt(26),
              r.nextInt(62),
              r.nextInt(62)));
    }
    for (String c : cases) {
      Instant iso;
      try {
        iso = java.time.OffsetDateTime.parse(c).toInstant();
      } catch (java.time.DateTimeException e) {
        iso = null;
      }
      Instant fast;
      boolean taken = true;
      try {
        fast = Fields.utcSeconds(c);
        taken = fast != null;
      } catch (java.time.DateTimeException e) {
        fast = null;
      }
      if (taken) {
        assertThat(fast).as(c).isEqualTo(iso);
      } else {
        // not its shape: left to the general parser
        assertThat(c)
            .matches(
                x -> x.length() != 20 || !x.endsWith("Z") || x.contains(" ") || x.contains("a"));
      }
    }
  }

  @Test
  void epochNumbersAreSecondsOrMillis() {
    ParsedRecord.Review s =
        (ParsedRecord.Review)
            parse(
                "{\"review_id\":1,\"business_id\":\"b\",\"text\":\"t\",\"created_at\":1700000000}");
    ParsedRecord.Review ms =
        (ParsedRecord.Review)
            parse(
                "{\"review_id\":1,\"business_id\":\"b\",\"text\":\"t\",\"created_at\":1700000000000}");
    assertThat(s.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(ms.createdAt()).isEqualTo(s.createdAt());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"x|MALFORMED_JSON",
        "[1, 2]|NOT_AN_OBJECT",
        "\"just a string\"|NOT_AN_OBJECT",
        "{\"business_id\": \"b\", \"text\": \"t\"}|MISSING_REVIEW_ID",
        "{\"review_id\": \"  \", \"business_id\": \"b\", \"text\": \"t\"}|MISSING_REVIEW_ID",
        "{\"review_id\": 1, \"text\": \"t\"}|MISSING_BUSINESS",
        "{\"review_id\": 1, \"business_id\": \"b\"}|MISSING_TEXT",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"  \\n \"}|MISSING_TEXT",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": 42}|WRONG_TYPE",
        "{\"review_id\": {\"x\":1}, \"business_id\": \"b\", \"text\": \"t\"}|WRONG_TYPE",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"t\", \"rating\": 6}|INVALID_RATING",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"t\", \"rating\": 3.5}|INVALID_RATING",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"t\", \"rating\": \"five\"}|INVALID_RATING",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"eilen\"}|INVALID_DATE",
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"2026-13-45\"}|INVALID_DATE",
      })
  void unusableRecordsAreRejectedWithTheReason(String line, RejectReason reason) {
    ParsedRecord r = parse(line);
    assertThat(r).isInstanceOf(ParsedRecord.Reject.class);
    ParsedRecord.Reject j = (ParsedRecord.Reject) r;
    assertThat(j.reason()).isEqualTo(reason);
    assertThat(j.detail()).isNotBlank();
    assertThat(j.raw()).isEqualTo(line.substring(0, Math.min(line.length(), 20)));
    assertThat(j.rawTruncated()).isEqualTo(line.length() > 20);
  }

  @Test
  void tooLongTextIsRejected() {
    String text = "a".repeat(51);
    ParsedRecord r = parse("{\"review_id\":1,\"business_id\":\"b\",\"text\":\"" + text + "\"}");
    assertThat(((ParsedRecord.Reject) r).reason()).isEqualTo(RejectReason.TEXT_TOO_LONG);
  }

  @Test
  void invalidUtf8IsRejectedButKeptReadable() {
    byte[] bytes = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    ParsedRecord.Reject j = (ParsedRecord.Reject) parser.parse(bytes, false);
    assertThat(j.reason()).isEqualTo(RejectReason.INVALID_UTF8);
    assertThat(j.rawBytes()).isEqualTo(10);
    assertThat(j.raw()).startsWith("{\"t\":\"");
  }

  @Test
  void bomIsSkippedOnlyAtFileStartAndBlankLinesAreNotRecords() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] json =
        "{\"review_id\":1,\"business_id\":\"b\",\"text\":\"t\"}".getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[bom.length + json.length];
    System.arraycopy(bom, 0, line, 0, 3);
    System.arraycopy(json, 0, line, 3, json.length);
    assertThat(parser.parse(line, true)).isInstanceOf(ParsedRecord.Review.class);
    assertThat(parser.parse(line, false)).isInstanceOf(ParsedRecord.Reject.class);
    assertThat(parse("   \t ")).isInstanceOf(ParsedRecord.Blank.class);
  }

  @Test
  void ratingAsNumericStringAndNullAreAccepted() {
    assertThat(
            ((ParsedRecord.Review)
                    parse(
                        "{\"review_id\":1,\"business_id\":\"b\",\"text\":\"t\",\"rating\":\"5\"}"))
                .rating())
        .isEqualTo(5);
    assertThat(
            ((ParsedRecord.Review)
                    parse("{\"review_id\":1,\"business_id\":\"b\",\"text\":\"t\",\"rating\":null}"))
                .rating())
        .isNull();
  }

  @Test
  void loneSurrogatesFromEscapesBecomeReplacementCharacters() {
    ParsedRecord.Review r =
        (ParsedRecord.Review)
            parse(
                "{\"review_id\": \"s\\udc00\", \"business_id\": \"b\", \"business_name\":"
                    + " \"Kahvila \\ud800\", \"text\": \"Hyvä \\ud83d\\ude00 mutta \\ud83d\"}");
    assertThat(r.text()).isEqualTo("Hyvä 😀 mutta \uFFFD");
    assertThat(r.businessName()).isEqualTo("Kahvila \uFFFD");
    assertThat(r.reviewId()).isEqualTo("jsonl:s\uFFFD");
    // a string without surrogates is the same object (no copy per record)
    String plain = "Hyvä palvelu";
    assertThat(Fields.wellFormed(plain)).isSameAs(plain);
  }
}
