package fi.palvelututka.jobs.ingest;

import java.util.Locale;

/** Stable reject reason codes, stored in lake/rejects.reason and counted in the run manifest. */
public enum RejectReason {
  INVALID_UTF8(
      "Bytes that are not text in the file's encoding: UTF-8, or the one its first bytes or"
          + " `--encoding` name (see README, Text encodings)."),
  MALFORMED_JSON("Not parseable as JSON."),
  NOT_AN_OBJECT("Valid JSON, but not an object."),
  MISSING_REVIEW_ID("No review id in a format that requires one."),
  MISSING_BUSINESS("No business id in the record, the file's business record or `--business-id`."),
  MISSING_TEXT("No text, or only whitespace."),
  TEXT_TOO_LONG(
      "Text longer than `--max-text-chars`; also lines over 16 × that limit (at least 1 MiB),"
          + " which are never held in memory."),
  WRONG_TYPE("A field of the wrong JSON type (e.g. text as a number)."),
  INVALID_RATING("Rating not an integer 1..5."),
  INVALID_DATE(
      "A date that cannot be parsed, or outside the years "
          + Fields.EARLIEST_YEAR
          + "–"
          + Fields.LATEST_YEAR
          + "."),
  MALFORMED_CSV("A CSV row that cannot be read (unbalanced quotes, wrong number of columns)."),
  CORRUPT_GZIP("A gzip file that ends early or is damaged: records before the damage are kept."),
  UNREADABLE_FILE("A file that cannot be read at all.");

  private final String description;

  RejectReason(String description) {
    this.description = description;
  }

  /** What the reason means, for the schema documentation. */
  public String description() {
    return description;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
