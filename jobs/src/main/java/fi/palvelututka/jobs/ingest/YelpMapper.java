package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Yelp Open Dataset {@code review.json} (JSON Lines): {@code review_id}, {@code business_id},
 * {@code user_id} (the author: stored only as a salted hash), {@code stars}, {@code text}, {@code
 * date} ("2018-07-07 22:09:11", local time: the default zone applies). Names, categories and cities
 * come from {@code business.json} given among the inputs (see {@link BusinessRecords}).
 */
final class YelpMapper implements RecordMapper {
  private static final long serialVersionUID = 1L;
  static final String SOURCE = "yelp";

  @Override
  public ParsedRecord.Review map(JsonNode rec, JsonNode context, Canonical c)
      throws FieldException {
    Canonical.Draft d = new Canonical.Draft();
    d.source = SOURCE;
    d.id = Fields.id(rec, "review_id");
    d.businessId = Fields.id(rec, "business_id");
    d.author = Fields.id(rec, "user_id");
    d.rating = Fields.rating(rec, "stars");
    d.text = Fields.text(rec, "text");
    d.createdAt = Fields.date(rec, "date", c.options.defaultZone());
    return c.review(d);
  }
}
