package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads all records of one file from a stream, on an executor: JSON Lines (byte offsets, lines of
 * any length bounded by a limit), JSON documents (byte offset of each top-level value) and CSV
 * (line number of each row). Gzip is decompressed on the fly; a damaged gzip stream ends the file
 * with a {@code corrupt_gzip} reject, keeping every record read before the damage.
 */
final class FileRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FileRecords() {}

  /** Consumer of (offset, record). */
  interface Sink extends BiConsumer<Long, ParsedRecord> {}

  static boolean gzipName(String file) {
    return file.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** Counts the bytes read through it (decompressed offsets). */
  static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /**
   * Keeps the last {@value #SIZE} bytes read through it, so that a damaged JSON document's reject
   * can show the text around the damage.
   */
  static final class Tail extends FilterInputStream {
    static final int SIZE = 1 << 16;
    private final byte[] ring = new byte[SIZE];
    private long count;

    Tail(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        ring[(int) (count++ % SIZE)] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = 0; i < n; i++) {
        ring[(int) (count++ % SIZE)] = b[off + i];
      }
      return n;
    }

    /** The bytes read from position {@code from} (or the oldest kept), at most {@code max}. */
    String text(long from, int max) {
      long start = Math.max(from, Math.max(0, count - SIZE));
      int n = (int) Math.max(0, Math.min(max, count - start));
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] = ring[(int) ((start + i) % SIZE)];
      }
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  /** Reads every record of the stream; never throws for bad content (it becomes rejects). */
  static void read(
      InputStream raw,
      String file,
      SourceFormat format,
      boolean lineDelimited,
      JsonLinesParser parser,
      long maxLineBytes,
      Sink sink) {
    Counting in;
    try {
      // no buffering stream here: the readers buffer themselves, and a buffer that keeps reading
      // to fill itself would drop the bytes decompressed before a gzip damage
      in = new Counting(gzipName(file) ? new GZIPInputStream(raw, 65536) : raw);
    } catch (IOException e) {
      sink.accept(0L, damaged(parser, e, 0));
      return;
    }
    try {
      if (format.container() == SourceFormat.Container.CSV) {
        csv(in, parser, maxLineBytes, sink);
      } else if (lineDelimited) {
        lines(in, parser, maxLineBytes, sink);
      } else {
        document(in, parser, sink);
      }
    } catch (ZipException | EOFException e) {
      sink.accept(in.count, damaged(parser, e, in.count));
    } catch (IOException e) {
      sink.accept(
          in.count,
          parser.reject(
              RejectReason.UNREADABLE_FILE,
              "read failed after " + in.count + " bytes: " + e.getMessage(),
              "",
              0));
    }
  }

  private static ParsedRecord damaged(JsonLinesParser parser, IOException e, long at) {
    String why =
        e.getMessage() != null
            ? e.getMessage()
            : e instanceof EOFException ? "the stream ends early" : e.getClass().getSimpleName();
    return parser.reject(
        RejectReason.CORRUPT_GZIP,
        "gzip stream damaged after "
            + at
            + " decompressed bytes ("
            + why
            + ");"
            + " records before it were kept",
        "",
        0);
  }

  /** JSON Lines: each line's records, at the line's byte offset (read in 64 KiB chunks). */
  static void lines(InputStream in, JsonLinesParser parser, long maxLineBytes, Sink sink)
      throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    byte[] buf = new byte[65536];
    long offset = 0; // of the current line
    long lineBytes = 0;
    boolean first = true;
    int n;
    while ((n = in.read(buf)) > 0) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] != '\n') {
          continue;
        }
        lineBytes += keep(line, buf, from, i - from, lineBytes, maxLineBytes);
        emitLine(line, lineBytes, maxLineBytes, first, parser, offset, sink);
        first = false;
        offset += lineBytes + 1;
        line.reset();
        lineBytes = 0;
        from = i + 1;
      }
      lineBytes += keep(line, buf, from, n - from, lineBytes, maxLineBytes);
    }
    if (lineBytes > 0) {
      emitLine(line, lineBytes, maxLineBytes, first, parser, offset, sink);
    }
  }

  /** Appends what still fits under the limit; returns the number of bytes the line grew by. */
  private static int keep(
      ByteArrayOutputStream line, byte[] buf, int from, int len, long have, long max) {
    long room = Math.max(0, max - have);
    line.write(buf, from, (int) Math.min(len, room));
    return len;
  }

  private static void emitLine(
      ByteArrayOutputStream line,
      long lineBytes,
      long maxLineBytes,
      boolean first,
      JsonLinesParser parser,
      long offset,
      Sink sink) {
    byte[] bytes = line.toByteArray();
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, n - 1);
    }
    if (lineBytes > maxLineBytes) {
      sink.accept(
          offset,
          parser.reject(
              RejectReason.TEXT_TOO_LONG,
              "line has " + lineBytes + " bytes, limit " + maxLineBytes,
              new String(bytes, StandardCharsets.UTF_8),
              (int) Math.min(Integer.MAX_VALUE, lineBytes)));
      return;
    }
    for (ParsedRecord r : parser.parseLine(bytes, first)) {
      sink.accept(offset, r);
    }
  }

  /** JSON documents: every top-level value (an export, an array, or concatenated objects). */
  static void document(InputStream raw, JsonLinesParser parser, Sink sink) throws IOException {
    Tail in = new Tail(raw);
    PushbackInputStream pb = new PushbackInputStream(in, 3);
    byte[] bom = new byte[3];
    int got = pb.readNBytes(bom, 0, 3);
    if (!(got == 3
        && (bom[0] & 0xFF) == 0xEF
        && (bom[1] & 0xFF) == 0xBB
        && (bom[2] & 0xFF) == 0xBF)) {
      pb.unread(bom, 0, got);
    }
    long base = got == 3 && (bom[0] & 0xFF) == 0xEF ? 3 : 0;
    try (JsonParser p = JSON.getFactory().createParser(pb)) {
      while (true) {
        JsonToken t;
        long at = base + p.currentLocation().getByteOffset();
        try {
          t = p.nextToken();
        } catch (JsonProcessingException e) {
          sink.accept(at, damagedDocument(parser, e, base, at, in));
          return;
        }
        if (t == null) {
          return;
        }
        at = base + p.currentTokenLocation().getByteOffset();
        if (t == JsonToken.START_ARRAY) {
          if (!elements(p, parser, base, in, sink)) {
            return;
          }
          continue;
        }
        JsonNode v;
        try {
          v = JSON.readTree(p);
        } catch (JsonProcessingException e) {
          sink.accept(at, damagedDocument(parser, e, base, at, in));
          return;
        }
        String text = v.toString();
        for (ParsedRecord r :
            parser.parseValue(v, text, text.getBytes(StandardCharsets.UTF_8).length)) {
          sink.accept(at, r);
        }
      }
    }
  }

  /**
   * The elements of a top-level array, one by one: damage in one element loses only the elements
   * after it, not those before. Returns false when the document is damaged (the reject is sent).
   */
  private static boolean elements(
      JsonParser p, JsonLinesParser parser, long base, Tail in, Sink sink) throws IOException {
    while (true) {
      long at = base + p.currentLocation().getByteOffset();
      JsonToken t;
      JsonNode v;
      try {
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
          return true;
        }
        if (t == null) {
          throw new com.fasterxml.jackson.core.JsonParseException(
              p, "Unexpected end-of-input: the array is not closed");
        }
        at = base + p.currentTokenLocation().getByteOffset();
        v = JSON.readTree(p);
      } catch (JsonProcessingException e) {
        sink.accept(at, damagedDocument(parser, e, base, at, in));
        return false;
      }
      String text = v.toString();
      for (ParsedRecord r :
          parser.parseValue(v, text, text.getBytes(StandardCharsets.UTF_8).length)) {
        sink.accept(at, r);
      }
    }
  }

  /** Text shown before the damage in a damaged document's reject. */
  static final int CONTEXT_BEFORE = 2_000;

  /**
   * A JSON document that cannot be parsed from byte {@code at} on: one reject for the rest of the
   * file (a parser cannot find where the next record starts), whose raw text is the document from
   * the damaged value's start, or from {@value #CONTEXT_BEFORE} bytes before the damage.
   */
  private static ParsedRecord damagedDocument(
      JsonLinesParser parser, JsonProcessingException e, long base, long at, Tail in) {
    JsonLocation loc = e.getLocation();
    long damage = loc == null ? at : base + loc.getByteOffset();
    long from = Math.max(at, damage - CONTEXT_BEFORE);
    String text = in.text(from, Tail.SIZE);
    return parser.reject(
        RejectReason.MALFORMED_JSON,
        firstLine(e.getOriginalMessage())
            + " (at byte "
            + damage
            + "); the rest of the file cannot be read; raw shows the document from byte "
            + from,
        text,
        text.getBytes(StandardCharsets.UTF_8).length);
  }

  /**
   * CSV with a header row; delimiter (',', ';' or tab) from the header; offset = line number. Each
   * record is split off first ({@link CsvRecords}), then parsed: a bad record is one reject, and
   * reading goes on with the next.
   */
  static void csv(InputStream in, JsonLinesParser parser, long maxRecordChars, Sink sink)
      throws IOException {
    PushbackInputStream b = new PushbackInputStream(in, 8192);
    byte[] head = b.readNBytes(8192);
    int skip =
        head.length >= 3
                && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF
            ? 3
            : 0; // a byte order mark is not part of the first header name
    b.unread(head, skip, head.length - skip);
    String h = new String(head, skip, head.length - skip, StandardCharsets.UTF_8);
    char sep = delimiter(h.strip().lines().findFirst().orElse(""));
    ObjectReader rows =
        CSV.readerForListOf(String.class).with(CsvSchema.emptySchema().withColumnSeparator(sep));
    // Bytes that are not UTF-8 are decoded as U+FFFF (a noncharacter, absent from real text), and
    // a row holding one becomes an invalid_utf8 reject, as in JSON Lines.
    java.io.Reader reader =
        new java.io.BufferedReader(
            new InputStreamReader(
                b,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(NOT_UTF8))),
            65536);
    CsvRecords records =
        new CsvRecords(reader, sep, (int) Math.min(Integer.MAX_VALUE - 16, maxRecordChars));
    List<String> header = null;
    for (CsvRecords.Rec rec = records.nextRecord(); rec != null; rec = records.nextRecord()) {
      long line = rec.line();
      String text = rec.text();
      int bytes = (int) Math.min(Integer.MAX_VALUE, rec.chars());
      if (rec.kind() == CsvRecords.Kind.UNTERMINATED) {
        sink.accept(
            line,
            parser.reject(
                RejectReason.MALFORMED_CSV,
                "a quoted field opened on line "
                    + line
                    + " is not closed; the line is rejected and reading goes on at line "
                    + (line + 1),
                text,
                bytes));
        continue;
      }
      if (rec.kind() == CsvRecords.Kind.TOO_LONG) {
        sink.accept(
            line,
            parser.reject(
                RejectReason.TEXT_TOO_LONG,
                "record has " + rec.chars() + " characters, limit " + maxRecordChars,
                text,
                bytes));
        continue;
      }
      if (text.isBlank()) {
        sink.accept(line, ParsedRecord.BLANK); // blank lines, before the header too
        continue;
      }
      List<String> row;
      try {
        row = rows.readValue(text);
      } catch (IOException | RuntimeException e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        sink.accept(
            line,
            parser.reject(
                RejectReason.MALFORMED_CSV,
                firstLine(c.getMessage()),
                text,
                text.getBytes(StandardCharsets.UTF_8).length));
        continue;
      }
      if (row.size() == 1 && (row.get(0) == null || row.get(0).isBlank())) {
        sink.accept(line, ParsedRecord.BLANK); // e.g. a line of ""
        continue;
      }
      if (header == null) {
        header = new ArrayList<>();
        for (String x : row) {
          String k = x == null ? "" : x.strip().toLowerCase(Locale.ROOT);
          header.add(k.startsWith("\uFEFF") ? k.substring(1) : k);
        }
        continue;
      }
      String raw = String.join(String.valueOf(sep), row);
      if (raw.indexOf(NOT_UTF8) >= 0) {
        sink.accept(
            line,
            parser.reject(
                RejectReason.INVALID_UTF8,
                "bytes are not valid UTF-8 (shown as U+FFFF)",
                raw,
                raw.getBytes(StandardCharsets.UTF_8).length));
        continue;
      }
      sink.accept(
          line, parser.parseRow(header, row, raw, raw.getBytes(StandardCharsets.UTF_8).length));
    }
  }

  private static final CsvMapper CSV = new CsvMapper();

  /** Stands for undecodable bytes in CSV text (see {@link #csv}). */
  static final char NOT_UTF8 = '\uFFFF';

  static char delimiter(String headerLine) {
    int comma = count(headerLine, ',');
    int semi = count(headerLine, ';');
    int tab = count(headerLine, '\t');
    if (tab > comma && tab > semi) {
      return '\t';
    }
    return semi > comma ? ';' : ',';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
