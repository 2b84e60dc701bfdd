package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of source fields with the reject reason on a wrong value: ids (string or integer),
 * strings, ratings 1–5, dates. Paths with dots read nested fields ("reviewer.displayName").
 */
final class Fields {

  private Fields() {}

  /** The node at a dotted path, or null when absent or JSON null. */
  static JsonNode at(JsonNode rec, String path) {
    JsonNode n = rec;
    for (String part : path.split("\\.")) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(part);
    }
    return n == null || n.isNull() ? null : n;
  }

  static String id(JsonNode rec, String path) throws FieldException {
    JsonNode n = at(rec, path);
    if (n == null) {
      return null;
    }
    if (n.isTextual()) {
      String s = n.asText().strip();
      return visiblyBlank(s) ? null : s;
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    throw new FieldException(
        RejectReason.WRONG_TYPE, path + " must be a string or an integer, got " + n.getNodeType());
  }

  static String text(JsonNode rec, String path) throws FieldException {
    JsonNode n = at(rec, path);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      throw new FieldException(
          RejectReason.WRONG_TYPE, path + " must be a string, got " + n.getNodeType());
    }
    return n.asText();
  }

  /** {@code a} unless it is null. */
  static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  /** {@code a} unless it is null or blank. */
  static String firstText(String a, String b) {
    return a != null && !visiblyBlank(a) ? a : b;
  }

  /**
   * The string with each lone surrogate (half of a pair, which a JSON escape such as {@code
   * \\ud800} can write) replaced by U+FFFD, the replacement character: UTF-8, and so Parquet,
   * cannot hold it, and Java would write it as "?". The same string when it has none.
   */
  static String wellFormed(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return withoutLoneSurrogates(s, i);
      }
    }
    return s;
  }

  private static String withoutLoneSurrogates(String s, int from) {
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, from);
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else {
        b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }

  static String blankToNull(String s) {
    return s == null || visiblyBlank(s) ? null : s.strip();
  }

  /**
   * True when the string shows nothing: only whitespace (also the no-break spaces, which {@link
   * String#isBlank} does not count), control characters and invisible format characters (zero-width
   * space and joiners, byte order marks, soft hyphens).
   */
  static boolean visiblyBlank(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!(Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)
          || Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Rating 1..5 from a number or a numeric string ("4", "4.0"); null when absent or empty. */
  static Integer rating(JsonNode rec, String path) throws FieldException {
    JsonNode n = at(rec, path);
    if (n == null || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    double v;
    if (n.isNumber()) {
      v = n.asDouble();
    } else if (n.isTextual() && n.asText().strip().matches("[0-9]+([.,]0+)?")) {
      v = Double.parseDouble(n.asText().strip().replace(',', '.'));
    } else {
      throw new FieldException(
          RejectReason.INVALID_RATING, path + " must be an integer 1..5, got " + n);
    }
    return checkRating(v, path, n);
  }

  static Integer checkRating(double v, String path, Object shown) throws FieldException {
    if (v != Math.rint(v) || v < 1 || v > 5) {
      throw new FieldException(
          RejectReason.INVALID_RATING, path + " must be an integer 1..5, got " + shown);
    }
    return (int) v;
  }

  /**
   * A date: ISO-8601 with offset (also "+0000" without colon), a local date-time (in {@code zone}),
   * a date (start of day in zone), or epoch seconds / milliseconds (numbers above 10^11 are
   * milliseconds).
   */
  static Instant date(JsonNode rec, String path, ZoneId zone) throws FieldException {
    JsonNode n = at(rec, path);
    if (n == null || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    Instant t = null;
    try {
      if (n.isIntegralNumber() && n.canConvertToLong()) {
        t = epoch(n.asLong());
      } else if (n.isTextual() && n.asText().length() <= MAX_DATE_CHARS) {
        String s = n.asText().strip();
        t = EPOCH_DIGITS.matcher(s).matches() ? epoch(Long.parseLong(s)) : parseDate(s, zone);
      }
    } catch (DateTimeException | NumberFormatException e) {
      // the reject below
    }
    String shown = n.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 80) + "...";
    }
    if (t == null) {
      throw new FieldException(
          RejectReason.INVALID_DATE, path + " is not an ISO-8601 date or time: " + shown);
    }
    if (t.isBefore(EARLIEST) || !t.isBefore(AFTER_LATEST)) {
      throw new FieldException(
          RejectReason.INVALID_DATE,
          path + " is outside the years " + EARLIEST_YEAR + "–" + LATEST_YEAR + ": " + shown);
    }
    return t;
  }

  /** Longest date string read (longer ones are rejected unread: no date is that long). */
  static final int MAX_DATE_CHARS = 64;

  /** Dates outside these years are rejected (see {@link IngestOptions#EARLIEST_YEAR}). */
  static final int EARLIEST_YEAR = IngestOptions.EARLIEST_YEAR;

  static final int LATEST_YEAR = IngestOptions.LATEST_YEAR;
  private static final Instant EARLIEST = Instant.parse(EARLIEST_YEAR + "-01-01T00:00:00Z");
  private static final Instant AFTER_LATEST = Instant.parse((LATEST_YEAR + 1) + "-01-01T00:00:00Z");

  private static final java.util.regex.Pattern EPOCH_DIGITS =
      java.util.regex.Pattern.compile("[0-9]{9,13}");
  private static final java.util.regex.Pattern FINNISH_DAY_FIRST =
      java.util.regex.Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}.*");
  private static final java.util.regex.Pattern COMPACT_OFFSET =
      java.util.regex.Pattern.compile(".*T.*[+-][0-9]{4}$");

  /**
   * The common shape "2026-10-01T12:34:56Z", read without a formatter (most exports write it); null
   * for any other text. Invalid values (month 13, 30 February) throw as the ISO parser does.
   */
  static Instant utcSeconds(String s) {
    if (s.length() != 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
  }

  /** The decimal number of {@code n} digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int n) {
    int x = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  private static Instant epoch(long v) {
    return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
  }

  private static final DateTimeFormatter FINNISH_DATE =
      DateTimeFormatter.ofPattern("d.M.uuuu[ H[:mm][.mm][:ss][.ss]]")
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /**
   * ISO-8601 with offset (also with a zone id in brackets, as Java writes it), local date-time (in
   * {@code zone}), or date (start of day in zone); also the Finnish "d.M.yyyy [H:mm[:ss]]" (local,
   * in {@code zone}).
   */
  static Instant parseDate(String s, ZoneId zone) {
    Instant utc = utcSeconds(s);
    if (utc != null) {
      return utc;
    }
    if (FINNISH_DAY_FIRST.matcher(s).matches()) {
      java.time.temporal.TemporalAccessor t =
          FINNISH_DATE.parseBest(s, LocalDateTime::from, LocalDate::from);
      return t instanceof LocalDateTime ldt
          ? ldt.atZone(zone).toInstant()
          : ((LocalDate) t).atStartOfDay(zone).toInstant();
    }
    String t =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
    // "+0000" / "-0500" (Facebook Graph API) → "+00:00"
    if (COMPACT_OFFSET.matcher(t).matches()) {
      t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
    }
    if (t.endsWith(" UTC")) {
      t = t.substring(0, t.length() - 4) + "Z";
    }
    if (t.endsWith("]")) {
      // Java's ZonedDateTime text: "2026-11-17T10:00:00+02:00[Europe/Helsinki]"
      return java.time.ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    }
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
}
