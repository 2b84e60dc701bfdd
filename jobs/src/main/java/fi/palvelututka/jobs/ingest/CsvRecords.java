package fi.palvelututka.jobs.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits CSV text into records before Jackson parses each one, so that one bad record costs one
 * reject, not the rest of the file. A record ends at a line break outside quotes; a field is quoted
 * when its first character is {@code "} (RFC 4180, as Jackson reads it), and {@code ""} inside
 * quotes is a quote.
 *
 * <p>A quote that is never closed would otherwise swallow every following line. When the text ends
 * inside quotes, when a quoted field grows past the limit (far longer than any accepted text), or
 * when a quote on a later line is followed by text (so it opens a field there, it does not close
 * this one), the record's first line is returned as {@link Kind#UNTERMINATED} and reading resumes
 * at its second line. The reader takes back a record of several lines that turns out unusable in
 * the same way ({@link #firstLineOnly}). A record longer than the limit outside quotes is read to
 * its end and returned truncated as {@link Kind#TOO_LONG}. Memory is bounded by the limit.
 */
final class CsvRecords {

  enum Kind {
    RECORD,
    UNTERMINATED,
    TOO_LONG
  }

  /**
   * A record: its text without the line break (at most the limit), the line it starts on (1-based),
   * and its length in characters (more than {@code text.length()} when truncated).
   */
  record Rec(Kind kind, String text, long line, long chars) {}

  private final Reader in;
  private final char sep;
  private final int maxChars;

  /** Characters to read again before the reader's (after an unterminated quote). */
  private final StringBuilder again = new StringBuilder();

  private int againAt;

  /** Characters given back (a stack: the last one given back comes first). */
  private final int[] back = new int[4];

  private int backs;
  private long line = 1;

  CsvRecords(Reader in, char sep, int maxChars) {
    this.in = in;
    this.sep = sep;
    this.maxChars = maxChars;
  }

  private int next() throws IOException {
    if (backs > 0) {
      return back[--backs];
    }
    if (againAt < again.length()) {
      return again.charAt(againAt++);
    }
    return in.read();
  }

  private void unread(int c) {
    back[backs++] = c;
  }

  /** The next record, or null at the end of the text. */
  Rec nextRecord() throws IOException {
    long start = line;
    StringBuilder b = new StringBuilder();
    long chars = 0;
    boolean quoted = false;
    boolean fieldStart = true;
    int c = next();
    if (c < 0) {
      return null;
    }
    while (true) {
      if (c < 0) {
        return quoted ? unterminated(b, start) : done(b, start, chars);
      }
      if (quoted) {
        if (c == '"') {
          int d = next();
          if (d == '"') {
            chars = append(b, '"', chars); // an escaped quote: both characters stay for Jackson
          } else if (closes(d) || line == start) {
            // a quote that closes; or a stray one on the record's first line, which Jackson
            // rejects with the record
            quoted = false;
            unread(d);
          } else {
            // "...\nx,"abc: this quote opens a field of a later record, so the quote opened on
            // the first line was never closed
            unread(d);
            unread(c);
            return unterminated(b, start);
          }
        } else if (c == '\n' || (c == '\r' && !followedByLf())) {
          line++;
        }
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && !followedByLf()) {
          line++;
        } else if (c == '\n') {
          line++;
        } else {
          next(); // the LF of a CRLF
          line++;
        }
        return done(b, start, chars);
      } else if (c == sep) {
        fieldStart = true;
        chars = append(b, c, chars);
        c = next();
        continue;
      } else if (c == '"' && fieldStart) {
        quoted = true;
      }
      fieldStart = false;
      if (quoted && chars >= maxChars) {
        unread(c);
        return unterminated(b, start);
      }
      chars = append(b, c, chars);
      c = next();
    }
  }

  /**
   * Takes back a record of several lines that cannot be used as it is (it does not parse, or has
   * the wrong number of columns): a quote on its first line that was never closed met a stray quote
   * on a later line ({@code 17" näyttö}, {@code Ok",}), which looked like its end. Returns the
   * first line as {@link Kind#UNTERMINATED}; reading resumes at the second line.
   */
  Rec firstLineOnly(Rec rec) {
    StringBuilder b = new StringBuilder(rec.text()).append('\n');
    return unterminated(b, rec.line());
  }

  /** Whether a record spans more than one line. */
  static boolean multiLine(Rec rec) {
    return rec.text().indexOf('\n') >= 0 || rec.text().indexOf('\r') >= 0;
  }

  private Rec done(StringBuilder b, long start, long chars) {
    return new Rec(chars > maxChars ? Kind.TOO_LONG : Kind.RECORD, b.toString(), start, chars);
  }

  /** What may follow a closing quote: a separator, a line break, the end, or spaces. */
  private boolean closes(int d) {
    return d < 0 || d == sep || d == '\n' || d == '\r' || d == ' ' || d == '\t';
  }

  private boolean followedByLf() throws IOException {
    int d = next();
    unread(d);
    return d == '\n';
  }

  private long append(StringBuilder b, int c, long chars) {
    if (chars < maxChars) {
      b.append((char) c);
    }
    return chars + 1;
  }

  /**
   * A quote that does not close: the record's first line is the bad record, and everything read
   * after that line is read again.
   */
  private Rec unterminated(StringBuilder b, long start) {
    int cut = 0;
    while (cut < b.length() && b.charAt(cut) != '\n' && b.charAt(cut) != '\r') {
      cut++;
    }
    int resume = cut;
    if (resume < b.length() && b.charAt(resume) == '\r') {
      resume++;
    }
    if (resume < b.length() && b.charAt(resume) == '\n' && resume - cut <= 1) {
      resume++;
    }
    StringBuilder rest = new StringBuilder();
    rest.append(b, resume, b.length());
    while (backs > 0) {
      int c = back[--backs];
      if (c >= 0) {
        rest.append((char) c);
      }
    }
    rest.append(again, againAt, again.length());
    again.setLength(0);
    again.append(rest);
    againAt = 0;
    line = start + 1;
    String first = b.substring(0, cut);
    return new Rec(Kind.UNTERMINATED, first, start, first.length());
  }
}
