package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.models.ModelVersion;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses one line of a generic JSON Lines review dump into a {@link ParsedRecord}.
 *
 * <p>Fields (README "Input formats"): {@code review_id} (string or integer, required), {@code
 * business_id} (required), {@code text} (required, non-blank), {@code business_name}, {@code
 * business_category}, {@code city}, {@code rating} (integer 1..5 or null), {@code created_at},
 * {@code updated_at} (ISO-8601; without an offset the configured zone is assumed; a date alone
 * means its start; numbers are epoch seconds, or milliseconds when above 10^11), {@code author}
 * (stored only as a salted hash), {@code language}, {@code owner_reply}, {@code owner_reply_at}.
 *
 * <p>NOT thread-safe (holds a decoder): one per Spark partition.
 */
public final class JsonLinesParser {

  public static final String SOURCE = "jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IngestOptions options;
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  public JsonLinesParser(IngestOptions options) {
    this.options = options;
  }

  /**
   * @param bytes the line without its line terminator
   * @param atFileStart true for the first line of a file (a UTF-8 BOM is skipped there)
   */
  public ParsedRecord parse(byte[] bytes, boolean atFileStart) {
    int from = 0;
    if (atFileStart
        && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      from = 3;
    }
    String line;
    try {
      line = strictUtf8.decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    } catch (CharacterCodingException e) {
      String lenient = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
      return reject(RejectReason.INVALID_UTF8, "bytes are not valid UTF-8", lenient, bytes.length);
    }
    if (line.isBlank()) {
      return ParsedRecord.BLANK;
    }
    JsonNode rec;
    try {
      rec = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return reject(
          RejectReason.MALFORMED_JSON, firstLine(e.getOriginalMessage()), line, bytes.length);
    }
    if (rec == null || !rec.isObject()) {
      return reject(
          RejectReason.NOT_AN_OBJECT,
          "expected a JSON object, got " + (rec == null ? "nothing" : rec.getNodeType()),
          line,
          bytes.length);
    }
    try {
      return review(rec, line, bytes.length);
    } catch (FieldException e) {
      return reject(e.reason, e.getMessage(), line, bytes.length);
    }
  }

  private ParsedRecord review(JsonNode rec, String line, int rawBytes) throws FieldException {
    String id = idField(rec, "review_id");
    if (id == null) {
      throw new FieldException(RejectReason.MISSING_REVIEW_ID, "no review_id");
    }
    String business = idField(rec, "business_id");
    if (business == null) {
      throw new FieldException(RejectReason.MISSING_BUSINESS, "no business_id");
    }
    String text = text(rec, "text");
    if (text == null || text.isBlank()) {
      throw new FieldException(RejectReason.MISSING_TEXT, "no text");
    }
    if (text.length() > options.maxTextChars()) {
      throw new FieldException(
          RejectReason.TEXT_TOO_LONG,
          "text has " + text.length() + " characters, limit " + options.maxTextChars());
    }
    String author = text(rec, "author");
    return new ParsedRecord.Review(
        SOURCE + ":" + id,
        SOURCE,
        business,
        blankToNull(text(rec, "business_name")),
        blankToNull(text(rec, "business_category")),
        blankToNull(text(rec, "city")),
        author == null || options.authorSalt() == null ? null : hashAuthor(author),
        rating(rec),
        text,
        blankToNull(text(rec, "language")),
        date(rec, "created_at"),
        date(rec, "updated_at"),
        blankToNull(text(rec, "owner_reply")),
        date(rec, "owner_reply_at"));
  }

  String hashAuthor(String author) {
    String norm = author.strip().toLowerCase(Locale.ROOT);
    return ModelVersion.sha256Hex(options.authorSalt() + "\u0000" + norm).substring(0, 32);
  }

  private static String idField(JsonNode rec, String name) throws FieldException {
    JsonNode n = rec.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      String s = n.asText().strip();
      return s.isEmpty() ? null : s;
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    throw new FieldException(
        RejectReason.WRONG_TYPE, name + " must be a string or an integer, got " + n.getNodeType());
  }

  private static String text(JsonNode rec, String name) throws FieldException {
    JsonNode n = rec.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new FieldException(
          RejectReason.WRONG_TYPE, name + " must be a string, got " + n.getNodeType());
    }
    return n.asText();
  }

  private static Integer rating(JsonNode rec) throws FieldException {
    JsonNode n = rec.get("rating");
    if (n == null || n.isNull()) {
      return null;
    }
    double v;
    if (n.isNumber()) {
      v = n.asDouble();
    } else if (n.isTextual() && n.asText().strip().matches("[1-5](\\.0)?")) {
      v = Double.parseDouble(n.asText().strip());
    } else {
      throw new FieldException(
          RejectReason.INVALID_RATING, "rating must be an integer 1..5, got " + n);
    }
    if (v != Math.rint(v) || v < 1 || v > 5) {
      throw new FieldException(
          RejectReason.INVALID_RATING, "rating must be an integer 1..5, got " + n);
    }
    return (int) v;
  }

  private Instant date(JsonNode rec, String name) throws FieldException {
    JsonNode n = rec.get(name);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    try {
      if (n.isIntegralNumber()) {
        long v = n.asLong();
        return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
      }
      if (n.isTextual()) {
        return parseDate(n.asText().strip(), options.defaultZone());
      }
    } catch (DateTimeException e) {
      // fall through to the reject below
    }
    throw new FieldException(
        RejectReason.INVALID_DATE, name + " is not an ISO-8601 date or time: " + n);
  }

  /** ISO-8601 with offset, local date-time (in {@code zone}), or date (start of day in zone). */
  static Instant parseDate(String s, ZoneId zone) {
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // not with offset
    }
    String t =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // not with offset
    }
    try {
      return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // not local date-time
    }
    return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private ParsedRecord.Reject reject(RejectReason r, String detail, String raw, int rawBytes) {
    boolean truncated = raw.length() > options.maxRawChars();
    String kept = truncated ? raw.substring(0, options.maxRawChars()) : raw;
    return new ParsedRecord.Reject(r, detail, kept, rawBytes, truncated);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "malformed JSON";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A field problem that turns the record into a reject. */
  private static final class FieldException extends Exception {
    private static final long serialVersionUID = 1L;
    final RejectReason reason;

    FieldException(RejectReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
