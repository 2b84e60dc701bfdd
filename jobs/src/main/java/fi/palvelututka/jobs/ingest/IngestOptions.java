package fi.palvelututka.jobs.ingest;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;

/**
 * Options of the ingest job, validated on construction.
 *
 * @param inputs files or folders (any Hadoop filesystem path); folders are searched recursively
 * @param maxTextChars texts longer than this are rejected as {@code text_too_long}
 * @param defaultZone zone for local date-times that carry no offset
 * @param authorSalt salt for hashing author names; {@code null} means author names are dropped
 * @param maxRawChars reject rows keep at most this much of the raw line
 * @param source format, field mapping and business fallbacks
 */
public record IngestOptions(
    List<String> inputs,
    int maxTextChars,
    ZoneId defaultZone,
    String authorSalt,
    int maxRawChars,
    SourceOptions source)
    implements Serializable {

  public static final int DEFAULT_MAX_TEXT_CHARS = 20_000;
  public static final String DEFAULT_ZONE = "Europe/Helsinki";
  public static final int DEFAULT_MAX_RAW_CHARS = 4_000;

  /**
   * Years a review date (and the summaries' {@code --as-of}) may lie in: outside them a date is
   * taken for a mistake, and before 1900 stored timestamps would also depend on calendar rebasing
   * (Julian / Gregorian) in the readers.
   */
  public static final int EARLIEST_YEAR = 1900;

  public static final int LATEST_YEAR = 2099;

  public IngestOptions {
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("Invalid inputs (none given)");
    }
    if (maxTextChars < 1) {
      throw new IllegalArgumentException("Invalid max text length (< 1): " + maxTextChars);
    }
    if (maxRawChars < 1) {
      throw new IllegalArgumentException("Invalid max raw length (< 1): " + maxRawChars);
    }
    if (authorSalt != null && authorSalt.isEmpty()) {
      authorSalt = null;
    }
    inputs = List.copyOf(inputs);
    if (source == null) {
      source = SourceOptions.DEFAULT;
    }
  }

  public IngestOptions(
      List<String> inputs,
      int maxTextChars,
      ZoneId defaultZone,
      String authorSalt,
      int maxRawChars) {
    this(inputs, maxTextChars, defaultZone, authorSalt, maxRawChars, SourceOptions.DEFAULT);
  }

  public String businessId() {
    return source.businessId();
  }

  public String businessName() {
    return source.businessName();
  }

  public String businessCategory() {
    return source.businessCategory();
  }

  public String city() {
    return source.city();
  }

  public static IngestOptions of(List<String> inputs) {
    return new IngestOptions(
        inputs, DEFAULT_MAX_TEXT_CHARS, ZoneId.of(DEFAULT_ZONE), null, DEFAULT_MAX_RAW_CHARS);
  }
}
