package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the records of a review export into {@link ParsedRecord}s: one JSON line, one JSON value
 * of a document, or one CSV row. Decoding (strict UTF-8, BOM at file start), JSON parsing and the
 * reject rules are shared; the fields are read by the format's {@link RecordMapper}.
 *
 * <p>Generic JSON Lines fields (README "Input formats"): {@code review_id} (string or integer,
 * required), {@code business_id} (required unless {@code --business-id}), {@code text} (required,
 * non-blank), {@code business_name}, {@code business_category}, {@code city}, {@code rating}
 * (integer 1..5 or null), {@code created_at}, {@code updated_at} (ISO-8601; without an offset the
 * configured zone is assumed; a date alone means its start; numbers are epoch seconds, or
 * milliseconds when above 10^11), {@code author} (stored only as a salted hash), {@code language},
 * {@code owner_reply}, {@code owner_reply_at}.
 *
 * <p>NOT thread-safe (holds a decoder): one per Spark partition.
 */
public final class JsonLinesParser {

  public static final String SOURCE = "jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IngestOptions options;
  private final SourceFormat format;
  private final RecordMapper mapper;
  private final Canonical canonical;
  private java.nio.charset.Charset decodedFrom;
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  public JsonLinesParser(IngestOptions options) {
    this(options, SourceFormat.JSONL);
  }

  public JsonLinesParser(IngestOptions options, SourceFormat format) {
    this.options = options;
    this.format = format;
    this.mapper = format.mapper(options.source());
    this.canonical = new Canonical(options);
  }

  /** The first record of a line (a line holds one record in generic JSON Lines). */
  public ParsedRecord parse(byte[] bytes, boolean atFileStart) {
    return parseLine(bytes, atFileStart).get(0);
  }

  /**
   * @param bytes the line without its line terminator
   * @param atFileStart true for the first line of a file (a UTF-8 BOM is skipped there)
   * @return the records of the line: one, or several when the line holds an export document
   */
  public List<ParsedRecord> parseLine(byte[] bytes, boolean atFileStart) {
    int from = 0;
    if (atFileStart && TextEncoding.utf8Bom(bytes, bytes.length)) {
      from = 3;
    }
    String line;
    try {
      line = strictUtf8.decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    } catch (CharacterCodingException e) {
      String lenient = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
      return List.of(
          reject(
              RejectReason.INVALID_UTF8,
              "bytes are not valid UTF-8" + hint(StandardCharsets.UTF_8),
              lenient,
              bytes.length));
    }
    if (line.isBlank()) {
      return List.of(ParsedRecord.BLANK);
    }
    return parseValues(withoutTrailingComma(line), bytes.length);
  }

  /**
   * A line of a file in another encoding than UTF-8, decoded ({@link TextEncoding#reader}).
   *
   * @param lineBytes the line's length in the file
   */
  public List<ParsedRecord> parseDecodedLine(
      String line, int lineBytes, java.nio.charset.Charset charset) {
    if (line.indexOf(TextEncoding.UNDECODABLE) >= 0) {
      return List.of(undecodable(line, lineBytes, charset));
    }
    if (line.isBlank()) {
      return List.of(ParsedRecord.BLANK);
    }
    return parseValues(withoutTrailingComma(line), lineBytes);
  }

  /** The reject of a record that holds bytes that are not text in the file's encoding. */
  ParsedRecord.Reject undecodable(String raw, int rawBytes, java.nio.charset.Charset charset) {
    return reject(
        RejectReason.INVALID_UTF8,
        "bytes are not valid " + charset.name() + " (shown as U+FFFF)" + hint(charset),
        raw,
        rawBytes);
  }

  /** Where the encoding was detected, how to name the right one. */
  private String hint(java.nio.charset.Charset charset) {
    return forcedEncoding() != null
        ? ""
        : "; the file was taken for "
            + charset.name()
            + ": if it is in another encoding, name it with --encoding";
  }

  /** The {@code --encoding} given for every input, or null (detected per file). */
  String forcedEncoding() {
    return options.source().encoding();
  }

  /**
   * Sets the encoding a JSON document was decoded from (not UTF-8): its values that hold
   * undecodable bytes become {@code invalid_utf8} rejects.
   */
  void decodedFrom(java.nio.charset.Charset charset) {
    this.decodedFrom = charset;
  }

  /** The encoding set by {@link #decodedFrom(java.nio.charset.Charset)}, or null for UTF-8. */
  java.nio.charset.Charset decodedFrom() {
    return decodedFrom;
  }

  /**
   * The line without one comma at its end: some exports write JSON Lines as array elements,
   * "{...}," per line. The comma is not a record of its own.
   */
  static String withoutTrailingComma(String line) {
    String s = line.strip();
    return s.endsWith(",") ? s.substring(0, s.length() - 1) : line;
  }

  /**
   * Every JSON value of a line, in order: one in JSON Lines, but nothing after the first value is
   * dropped. Further values (objects written without a line break between them, or separated by a
   * lone carriage return) are records too; content that is not JSON becomes a {@code
   * malformed_json} reject of its own, after the records before it.
   */
  private List<ParsedRecord> parseValues(String line, int lineBytes) {
    List<JsonNode> values = new ArrayList<>(1);
    List<int[]> spans = new ArrayList<>(1);
    JsonProcessingException error = null;
    try (JsonParser p = JSON.getFactory().createParser(line)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int start = (int) p.currentTokenLocation().getCharOffset();
        values.add(JSON.readTree(p));
        spans.add(
            new int[] {start, (int) Math.min(line.length(), p.currentLocation().getCharOffset())});
      }
    } catch (JsonProcessingException e) {
      error = e;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a String does no I/O
    }
    if (values.size() == 1 && error == null) {
      return parseValue(values.get(0), line, lineBytes); // the common case: one value per line
    }
    if (values.isEmpty()) {
      String detail = error == null ? "no JSON value" : firstLine(error.getOriginalMessage());
      return List.of(reject(RejectReason.MALFORMED_JSON, detail, line, lineBytes));
    }
    List<ParsedRecord> out = new ArrayList<>(values.size() + 1);
    for (int i = 0; i < values.size(); i++) {
      String raw = line.substring(spans.get(i)[0], spans.get(i)[1]);
      out.addAll(parseValue(values.get(i), raw, utf8Length(raw)));
    }
    if (error != null) {
      String rest = line.substring(spans.get(spans.size() - 1)[1]).strip();
      out.add(
          reject(
              RejectReason.MALFORMED_JSON,
              firstLine(error.getOriginalMessage())
                  + " (after "
                  + values.size()
                  + " JSON value(s) on the same line)",
              rest,
              utf8Length(rest)));
    }
    return out;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The records of one parsed JSON value (a line, or a top-level value of a document). */
  public List<ParsedRecord> parseValue(JsonNode value, String raw, int rawBytes) {
    if (value == null || !(value.isObject() || value.isArray())) {
      return List.of(
          reject(
              RejectReason.NOT_AN_OBJECT,
              "expected a JSON object, got " + (value == null ? "nothing" : value.getNodeType()),
              raw,
              rawBytes));
    }
    if (value.isArray() && hasObject(value) && !format.exportDocuments()) {
      // an array of records (a JSON document of reviews, or a line holding several): each element
      List<ParsedRecord> out = new ArrayList<>(value.size());
      for (JsonNode e : value) {
        String r = e.toString();
        out.addAll(parseValue(e, r, utf8Length(r)));
      }
      return out;
    }
    if (format.businessSideFile()) {
      return List.of(business(value, raw, rawBytes));
    }
    List<RecordMapper.Unit> units =
        format.exportDocuments() ? RecordMapper.unwrapExport(value) : List.of();
    if (units.isEmpty() || (units.size() == 1 && units.get(0).record() == value)) {
      return List.of(record(value, null, raw, rawBytes));
    }
    List<ParsedRecord> out = new ArrayList<>(units.size());
    for (RecordMapper.Unit u : units) {
      String r = u.record().toString();
      out.add(record(u.record(), u.context(), r, r.getBytes(StandardCharsets.UTF_8).length));
    }
    return out;
  }

  private static boolean hasObject(JsonNode array) {
    for (JsonNode e : array) {
      if (e.isObject()) {
        return true;
      }
    }
    return false;
  }

  /** One CSV row as a record: header names (lower case) to cell values; empty cells missing. */
  public ParsedRecord parseRow(List<String> header, List<String> row, String raw, int rawBytes) {
    if (row.size() != header.size()) {
      return reject(
          RejectReason.MALFORMED_CSV,
          "row has " + row.size() + " columns, header has " + header.size(),
          raw,
          rawBytes);
    }
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String v = row.get(i);
      if (v != null && !v.isEmpty()) {
        o.put(header.get(i), v);
      }
    }
    if (format.businessSideFile()) {
      return business(o, raw, rawBytes);
    }
    return record(o, null, raw, rawBytes);
  }

  private ParsedRecord business(JsonNode value, String raw, int rawBytes) {
    if (!value.isObject()) {
      return reject(RejectReason.NOT_AN_OBJECT, "expected a business object", raw, rawBytes);
    }
    try {
      BusinessRecords.Business b = BusinessRecords.map(value);
      return new ParsedRecord.BusinessInfo(b.id(), b.name(), b.category(), b.city());
    } catch (FieldException e) {
      return reject(e.reason, e.getMessage(), raw, rawBytes);
    }
  }

  private ParsedRecord record(JsonNode rec, JsonNode context, String raw, int rawBytes) {
    if (!rec.isObject()) {
      return reject(
          RejectReason.NOT_AN_OBJECT,
          "expected a JSON object, got " + rec.getNodeType(),
          raw,
          rawBytes);
    }
    try {
      return mapper.map(rec, context, canonical);
    } catch (FieldException e) {
      return reject(e.reason, e.getMessage(), raw, rawBytes);
    }
  }

  String hashAuthor(String author) {
    return canonical.hashAuthor(author);
  }

  /** ISO-8601 with offset, local date-time (in {@code zone}), or date (start of day in zone). */
  static Instant parseDate(String s, ZoneId zone) {
    return Fields.parseDate(s, zone);
  }

  /** A reject for something that is not a record of this parser (a damaged file, ...). */
  ParsedRecord.Reject reject(RejectReason r, String detail, String raw, int rawBytes) {
    String safe = raw == null ? "" : raw;
    boolean truncated = safe.length() > options.maxRawChars();
    String kept = truncated ? safe.substring(0, options.maxRawChars()) : safe;
    return new ParsedRecord.Reject(r, detail, kept, rawBytes, truncated);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "malformed JSON";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
