package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Trustpilot review export (CSV; header names matched case-insensitively): {@code Review ID},
 * {@code Review Created (UTC)}, {@code Review Stars}, {@code Review Title}, {@code Review Content},
 * {@code Review Language}, {@code Consumer Name}, {@code Reply Content} (or {@code Company Reply}),
 * {@code Reply Created (UTC)} (or {@code Company Reply Date (UTC)}), {@code Business Unit ID},
 * {@code Business Unit Name} / {@code Webshop Name}. The text is the title and the content, one
 * paragraph each.
 */
final class TrustpilotMapper implements RecordMapper {
  private static final long serialVersionUID = 1L;
  static final String SOURCE = "trustpilot";

  @Override
  public ParsedRecord.Review map(JsonNode rec, JsonNode context, Canonical c)
      throws FieldException {
    Canonical.Draft d = new Canonical.Draft();
    d.source = SOURCE;
    d.id = Fields.id(rec, "review id");
    d.businessId = Fields.id(rec, "business unit id");
    d.businessName =
        Fields.first(Fields.text(rec, "business unit name"), Fields.text(rec, "webshop name"));
    d.rating = Fields.rating(rec, "review stars");
    String title = Fields.blankToNull(Fields.text(rec, "review title"));
    String content = Fields.blankToNull(Fields.text(rec, "review content"));
    d.text = title == null ? content : content == null ? title : title + "\n\n" + content;
    d.language = Fields.text(rec, "review language");
    d.author = Fields.text(rec, "consumer name");
    d.createdAt = Fields.date(rec, "review created (utc)", java.time.ZoneOffset.UTC);
    d.ownerReplyText =
        Fields.first(Fields.text(rec, "reply content"), Fields.text(rec, "company reply"));
    d.ownerReplyAt =
        Fields.first(
            Fields.date(rec, "reply created (utc)", java.time.ZoneOffset.UTC),
            Fields.date(rec, "company reply date (utc)", java.time.ZoneOffset.UTC));
    return c.review(d);
  }
}
