package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Facebook page ratings (Graph API {@code /{page-id}/ratings}, {"data": [...]}): {@code
 * created_time} ("2024-05-01T10:00:00+0000"), {@code recommendation_type} positive / negative,
 * {@code rating} (1–5, older star reviews), {@code review_text}, {@code reviewer.name}, {@code
 * open_graph_story.id}. Rating mapping (documented in README): a star rating is kept; a
 * recommendation without stars becomes 5 (positive) or 1 (negative), as Facebook's own overall
 * rating counts them. The business comes from {@code --business-id} (or the export's page id).
 * Records without an id get a hash of time, reviewer and text.
 */
final class FacebookMapper implements RecordMapper {
  private static final long serialVersionUID = 1L;
  static final String SOURCE = "facebook";

  @Override
  public ParsedRecord.Review map(JsonNode rec, JsonNode page, Canonical c) throws FieldException {
    Canonical.Draft d = new Canonical.Draft();
    d.source = SOURCE;
    d.text = Fields.text(rec, "review_text");
    d.author = Fields.text(rec, "reviewer.name");
    d.createdAt = Fields.date(rec, "created_time", c.options.defaultZone());
    d.rating = Fields.rating(rec, "rating");
    if (d.rating == null) {
      String rt = Fields.text(rec, "recommendation_type");
      if (rt != null) {
        d.rating =
            switch (rt.strip().toLowerCase(java.util.Locale.ROOT)) {
              case "positive" -> 5;
              case "negative" -> 1;
              default ->
                  throw new FieldException(
                      RejectReason.INVALID_RATING,
                      "recommendation_type must be positive or negative, got " + rt);
            };
      }
    }
    if (page != null && c.options.businessId() == null) {
      d.businessId = Fields.first(Fields.id(page, "page_id"), Fields.id(page, "id"));
      d.businessName = Fields.text(page, "name");
    }
    d.id = Fields.id(rec, "open_graph_story.id");
    if (d.id == null) {
      d.id = Fields.id(rec, "id");
    }
    if (d.id == null && d.text != null) {
      d.id =
          Canonical.derivedId(
              String.valueOf(Fields.text(rec, "created_time")), String.valueOf(d.author), d.text);
    }
    return c.review(d);
  }
}
