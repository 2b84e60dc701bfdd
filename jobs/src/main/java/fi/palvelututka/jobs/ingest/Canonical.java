package fi.palvelututka.jobs.ingest;

import fi.palvelututka.models.ModelVersion;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * Builds canonical reviews from what a format mapper read, applying the rules every source shares:
 * a source-qualified review_id, required business and text, the text length limit, the business
 * fallbacks given as options, and author names stored only as a salted hash.
 */
final class Canonical implements Serializable {
  private static final long serialVersionUID = 1L;

  final IngestOptions options;

  Canonical(IngestOptions options) {
    this.options = options;
  }

  /** What a mapper read from one record, before the shared rules. */
  static final class Draft {
    String source;
    String id;
    String businessId;
    String businessName;
    String businessCategory;
    String city;
    String author;
    Integer rating;
    String text;
    String language;
    Instant createdAt;
    Instant updatedAt;
    String ownerReplyText;
    Instant ownerReplyAt;
  }

  ParsedRecord.Review review(Draft d) throws FieldException {
    if (d.id == null) {
      throw new FieldException(RejectReason.MISSING_REVIEW_ID, "no review id");
    }
    String business = d.businessId != null ? d.businessId : options.businessId();
    if (business == null) {
      throw new FieldException(
          RejectReason.MISSING_BUSINESS, "no business id (in the record or --business-id)");
    }
    if (d.text == null || Fields.visiblyBlank(d.text)) {
      throw new FieldException(RejectReason.MISSING_TEXT, "no text");
    }
    if (d.text.length() > options.maxTextChars()) {
      throw new FieldException(
          RejectReason.TEXT_TOO_LONG,
          "text has " + d.text.length() + " characters, limit " + options.maxTextChars());
    }
    // lone surrogates (from JSON escapes) as U+FFFD: Parquet's UTF-8 cannot hold them
    return new ParsedRecord.Review(
        Fields.wellFormed(d.source + ":" + d.id),
        d.source,
        Fields.wellFormed(business),
        Fields.wellFormed(Fields.first(Fields.blankToNull(d.businessName), options.businessName())),
        Fields.wellFormed(
            Fields.first(Fields.blankToNull(d.businessCategory), options.businessCategory())),
        Fields.wellFormed(Fields.first(Fields.blankToNull(d.city), options.city())),
        d.author == null || Fields.visiblyBlank(d.author) || options.authorSalt() == null
            ? null
            : hashAuthor(d.author),
        d.rating,
        Fields.wellFormed(d.text),
        Fields.wellFormed(Fields.blankToNull(d.language)),
        d.createdAt,
        d.updatedAt,
        Fields.wellFormed(Fields.blankToNull(d.ownerReplyText)),
        d.ownerReplyAt);
  }

  String hashAuthor(String author) {
    String norm = author.strip().toLowerCase(Locale.ROOT);
    return ModelVersion.sha256Hex(options.authorSalt() + "\u0000" + norm).substring(0, 32);
  }

  /** A stable id for records that carry none: a hash of the fields that identify them. */
  static String derivedId(String... parts) {
    return "h" + ModelVersion.sha256Hex(String.join("\u0000", parts)).substring(0, 24);
  }
}
