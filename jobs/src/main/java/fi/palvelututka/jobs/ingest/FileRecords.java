package fi.palvelututka.jobs.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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
        csv(in, parser, sink);
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
  static void document(InputStream in, JsonLinesParser parser, Sink sink) throws IOException {
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
        try {
          t = p.nextToken();
        } catch (JsonProcessingException e) {
          sink.accept(
              base + p.currentLocation().getByteOffset(),
              parser.reject(RejectReason.MALFORMED_JSON, e.getOriginalMessage(), "", 0));
          return;
        }
        if (t == null) {
          return;
        }
        long at = base + p.currentTokenLocation().getByteOffset();
        JsonNode v;
        try {
          v = JSON.readTree(p);
        } catch (JsonProcessingException e) {
          JsonLocation loc = e.getLocation();
          sink.accept(
              at,
              parser.reject(
                  RejectReason.MALFORMED_JSON,
                  firstLine(e.getOriginalMessage())
                      + (loc == null ? "" : " (at byte " + (base + loc.getByteOffset()) + ")")
                      + "; the rest of the file cannot be read",
                  "",
                  0));
          return;
        }
        String raw = v.toString();
        for (ParsedRecord r :
            parser.parseValue(v, raw, raw.getBytes(StandardCharsets.UTF_8).length)) {
          sink.accept(at, r);
        }
      }
    }
  }

  /** CSV with a header row; delimiter (',', ';' or tab) from the header; offset = line number. */
  static void csv(InputStream in, JsonLinesParser parser, Sink sink) throws IOException {
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
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(sep);
    // Bytes that are not UTF-8 are decoded as U+FFFF (a noncharacter, absent from real text), and
    // a row holding one becomes an invalid_utf8 reject, as in JSON Lines.
    java.io.Reader reader =
        new InputStreamReader(
            b,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(NOT_UTF8)));
    List<String> header = null;
    try (MappingIterator<List<String>> it =
        mapper.readerForListOf(String.class).with(schema).readValues(reader)) {
      while (true) {
        long line = it.getCurrentLocation() == null ? 0 : it.getCurrentLocation().getLineNr();
        List<String> row;
        try {
          if (!it.hasNextValue()) {
            return;
          }
          line = it.getCurrentLocation().getLineNr();
          row = it.nextValue();
        } catch (RuntimeException | JsonProcessingException e) {
          Throwable c = e.getCause() != null ? e.getCause() : e;
          sink.accept(
              line,
              parser.reject(
                  RejectReason.MALFORMED_CSV,
                  firstLine(c.getMessage()) + "; the rest of the file cannot be read",
                  "",
                  0));
          return;
        }
        boolean blank = row.size() == 1 && (row.get(0) == null || row.get(0).isBlank());
        if (header == null && blank) {
          sink.accept(line, ParsedRecord.BLANK); // blank lines before the header
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
        if (blank) {
          sink.accept(line, ParsedRecord.BLANK);
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
  }

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
