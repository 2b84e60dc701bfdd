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
   * Keeps the last bytes read through it (at least {@value #SIZE}), so that reading can go on after
   * damage in a JSON document, and its reject can show the text around the damage.
   */
  static final class Tail extends FilterInputStream {
    static final int SIZE = 1 << 16;
    private final int max;
    private byte[] ring;
    private long count;

    /** Keeps up to {@code size} bytes; the buffer grows to it only as a file is that long. */
    Tail(InputStream in, int size) {
      super(in);
      max = Math.max(SIZE, size);
      ring = new byte[SIZE];
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        room(1);
        ring[(int) (count++ % ring.length)] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        room(n);
        // the last ring.length bytes, in at most two copies (the ring wraps once at most)
        int skip = Math.max(0, n - ring.length);
        int at = (int) ((count + skip) % ring.length);
        int first = Math.min(n - skip, ring.length - at);
        System.arraycopy(b, off + skip, ring, at, first);
        System.arraycopy(b, off + skip + first, ring, 0, n - skip - first);
        count += n;
      }
      return n;
    }

    /** Grows the buffer (before it has ever wrapped) towards the most it keeps. */
    private void room(int n) {
      if (count + n > ring.length && ring.length < max && count <= ring.length) {
        long want = Math.max(2L * ring.length, count + n);
        ring = java.util.Arrays.copyOf(ring, (int) Math.min(max, want));
      }
    }

    /** Bytes read so far. */
    long count() {
      return count;
    }

    /** The position of the oldest byte kept. */
    long oldest() {
      return Math.max(0, count - ring.length);
    }

    /** {@code n} kept bytes from position {@code from} (which must be kept). */
    byte[] bytes(long from, int n) {
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] = ring[(int) ((from + i) % ring.length)];
      }
      return out;
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
      Ahead ahead = Ahead.read(in, TextEncoding.SNIFF_BYTES);
      TextEncoding.Sniffed enc = TextEncoding.of(ahead.head(), parser.forcedEncoding());
      boolean utf8 = enc.charset().equals(StandardCharsets.UTF_8);
      InputStream all = ahead.stream();
      if (format.container() == SourceFormat.Container.CSV) {
        csv(all, enc, ahead.head(), parser, maxLineBytes, sink);
      } else if (lineDelimited && utf8) {
        lines(all, parser, maxLineBytes, sink);
      } else if (lineDelimited) {
        all.skipNBytes(enc.bom());
        decodedLines(all, enc, parser, maxLineBytes, sink);
      } else if (utf8) {
        document(all, parser, maxLineBytes, sink);
      } else {
        // offsets are then those of the document's UTF-8 form, which resynchronizing works on
        all.skipNBytes(enc.bom());
        parser.decodedFrom(enc.charset());
        // (undecodable bytes are U+FFFF already: the UTF-8 encoder meets only real characters)
        document(
            org.apache.commons.io.input.ReaderInputStream.builder()
                .setReader(TextEncoding.reader(all, enc.charset()))
                .setCharset(StandardCharsets.UTF_8)
                .get(),
            parser,
            maxLineBytes,
            sink);
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

  /**
   * The first bytes of a stream, read ahead to tell its encoding, and the whole stream again.
   * Damage met while reading ahead (a gzip stream that breaks early) is thrown only after those
   * bytes, so that the records before it are kept.
   */
  record Ahead(byte[] head, InputStream stream) {
    static Ahead read(InputStream in, int n) {
      ByteArrayOutputStream got = new ByteArrayOutputStream(Math.min(n, 65536));
      byte[] buf = new byte[8192];
      IOException damage = null;
      try {
        int r;
        while (got.size() < n && (r = in.read(buf, 0, Math.min(buf.length, n - got.size()))) > 0) {
          got.write(buf, 0, r);
        }
      } catch (IOException e) {
        damage = e;
      }
      byte[] head = got.toByteArray();
      InputStream rest = damage == null ? in : failing(damage);
      return new Ahead(
          head, new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest));
    }

    private static InputStream failing(IOException e) {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          throw e;
        }
      };
    }
  }

  /**
   * JSON Lines in UTF-16 or Windows-1252: each line decoded, at its byte offset in the file (as in
   * UTF-8 files; after the byte order mark, which {@code in} no longer holds). Bytes that are not
   * text in the encoding make their line an {@code invalid_utf8} reject.
   */
  static void decodedLines(
      InputStream in,
      TextEncoding.Sniffed enc,
      JsonLinesParser parser,
      long maxLineBytes,
      Sink sink)
      throws IOException {
    int unit = TextEncoding.unitBytes(enc.charset());
    long maxChars = maxLineBytes / unit;
    java.io.Reader r = TextEncoding.reader(in, enc.charset());
    StringBuilder line = new StringBuilder(256);
    char[] buf = new char[16384];
    long offset = enc.bom(); // of the current line
    long lineChars = 0;
    int n;
    while ((n = r.read(buf)) > 0) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] != '\n') {
          continue;
        }
        lineChars += keep(line, buf, from, i - from, lineChars, maxChars);
        emitDecoded(line, lineChars, unit, maxLineBytes, enc, parser, offset, sink);
        offset += (lineChars + 1) * unit;
        line.setLength(0);
        lineChars = 0;
        from = i + 1;
      }
      lineChars += keep(line, buf, from, n - from, lineChars, maxChars);
    }
    if (lineChars > 0) {
      emitDecoded(line, lineChars, unit, maxLineBytes, enc, parser, offset, sink);
    }
  }

  /** Appends what still fits under the limit; returns the number of chars the line grew by. */
  private static int keep(StringBuilder line, char[] buf, int from, int len, long have, long max) {
    long room = Math.max(0, max - have);
    line.append(buf, from, (int) Math.min(len, room));
    return len;
  }

  private static void emitDecoded(
      StringBuilder line,
      long lineChars,
      int unit,
      long maxLineBytes,
      TextEncoding.Sniffed enc,
      JsonLinesParser parser,
      long offset,
      Sink sink) {
    int n = line.length();
    String text = n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    long lineBytes = lineChars * unit;
    if (lineBytes > maxLineBytes) {
      sink.accept(offset, tooLong(parser, text, lineBytes, maxLineBytes));
      return;
    }
    for (ParsedRecord rec : parser.parseDecodedLine(text, (int) lineBytes, enc.charset())) {
      sink.accept(offset, rec);
    }
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
          tooLong(parser, new String(bytes, StandardCharsets.UTF_8), lineBytes, maxLineBytes));
      return;
    }
    for (ParsedRecord r : parser.parseLine(bytes, first)) {
      sink.accept(offset, r);
    }
  }

  /** The reject of a line over the limit ({@code kept}: its start, as far as it was kept). */
  private static ParsedRecord tooLong(
      JsonLinesParser parser, String kept, long lineBytes, long maxLineBytes) {
    return parser.reject(
        RejectReason.TEXT_TOO_LONG,
        "line has " + lineBytes + " bytes, limit " + maxLineBytes,
        kept,
        (int) Math.min(Integer.MAX_VALUE, lineBytes));
  }

  /**
   * JSON documents: every top-level value (an export, an array, or concatenated objects). Damage
   * ends only the value it is in: reading goes on at the next object that can stand for a record
   * (see {@link Resync}), and the damaged bytes become one {@code malformed_json} reject.
   *
   * @param window the most bytes that resynchronizing looks at for one candidate record (a record
   *     longer than this is not found again), and the bytes kept for a reject's text
   */
  static void document(InputStream raw, JsonLinesParser parser, long window, Sink sink)
      throws IOException {
    int keep = (int) Math.max(Tail.SIZE, Math.min(window, 1 << 26));
    // twice the window: a candidate's trial may read a window ahead of where reading goes on
    Tail in = new Tail(raw, 2 * keep);
    PushbackInputStream pb = new PushbackInputStream(in, 3);
    byte[] bom = new byte[3];
    int got = pb.readNBytes(bom, 0, 3);
    boolean marked = TextEncoding.utf8Bom(bom, got);
    if (!marked) {
      pb.unread(bom, 0, got);
    }
    long base = marked ? 3 : 0;
    Resync resync = new Resync(in, pb, parser, keep, sink);
    JsonParser p = NO_CLOSE.createParser(pb);
    boolean inArray = false;
    while (p != null) {
      Resync.Resume r = values(p, base, inArray, parser, resync, sink);
      if (r == null) {
        return;
      }
      p = r.parser();
      base = r.base();
      inArray = true;
    }
  }

  /** Parser factory that leaves the stream open: after damage, reading goes on from it. */
  private static final com.fasterxml.jackson.core.JsonFactory NO_CLOSE =
      com.fasterxml.jackson.core.JsonFactory.builder()
          .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  /**
   * The top-level values of a document from {@code p} on (inside an array first when {@code
   * inArray}: the parser starts after a resynchronization). Returns null at the end of the file, or
   * where to go on after damage.
   */
  private static Resync.Resume values(
      JsonParser p, long base, boolean inArray, JsonLinesParser parser, Resync resync, Sink sink)
      throws IOException {
    if (inArray) {
      p.nextToken(); // the "[" a resynchronized parser starts with
      ElementsEnd end = elements(p, parser, base, resync, sink);
      if (end.damaged()) {
        return end.resume();
      }
    }
    while (true) {
      JsonToken t;
      long at = base + p.currentLocation().getByteOffset();
      try {
        t = p.nextToken();
      } catch (JsonProcessingException e) {
        return resync.after(e, base, at);
      }
      if (t == null) {
        return null;
      }
      at = base + p.currentTokenLocation().getByteOffset();
      if (t == JsonToken.START_ARRAY) {
        ElementsEnd end = elements(p, parser, base, resync, sink);
        if (end.damaged()) {
          return end.resume();
        }
        continue;
      }
      JsonNode v;
      try {
        v = JSON.readTree(p);
      } catch (JsonProcessingException e) {
        return resync.after(e, base, at);
      }
      for (ParsedRecord r : records(parser, v)) {
        sink.accept(at, r);
      }
    }
  }

  /** The records of one value of a JSON document (its raw text is the value, re-serialized). */
  private static List<ParsedRecord> records(JsonLinesParser parser, JsonNode v) {
    String text = v.toString();
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (parser.decodedFrom() != null && text.indexOf(TextEncoding.UNDECODABLE) >= 0) {
      return List.of(parser.undecodable(text, bytes, parser.decodedFrom()));
    }
    return parser.parseValue(v, text, bytes);
  }

  /** How a top-level array ended: closed, or damaged (and where reading goes on, if anywhere). */
  private record ElementsEnd(boolean damaged, Resync.Resume resume) {}

  private static final ElementsEnd CLOSED = new ElementsEnd(false, null);

  /** The elements of a top-level array, one by one: damage in one element loses only that one. */
  private static ElementsEnd elements(
      JsonParser p, JsonLinesParser parser, long base, Resync resync, Sink sink)
      throws IOException {
    while (true) {
      long at = base + p.currentLocation().getByteOffset();
      JsonToken t;
      JsonNode v;
      try {
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
          return CLOSED;
        }
        if (t == null) {
          throw new com.fasterxml.jackson.core.JsonParseException(
              p, "Unexpected end-of-input: the array is not closed");
        }
        at = base + p.currentTokenLocation().getByteOffset();
        v = JSON.readTree(p);
      } catch (JsonProcessingException e) {
        return new ElementsEnd(true, resync.after(e, base, at));
      }
      for (ParsedRecord r : records(parser, v)) {
        sink.accept(at, r);
      }
    }
  }

  /** Text shown before the damage in a damaged document's reject. */
  static final int CONTEXT_BEFORE = 2_000;

  /**
   * Finds where reading can go on after damage in a JSON document. From the damaged value's start
   * on (as far as the tail keeps it), each {@code "{"} at the damage or after a {@code ","}, {@code
   * "["} or {@code "}"} (as the next element of an array, or the next of concatenated objects,
   * would be) is tried: it is taken when a whole object parses from it, makes a record (not only
   * rejects: an object nested in the damaged one, such as a photo, does not) and is followed by the
   * array's next element, its end, or the end of the file. The bytes from the damaged value's start
   * to there are one reject; the object and what follows are read as the elements of an array. So
   * in a damaged export the reviews before the damage are found again as well as those after it,
   * and its head and its tail are rejects of their own. Such a review is read without the export's
   * other fields (the business it belongs to, for example): it is mapped like a record of its own,
   * or rejected with the reason.
   */
  static final class Resync {
    /** A parser that goes on from a resynchronized position: absolute offset = base + offset. */
    record Resume(JsonParser parser, long base) {}

    private final Tail tail;
    private final InputStream in;
    private final JsonLinesParser records;
    private final int window;
    private final Sink sink;

    Resync(Tail tail, InputStream in, JsonLinesParser records, int window, Sink sink) {
      this.tail = tail;
      this.in = in;
      this.records = records;
      this.window = window;
      this.sink = sink;
    }

    /** The bytes after the damage: those read ahead (kept by the tail), then the stream's. */
    private byte[] buf;

    private int len;
    private long bufStart;
    private boolean eof;

    /**
     * Bytes the candidates of one damage may read, in windows: a hostile file full of {@code ",{"}
     * in an unclosed string would otherwise be read a window per candidate.
     */
    static final long TRIAL_BUDGET = 16;

    private long budget;

    /**
     * Damage {@code e} in the value that starts at {@code at}: sends the reject and returns where
     * to go on, or null when no record follows (the reject then holds the rest of the file).
     */
    Resume after(JsonProcessingException e, long base, long at) throws IOException {
      JsonLocation loc = e.getLocation();
      long damage =
          loc == null || loc.getByteOffset() < 0
              ? at
              : Math.min(base + loc.getByteOffset(), tail.count());
      long context = Math.max(at, damage - CONTEXT_BEFORE);
      // from the damaged value's start (as far as kept): a record before the damage inside an
      // export's array, or after a string left open, is found again too
      long from = Math.max(tail.oldest(), Math.min(at, damage - 16));
      buf = tail.bytes(from, (int) (tail.count() - from));
      len = buf.length;
      bufStart = from;
      eof = false;
      budget = TRIAL_BUDGET * window;
      for (long pos = Math.max(at + 1, from); budget > 0 && byteAt(pos) >= 0; pos++) {
        boolean atDamage = pos >= damage - 2 && pos <= damage;
        if (buf[(int) (pos - bufStart)] != '{' || !(atDamage || follows(pos))) {
          continue;
        }
        if (parsesAsElement(pos)) {
          // the rejected bytes: the damage and the text before it, or (when the record found
          // again starts before the damage, in an export) all of them
          long shown = Math.max(bufStart, pos > damage ? context : at);
          reject(
              e,
              damage,
              "bytes "
                  + at
                  + " to "
                  + (pos - 1)
                  + " are rejected and reading goes on at byte "
                  + pos
                  + ", where a record starts",
              at,
              shown,
              pos);
          java.io.InputStream rest =
              new java.io.SequenceInputStream(
                  new java.io.ByteArrayInputStream(
                      concat(new byte[] {'['}, buf, (int) (pos - bufStart), len)),
                  in);
          return new Resume(NO_CLOSE.createParser(rest), pos - 1);
        }
        compact(pos);
      }
      reject(
          e,
          damage,
          "the rest of the file cannot be read ("
              + (budget > 0 ? "no record follows" : "no record found within the search limit")
              + ")",
          at,
          Math.max(bufStart, context),
          bufStart + len);
      return null;
    }

    /**
     * The reject at {@code at}, whose raw text is the kept bytes from {@code shown} to {@code to}.
     */
    private void reject(
        JsonProcessingException e, long damage, String what, long at, long shown, long to) {
      String text = span(shown, to);
      sink.accept(
          at,
          records.reject(
              RejectReason.MALFORMED_JSON,
              firstLine(e.getOriginalMessage())
                  + " (at byte "
                  + damage
                  + "); "
                  + what
                  + "; raw shows the document from byte "
                  + shown,
              text,
              text.getBytes(StandardCharsets.UTF_8).length));
    }

    /** The kept bytes from {@code from} to {@code to} (exclusive), at most a window, as text. */
    private String span(long from, long to) {
      int start = (int) Math.max(0, from - bufStart);
      int end =
          (int) Math.max(start, Math.min(len, Math.min(to - bufStart, start + (long) window)));
      return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }

    /** Whether the byte before {@code pos}, whitespace skipped, is one an element follows. */
    private boolean follows(long pos) {
      for (long i = pos - 1; i >= bufStart; i--) {
        byte b = buf[(int) (i - bufStart)];
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
          continue;
        }
        return b == ',' || b == '[' || b == '}';
      }
      return true; // nothing before it is kept: try it
    }

    /**
     * Whether a whole object parses from {@code pos} (within the window) and is followed by the
     * next element, the array's end or the file's end, as an array element would be.
     */
    private boolean parsesAsElement(long pos) throws IOException {
      InputStream trial =
          new java.io.SequenceInputStream(
              new java.io.ByteArrayInputStream(new byte[] {'['}), new Ahead(pos));
      try (JsonParser p = NO_CLOSE.createParser(trial)) {
        try {
          return parsesAsElement(p);
        } finally {
          // what the parser looked at, not what it buffered: most candidates fail within bytes
          budget -= Math.max(1, p.currentLocation().getByteOffset());
        }
      }
    }

    private boolean parsesAsElement(JsonParser p) throws IOException {
      try {
        if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
          return false;
        }
        boolean record = false;
        for (ParsedRecord r : FileRecords.records(records, JSON.readTree(p))) {
          record |= r instanceof ParsedRecord.Review || r instanceof ParsedRecord.BusinessInfo;
        }
        if (!record) {
          return false; // e.g. an object nested in the damaged one: part of the damage
        }
      } catch (JsonProcessingException e) {
        return false;
      }
      try {
        JsonToken next = p.nextToken();
        return next == JsonToken.END_ARRAY
            || next == JsonToken.START_OBJECT
            || next == JsonToken.START_ARRAY;
      } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
        return eof; // the file ends after the object (an array cut short), not the window
      } catch (JsonProcessingException e) {
        return false;
      }
    }

    /** The byte at absolute position {@code pos}, reading more when needed; -1 at the end. */
    private int byteAt(long pos) throws IOException {
      while (pos - bufStart >= len) {
        if (eof || !fill()) {
          return -1;
        }
      }
      return buf[(int) (pos - bufStart)] & 0xFF;
    }

    private boolean fill() throws IOException {
      if (len == buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(4096, buf.length * 2));
      }
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        eof = true;
        return false;
      }
      len += n;
      return true;
    }

    /** Drops the bytes well before {@code pos}, so that a long stretch of damage is not kept. */
    private void compact(long pos) {
      long keepFrom = pos - 16;
      if (keepFrom - bufStart > window) {
        int drop = (int) (keepFrom - bufStart);
        System.arraycopy(buf, drop, buf, 0, len - drop);
        len -= drop;
        bufStart += drop;
      }
    }

    /** The bytes from {@code pos} on, at most the window: those kept, then read on demand. */
    private final class Ahead extends InputStream {
      private long next;
      private final long limit;

      Ahead(long pos) {
        this.next = pos;
        this.limit = pos + window;
      }

      @Override
      public int read() throws IOException {
        if (next >= limit) {
          return -1;
        }
        int b = byteAt(next);
        if (b >= 0) {
          next++;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
          return 0;
        }
        if (next >= limit || byteAt(next) < 0) {
          return -1;
        }
        int k = (int) Math.min(Math.min(n, len - (next - bufStart)), limit - next);
        System.arraycopy(buf, (int) (next - bufStart), b, off, k);
        next += k;
        return k;
      }
    }

    private static byte[] concat(byte[] head, byte[] b, int from, int to) {
      byte[] out = new byte[head.length + (to - from)];
      System.arraycopy(head, 0, out, 0, head.length);
      System.arraycopy(b, from, out, head.length, to - from);
      return out;
    }
  }

  /**
   * CSV with a header row; delimiter (',', ';' or tab) from the header; offset = line number. Each
   * record is split off first ({@link CsvRecords}), then parsed: a bad record is one reject, and
   * reading goes on with the next.
   */
  static void csv(
      InputStream in,
      TextEncoding.Sniffed enc,
      byte[] head,
      JsonLinesParser parser,
      long maxRecordChars,
      Sink sink)
      throws IOException {
    // UTF-8, UTF-16 or Windows-1252 (spreadsheet exports); the byte order mark is not part of the
    // first header name
    in.skipNBytes(enc.bom());
    String h = new String(head, enc.bom(), head.length - enc.bom(), enc.charset());
    // Excel's "sep=;" first line names the delimiter; the header follows it
    String first = h.strip().lines().findFirst().orElse("");
    Character directed = separatorDirective(first);
    char sep = directed != null ? directed : delimiter(first);
    boolean directive = directed != null;
    ObjectReader rows =
        CSV.readerForListOf(String.class).with(CsvSchema.emptySchema().withColumnSeparator(sep));
    // a row holding bytes that are not text in the encoding becomes an invalid_utf8 reject
    java.io.Reader reader =
        new java.io.BufferedReader(TextEncoding.reader(in, enc.charset()), 65536);
    CsvRecords records =
        new CsvRecords(reader, sep, (int) Math.min(Integer.MAX_VALUE - 16, maxRecordChars));
    List<String> header = null;
    for (CsvRecords.Rec rec = records.nextRecord(); rec != null; rec = records.nextRecord()) {
      List<String> row = null;
      Exception unparsable = null;
      if (rec.kind() == CsvRecords.Kind.RECORD && !rec.text().isBlank()) {
        try {
          row = rows.readValue(rec.text());
        } catch (IOException | RuntimeException e) {
          unparsable = e;
        }
        if (CsvRecords.multiLine(rec)
            && (unparsable != null || (header != null && row.size() != header.size()))) {
          rec = records.firstLineOnly(rec); // see CsvRecords#firstLineOnly
        }
      }
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
      if (unparsable != null) {
        Throwable c = unparsable.getCause() != null ? unparsable.getCause() : unparsable;
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
      if (header == null && directive) {
        directive = false; // the "sep=" line: not a record, not the header
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
      if (raw.indexOf(TextEncoding.UNDECODABLE) >= 0) {
        sink.accept(
            line,
            parser.undecodable(raw, raw.getBytes(StandardCharsets.UTF_8).length, enc.charset()));
        continue;
      }
      sink.accept(
          line, parser.parseRow(header, row, raw, raw.getBytes(StandardCharsets.UTF_8).length));
    }
  }

  private static final CsvMapper CSV = new CsvMapper();

  private static final java.util.regex.Pattern SEP_DIRECTIVE =
      java.util.regex.Pattern.compile("(?i)\"?sep=([,;\t|])\"?\\1*");

  /**
   * The delimiter that an Excel "sep=;" line names ({@code sep=,}, {@code sep=;}, a tab or {@code
   * |}; quoted, or padded with delimiters by a program that saved it again), or null.
   */
  static Character separatorDirective(String line) {
    // only spaces and a CR around it: a tab may be the delimiter named
    java.util.regex.Matcher m = SEP_DIRECTIVE.matcher(line.replaceAll("^ +| +$|\r$", ""));
    return m.matches() ? m.group(1).charAt(0) : null;
  }

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
