package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Generic JSON Lines and CSV: the canonical field names (README "Input formats"), or other names
 * given by the field mapping ({@code --field-map text=body,review_id=id}; dotted paths read nested
 * JSON fields). In CSV every value is a string; empty cells are missing values.
 */
final class GenericMapper implements RecordMapper {
  private static final long serialVersionUID = 1L;

  static final List<String> FIELDS =
      List.of(
          "review_id",
          "business_id",
          "business_name",
          "business_category",
          "city",
          "rating",
          "text",
          "language",
          "created_at",
          "updated_at",
          "author",
          "owner_reply",
          "owner_reply_at");

  private final String source;
  private final Map<String, String> fieldMap;

  GenericMapper(String source, Map<String, String> fieldMap) {
    this.source = source;
    this.fieldMap = Map.copyOf(fieldMap);
  }

  private String f(String canonical) {
    return fieldMap.getOrDefault(canonical, canonical);
  }

  @Override
  public ParsedRecord.Review map(JsonNode rec, JsonNode context, Canonical c)
      throws FieldException {
    Canonical.Draft d = new Canonical.Draft();
    d.source = source;
    d.id = Fields.id(rec, f("review_id"));
    d.businessId = Fields.id(rec, f("business_id"));
    d.text = Fields.text(rec, f("text"));
    d.businessName = Fields.text(rec, f("business_name"));
    d.businessCategory = Fields.text(rec, f("business_category"));
    d.city = Fields.text(rec, f("city"));
    d.author = Fields.text(rec, f("author"));
    d.rating = Fields.rating(rec, f("rating"));
    d.language = Fields.text(rec, f("language"));
    d.createdAt = Fields.date(rec, f("created_at"), c.options.defaultZone());
    d.updatedAt = Fields.date(rec, f("updated_at"), c.options.defaultZone());
    d.ownerReplyText = Fields.text(rec, f("owner_reply"));
    d.ownerReplyAt = Fields.date(rec, f("owner_reply_at"), c.options.defaultZone());
    return c.review(d);
  }
}
