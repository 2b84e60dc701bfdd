package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;

/** Maps the records of one source format to canonical reviews. */
interface RecordMapper extends Serializable {

  /** A record inside a parsed value, with the enclosing object (a place, a page) or null. */
  record Unit(JsonNode record, JsonNode context) {}

  /**
   * The records a top-level value of an export document holds: an array's elements, the review
   * array of the export ({"reviews": [...]}, {"result": {"reviews": [...]}}, {"data": [...]}), or
   * the value itself.
   */
  static List<Unit> unwrapExport(JsonNode value) {
    if (value.isArray()) {
      List<Unit> out = new java.util.ArrayList<>();
      value.forEach(v -> out.add(new Unit(v, null)));
      return out;
    }
    for (String path : List.of("reviews", "result.reviews", "data")) {
      JsonNode arr = Fields.at(value, path);
      if (arr != null && arr.isArray()) {
        JsonNode ctx = path.startsWith("result.") ? value.get("result") : value;
        List<Unit> out = new java.util.ArrayList<>();
        arr.forEach(v -> out.add(new Unit(v, ctx)));
        return out;
      }
    }
    return List.of(new Unit(value, null));
  }

  /** Maps one record; a field problem becomes a reject with its reason. */
  ParsedRecord.Review map(JsonNode record, JsonNode context, Canonical c) throws FieldException;
}
