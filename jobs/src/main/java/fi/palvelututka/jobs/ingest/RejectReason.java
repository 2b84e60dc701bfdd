package fi.palvelututka.jobs.ingest;

import java.util.Locale;

/** Stable reject reason codes, stored in lake/rejects.reason and counted in the run manifest. */
public enum RejectReason {
  /** Bytes that are not valid UTF-8. */
  INVALID_UTF8,
  /** Not parseable as JSON. */
  MALFORMED_JSON,
  /** Valid JSON, but not an object. */
  NOT_AN_OBJECT,
  /** No review_id. */
  MISSING_REVIEW_ID,
  /** No business_id. */
  MISSING_BUSINESS,
  /** No text, or only whitespace. */
  MISSING_TEXT,
  /** Text longer than the configured limit. */
  TEXT_TOO_LONG,
  /** A field of the wrong JSON type (e.g. text as a number). */
  WRONG_TYPE,
  /** Rating not an integer 1..5. */
  INVALID_RATING,
  /** A date that cannot be parsed. */
  INVALID_DATE,
  /** A CSV row that cannot be read (unbalanced quotes, wrong number of columns). */
  MALFORMED_CSV,
  /** A gzip file that ends early or is damaged: records before the damage are kept. */
  CORRUPT_GZIP,
  /** A file that cannot be read at all. */
  UNREADABLE_FILE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
