package fi.palvelututka.jobs.ingest;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to read the sources: the format (null: detected per file from its content), the field mapping
 * for generic JSON Lines / CSV (canonical field → source field or dotted path), the business fields
 * to use for records that carry none (exports of one business), and the text encoding (null:
 * detected per file, {@link TextEncoding}).
 */
public record SourceOptions(
    String format,
    Map<String, String> fieldMap,
    String businessId,
    String businessName,
    String businessCategory,
    String city,
    String encoding)
    implements Serializable {

  public static final SourceOptions DEFAULT =
      new SourceOptions(null, Map.of(), null, null, null, null, null);

  /** With the encoding detected per file. */
  public SourceOptions(
      String format,
      Map<String, String> fieldMap,
      String businessId,
      String businessName,
      String businessCategory,
      String city) {
    this(format, fieldMap, businessId, businessName, businessCategory, city, null);
  }

  public SourceOptions {
    encoding = blank(encoding);
    if (encoding != null) {
      encoding = TextEncoding.supported(encoding).name(); // fails on names it does not read
    }
    if (format != null && SourceFormat.byId(format) == null) {
      throw new IllegalArgumentException(
          "Invalid format '" + format + "' (expected one of " + SourceFormat.ids() + ")");
    }
    fieldMap = new TreeMap<>(fieldMap == null ? Map.of() : fieldMap);
    for (Map.Entry<String, String> e : fieldMap.entrySet()) {
      if (!GenericMapper.FIELDS.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "Invalid field mapping '"
                + e.getKey()
                + "' (canonical fields: "
                + GenericMapper.FIELDS
                + ")");
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new IllegalArgumentException(
            "Invalid field mapping '" + e.getKey() + "=' (no source field name)");
      }
    }
    fieldMap = java.util.Collections.unmodifiableMap(fieldMap);
    businessId = blank(businessId);
    businessName = blank(businessName);
    businessCategory = blank(businessCategory);
    city = blank(city);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
