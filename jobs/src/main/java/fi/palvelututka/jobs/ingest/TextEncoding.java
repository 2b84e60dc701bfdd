package fi.palvelututka.jobs.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character encoding of a CSV file, from its first bytes. Spreadsheet programs save CSV in
 * UTF-8, in UTF-16 with a byte order mark ("Unicode text"), or in the Windows code page
 * (Windows-1252 in Finland), where ä and ö are single bytes that are not UTF-8.
 *
 * <ul>
 *   <li>a byte order mark decides: UTF-8, UTF-16 little- or big-endian;
 *   <li>otherwise UTF-8, unless the head has bytes that are not UTF-8 and not a single valid UTF-8
 *       sequence of two or more bytes: then Windows-1252. A UTF-8 file with a damaged row still has
 *       its other rows' ä and ö as valid sequences, so it stays UTF-8 (the damaged row is an {@code
 *       invalid_utf8} reject).
 * </ul>
 */
final class TextEncoding {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextEncoding() {}

  /** The encoding and the length of the byte order mark to skip. */
  record Sniffed(Charset charset, int bom) {}

  /** Whether the first {@code n} bytes of {@code b} start with the UTF-8 byte order mark. */
  static boolean utf8Bom(byte[] b, int n) {
    return n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  static Sniffed sniff(byte[] head) {
    int n = head.length;
    if (utf8Bom(head, n)) {
      return new Sniffed(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new Sniffed(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Sniffed(StandardCharsets.UTF_16BE, 2);
    }
    int valid = 0;
    int invalid = 0;
    int i = 0;
    while (i < n) {
      int b = head[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int len =
          b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (len == 0) {
        invalid++;
        i++;
        continue;
      }
      if (i + len > n) {
        break; // cut off at the end of the head: no evidence either way
      }
      boolean ok = true;
      for (int k = 1; k < len; k++) {
        ok &= (head[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        valid++;
        i += len;
      } else {
        invalid++;
        i++;
      }
    }
    return new Sniffed(invalid > 0 && valid == 0 ? WINDOWS_1252 : StandardCharsets.UTF_8, 0);
  }

  /** The head as text, for format detection (a UTF-16 head is not readable as UTF-8). */
  static String text(byte[] head) {
    Sniffed s = sniff(head);
    return new String(head, s.bom(), head.length - s.bom(), s.charset());
  }
}
