package fi.palvelututka.jobs.ingest;

import java.time.Instant;

/**
 * What one input line became: a review, a reject (with reason), or a blank line (not a record).
 * Plain Java so that parsing is tested without Spark.
 */
public sealed interface ParsedRecord {

  /** A usable review in canonical form; see {@code Tables.REVIEWS_SCHEMA}. */
  record Review(
      String reviewId,
      String source,
      String businessId,
      String businessName,
      String businessCategory,
      String city,
      String authorIdHash,
      Integer rating,
      String text,
      String language,
      Instant createdAt,
      Instant updatedAt,
      String ownerReplyText,
      Instant ownerReplyAt)
      implements ParsedRecord {}

  /**
   * A record that cannot be used. {@code reason} is a stable code (see {@link RejectReason}),
   * {@code detail} a human explanation, {@code raw} the line as far as it could be decoded.
   */
  record Reject(RejectReason reason, String detail, String raw, int rawBytes, boolean rawTruncated)
      implements ParsedRecord {}

  /** A business described by a side file (not a review): fills the business fields of reviews. */
  record BusinessInfo(String id, String name, String category, String city)
      implements ParsedRecord {}

  /** An empty or whitespace-only line: not a record, counted apart. */
  record Blank() implements ParsedRecord {}

  Blank BLANK = new Blank();
}
