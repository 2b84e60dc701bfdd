package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Side files that describe businesses, not reviews: Yelp {@code business.json} ({@code
 * business_id}, {@code name}, {@code categories}, {@code city}), or a generic businesses file (JSON
 * Lines or CSV with {@code business_id}, {@code business_name} or {@code name}, {@code
 * business_category} or {@code category}, {@code city}). Their values fill the business fields of
 * reviews that lack them.
 */
final class BusinessRecords {

  /** One business. */
  record Business(String id, String name, String category, String city) {}

  private BusinessRecords() {}

  static Business map(JsonNode rec) throws FieldException {
    String id = Fields.id(rec, "business_id");
    if (id == null) {
      throw new FieldException(
          RejectReason.MISSING_BUSINESS, "business record without business_id");
    }
    String name = Fields.firstText(Fields.text(rec, "name"), Fields.text(rec, "business_name"));
    String category =
        Fields.firstText(
            Fields.text(rec, "categories"),
            Fields.firstText(Fields.text(rec, "category"), Fields.text(rec, "business_category")));
    return new Business(
        id,
        Fields.blankToNull(name),
        Fields.blankToNull(category),
        Fields.blankToNull(Fields.text(rec, "city")));
  }
}
