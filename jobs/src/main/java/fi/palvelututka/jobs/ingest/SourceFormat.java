package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The review export formats ingest reads, and their detection from a file's first bytes.
 *
 * <p>Detection (when {@code --format} is not given), from the first lines of the (decompressed)
 * file: JSON Lines when the first non-blank line is one JSON object (a trailing comma allowed), or
 * when the first line does not open a document ("[", "{"reviews": [") and among the first {@value
 * #PROBE_LINES} lines those that are one JSON object each are at least as many as those shaped like
 * a pretty-printed document ("key": lines, closing brackets, elements followed by a comma); else a
 * JSON document when the file starts with '{' or '['; otherwise CSV. The fields of the records tell
 * the source (for JSON Lines, what most of the probed lines look like): {@code starRating}/{@code
 * reviewId} Google Business Profile; {@code publishTime}, {@code authorAttribution}, {@code
 * author_name} or a {@code result}/{@code places/} wrapper Google Places; {@code
 * recommendation_type}, {@code review_text} or {@code created_time} Facebook; {@code stars} with
 * {@code review_id} Yelp reviews; {@code business_id} with {@code name} and no text a businesses
 * side file; a CSV header with "Review Content" or "Review Stars" Trustpilot.
 */
public enum SourceFormat {
  JSONL("jsonl", Container.JSON),
  CSV("csv", Container.CSV),
  GOOGLE_BUSINESS("google-business", Container.JSON),
  GOOGLE_PLACES("google-places", Container.JSON),
  FACEBOOK("facebook", Container.JSON),
  YELP("yelp", Container.JSON),
  BUSINESSES("businesses", Container.JSON),
  BUSINESSES_CSV("businesses-csv", Container.CSV),
  TRUSTPILOT("trustpilot", Container.CSV);

  /** How the records are laid out in the file. */
  public enum Container {
    JSON,
    CSV
  }

  private final String id;
  private final Container container;

  SourceFormat(String id, Container container) {
    this.id = id;
    this.container = container;
  }

  public String id() {
    return id;
  }

  public Container container() {
    return container;
  }

  /** Whether a JSON value may be an export document holding many reviews (see unwrapExport). */
  public boolean exportDocuments() {
    return this == GOOGLE_BUSINESS || this == GOOGLE_PLACES || this == FACEBOOK;
  }

  public boolean businessSideFile() {
    return this == BUSINESSES || this == BUSINESSES_CSV;
  }

  public static SourceFormat byId(String id) {
    for (SourceFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    return null;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(SourceFormat::id).toList();
  }

  RecordMapper mapper(SourceOptions options) {
    return switch (this) {
      case JSONL -> new GenericMapper(JsonLinesParser.SOURCE, options.fieldMap());
      case CSV -> new GenericMapper("csv", lower(options.fieldMap()));
      case GOOGLE_BUSINESS -> new GoogleBusinessMapper();
      case GOOGLE_PLACES -> new GooglePlacesMapper();
      case FACEBOOK -> new FacebookMapper();
      case YELP -> new YelpMapper();
      case TRUSTPILOT -> new TrustpilotMapper();
      case BUSINESSES, BUSINESSES_CSV -> null;
    };
  }

  private static java.util.Map<String, String> lower(java.util.Map<String, String> m) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.strip().toLowerCase(Locale.ROOT)));
    return out;
  }

  /** Whether the file is line-delimited JSON (one record per line) rather than one document. */
  public record Detected(SourceFormat format, boolean lineDelimited) {}

  /** Lines of the head that detection looks at, at most. */
  static final int PROBE_LINES = 50;

  /**
   * Detects the format from the first bytes of a (decompressed) file.
   *
   * @param head the file's first bytes
   * @param whole true when {@code head} is the whole file (its last line is complete)
   */
  public static Detected detect(byte[] head, boolean whole) {
    return detect(head, whole, java.util.Map.of());
  }

  /**
   * As {@link #detect(byte[], boolean)}, with the {@code --field-map} (canonical name → source
   * name): a file whose text or review id field is renamed is not taken for a businesses side file.
   */
  public static Detected detect(
      byte[] head, boolean whole, java.util.Map<String, String> fieldMap) {
    String textName = fieldMap.getOrDefault("text", "text").strip();
    String idName = fieldMap.getOrDefault("review_id", "review_id").strip();
    String s = TextEncoding.text(head); // a byte order mark is skipped
    String trimmed = s.stripLeading();
    if (trimmed.isEmpty()) {
      return new Detected(JSONL, true);
    }
    // The complete non-blank lines of the head: those that are exactly one JSON object against
    // those shaped like a pretty-printed document (see the class comment), so that a damaged or
    // odd first line does not decide for the whole file.
    String[] parts = trimmed.split("\n", -1);
    int complete = whole ? parts.length : parts.length - 1;
    int considered = 0;
    int documentLines = 0;
    List<String> objectLines = new java.util.ArrayList<>();
    boolean firstIsObject = false;
    boolean firstOpens = false;
    for (int i = 0; i < complete && considered < PROBE_LINES; i++) {
      String line = parts[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean object = isObject(line);
      if (object) {
        objectLines.add(line);
      } else if (documentShaped(line)) {
        documentLines++;
      }
      firstIsObject |= considered == 0 && object;
      // "{"reviews": [" or "[": a document starts here, whatever its later lines look like
      firstOpens |= considered == 0 && (line.endsWith("[") || line.endsWith("{"));
      considered++;
    }
    char first = trimmed.charAt(0);
    boolean lines =
        firstIsObject
            || (!firstOpens && !objectLines.isEmpty() && objectLines.size() >= documentLines);
    if (lines) {
      return new Detected(majorityFormat(objectLines, textName, idName), true);
    }
    if (first == '{' || first == '[') {
      return new Detected(fromJsonText(trimmed, textName, idName), false);
    }
    String[] firstLines = trimmed.split("\n", 3);
    String header =
        (FileRecords.separatorDirective(firstLines[0]) != null && firstLines.length > 1
                ? firstLines[1]
                : firstLines[0])
            .toLowerCase(Locale.ROOT);
    if (header.contains("review content") || header.contains("review stars")) {
      return new Detected(TRUSTPILOT, false);
    }
    if (header.contains("business_id")
        && !header.contains("text")
        && !header.contains(textName.toLowerCase(Locale.ROOT))
        && !header.contains(idName.toLowerCase(Locale.ROOT))) {
      return new Detected(BUSINESSES_CSV, false);
    }
    return new Detected(CSV, false);
  }

  /** As {@link #detect(byte[], boolean)} for a head that may end inside a line. */
  public static Detected detect(byte[] head) {
    return detect(head, false);
  }

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Whether the line is one JSON object and nothing else. */
  private static boolean isObject(String line) {
    line = JsonLinesParser.withoutTrailingComma(line);
    if (line.isEmpty() || line.charAt(0) != '{' || line.charAt(line.length() - 1) != '}') {
      return false;
    }
    try {
      return STRICT.readTree(line).isObject();
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Whether a line looks like part of a pretty-printed JSON document: it opens an object or array
   * that goes on below, closes one from above, is a {@code "key":} line, or is a list element
   * followed by a comma.
   */
  private static boolean documentShaped(String line) {
    char first = line.charAt(0);
    char last = line.charAt(line.length() - 1);
    return first == ']'
        || first == '}'
        || last == '['
        || last == '{'
        || last == ','
        || line.matches("\"[^\"]*\"\\s*:.*");
  }

  /** The source most of the object lines look like (the first line's on a tie). */
  private static SourceFormat majorityFormat(
      List<String> objectLines, String textName, String idName) {
    java.util.Map<SourceFormat, Integer> votes = new java.util.LinkedHashMap<>();
    for (String line : objectLines) {
      votes.merge(fromJsonText(line, textName, idName), 1, Integer::sum);
    }
    SourceFormat best = JSONL;
    int most = 0;
    for (java.util.Map.Entry<SourceFormat, Integer> e : votes.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  private static SourceFormat fromJsonText(String t, String textName, String idName) {
    if (t.contains("\"starRating\"") || t.contains("\"reviewId\"")) {
      return GOOGLE_BUSINESS;
    }
    if (t.contains("\"publishTime\"")
        || t.contains("\"authorAttribution\"")
        || t.contains("\"author_name\"")
        || t.contains("\"place_id\"")
        || t.contains("\"places/")) {
      return GOOGLE_PLACES;
    }
    if (t.contains("\"recommendation_type\"")
        || t.contains("\"review_text\"")
        || t.contains("\"created_time\"")) {
      return FACEBOOK;
    }
    if (t.contains("\"stars\"") && t.contains("\"review_id\"")) {
      return YELP;
    }
    if (t.contains("\"business_id\"")
        && t.contains("\"name\"")
        && !t.contains("\"text\"")
        && !t.contains("\"review_id\"")
        && !t.contains("\"" + textName + "\"")
        && !t.contains("\"" + idName + "\"")) {
      return BUSINESSES;
    }
    return JSONL;
  }
}
