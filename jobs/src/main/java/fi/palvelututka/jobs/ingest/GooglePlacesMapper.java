package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Google Places reviews, new API ({@code places.get}: {@code id}, {@code displayName.text}, {@code
 * reviews[]} with {@code name} "places/P/reviews/R", {@code rating}, {@code text.text}, {@code
 * originalText.text}, {@code publishTime}, {@code authorAttribution.displayName}) and legacy API
 * ({@code result.place_id}, {@code result.name}, {@code reviews[]} with {@code author_name}, {@code
 * rating}, {@code text}, {@code time} (epoch seconds), {@code language}). Legacy reviews carry no
 * id: theirs is a hash of place, author and time. The original text is preferred over Google's
 * translation.
 */
final class GooglePlacesMapper implements RecordMapper {
  private static final long serialVersionUID = 1L;
  static final String SOURCE = "google-places";

  @Override
  public ParsedRecord.Review map(JsonNode rec, JsonNode place, Canonical c) throws FieldException {
    Canonical.Draft d = new Canonical.Draft();
    d.source = SOURCE;
    String name = Fields.text(rec, "name");
    if (place != null) {
      d.businessId = Fields.firstText(Fields.id(place, "id"), Fields.id(place, "place_id"));
      d.businessName =
          Fields.firstText(Fields.text(place, "displayName.text"), textOrNull(place, "name"));
      d.businessCategory = Fields.text(place, "primaryTypeDisplayName.text");
    }
    if (d.businessId == null && name != null && name.startsWith("places/")) {
      int cut = name.indexOf("/reviews/");
      d.businessId = cut < 0 ? null : name.substring("places/".length(), cut);
    }
    if (c.options.businessId() != null) {
      d.businessId = null; // the option names the business
    }
    d.rating = Fields.rating(rec, "rating");
    JsonNode text = Fields.at(rec, "text");
    if (text != null && text.isObject()) { // new API
      d.text =
          Fields.firstText(Fields.text(rec, "originalText.text"), Fields.text(rec, "text.text"));
      d.language =
          Fields.firstText(
              Fields.text(rec, "originalText.languageCode"), Fields.text(rec, "text.languageCode"));
      d.author = Fields.text(rec, "authorAttribution.displayName");
      d.createdAt = Fields.date(rec, "publishTime", c.options.defaultZone());
      d.id =
          name != null && name.contains("/reviews/")
              ? name.substring(name.lastIndexOf('/') + 1)
              : null;
    } else { // legacy API
      d.text = Fields.text(rec, "text");
      d.language =
          Fields.firstText(Fields.text(rec, "original_language"), Fields.text(rec, "language"));
      d.author = Fields.text(rec, "author_name");
      d.createdAt = Fields.date(rec, "time", c.options.defaultZone());
      String time = Fields.id(rec, "time");
      if (time != null && d.author != null) {
        String biz = d.businessId != null ? d.businessId : c.options.businessId();
        d.id = Canonical.derivedId(String.valueOf(biz), d.author, time);
      }
    }
    return c.review(d);
  }

  private static String textOrNull(JsonNode n, String path) {
    JsonNode v = Fields.at(n, path);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
