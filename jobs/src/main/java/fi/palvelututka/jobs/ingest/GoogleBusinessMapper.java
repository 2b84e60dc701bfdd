package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Google Business Profile API reviews ({@code accounts.locations.reviews}): {@code reviewId},
 * {@code name} ("accounts/A/locations/L/reviews/R"), {@code starRating} ONE..FIVE, {@code comment},
 * {@code createTime}, {@code updateTime}, {@code reviewer.displayName} ({@code isAnonymous}),
 * {@code reviewReply.comment} / {@code .updateTime}. The business is the location ("locations/L")
 * unless {@code --business-id} is given. A comment that Google translated keeps only the original
 * text.
 */
final class GoogleBusinessMapper implements RecordMapper {
  private static final long serialVersionUID = 1L;
  static final String SOURCE = "google";

  private static final Map<String, Integer> STARS =
      Map.of("ONE", 1, "TWO", 2, "THREE", 3, "FOUR", 4, "FIVE", 5);

  @Override
  public ParsedRecord.Review map(JsonNode rec, JsonNode context, Canonical c)
      throws FieldException {
    Canonical.Draft d = new Canonical.Draft();
    d.source = SOURCE;
    String name = Fields.text(rec, "name");
    d.id = Fields.id(rec, "reviewId");
    if (d.id == null && name != null && name.contains("/reviews/")) {
      d.id = name.substring(name.lastIndexOf('/') + 1);
    }
    if (c.options.businessId() == null && name != null && name.contains("/locations/")) {
      d.businessId = location(name);
    }
    JsonNode star = Fields.at(rec, "starRating");
    if (star != null) {
      if (!star.isTextual()) {
        throw new FieldException(
            RejectReason.INVALID_RATING, "starRating must be ONE..FIVE, got " + star);
      }
      String s = star.asText().strip();
      if (!s.equals("STAR_RATING_UNSPECIFIED")) {
        Integer v = STARS.get(s);
        if (v == null) {
          throw new FieldException(
              RejectReason.INVALID_RATING, "starRating must be ONE..FIVE, got " + star);
        }
        d.rating = v;
      }
    }
    d.text = original(Fields.text(rec, "comment"));
    JsonNode anon = Fields.at(rec, "reviewer.isAnonymous");
    if (anon == null || !anon.asBoolean(false)) {
      d.author = Fields.text(rec, "reviewer.displayName");
    }
    d.createdAt = Fields.date(rec, "createTime", c.options.defaultZone());
    d.updatedAt = Fields.date(rec, "updateTime", c.options.defaultZone());
    d.ownerReplyText = Fields.text(rec, "reviewReply.comment");
    d.ownerReplyAt = Fields.date(rec, "reviewReply.updateTime", c.options.defaultZone());
    if (context != null && d.businessId == null && c.options.businessId() == null) {
      // the export's own name ("accounts/A/locations/L"): the same business id as from a review's
      String loc = Fields.id(context, "name");
      d.businessId = loc == null ? null : location(loc);
    }
    return c.review(d);
  }

  /** "locations/L" of a resource name that has one ("accounts/A/locations/L[/reviews/R]"). */
  static String location(String name) {
    int at = name.indexOf("locations/");
    if (at < 0) {
      return name;
    }
    String loc = name.substring(at);
    int cut = loc.indexOf("/reviews/");
    return cut < 0 ? loc : loc.substring(0, cut);
  }

  /** "(Translated by Google) … (Original) …": the original part; other text unchanged. */
  static String original(String comment) {
    if (comment == null) {
      return null;
    }
    int o = comment.indexOf("(Original)");
    if (comment.startsWith("(Translated by Google)") && o >= 0) {
      return comment.substring(o + "(Original)".length()).strip();
    }
    return comment;
  }
}
