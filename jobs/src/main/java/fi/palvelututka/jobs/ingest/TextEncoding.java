package fi.palvelututka.jobs.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The character encoding of an input file (CSV or JSON), from its first {@value #SNIFF_BYTES}
 * bytes. Spreadsheet programs save CSV in UTF-8, in UTF-16 with a byte order mark ("Unicode text"),
 * or in the Windows code page (Windows-1252 in Finland), where ä and ö are single bytes that are
 * not UTF-8. JSON comes in the same encodings from scripts on Windows: Windows PowerShell writes
 * UTF-16 with a mark, and a program that writes with the system's code page writes Windows-1252.
 *
 * <ul>
 *   <li>a byte order mark decides: UTF-8, UTF-16 little- or big-endian;
 *   <li>UTF-16 without a mark: a zero byte in every other position (the ASCII of JSON punctuation,
 *       field names and CSV headers), on the even positions for big-endian, the odd ones for
 *       little-endian;
 *   <li>otherwise UTF-8, unless the head has bytes that are not UTF-8 and not a single valid UTF-8
 *       sequence of two or more bytes: then Windows-1252. A UTF-8 file with a damaged row still has
 *       its other rows' ä and ö as valid sequences, so it stays UTF-8 (the damaged row is an {@code
 *       invalid_utf8} reject).
 * </ul>
 */
final class TextEncoding {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The bytes at the start of a file that decide its encoding. */
  static final int SNIFF_BYTES = 64 * 1024;

  /**
   * Stands for bytes that are not text in the file's encoding, in decoded text: U+FFFF, a
   * noncharacter that real text does not hold. A record holding one becomes an {@code invalid_utf8}
   * reject.
   */
  static final char UNDECODABLE = '\uFFFF';

  private TextEncoding() {}

  /** The encodings that {@code --encoding} can name (the line reader needs fixed-width units). */
  static final List<Charset> SUPPORTED =
      List.of(
          StandardCharsets.UTF_8,
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          WINDOWS_1252,
          StandardCharsets.ISO_8859_1,
          Charset.forName("ISO-8859-15"));

  /** The supported encoding of that name or alias (any case); otherwise a usage error. */
  static Charset supported(String name) {
    for (Charset c : SUPPORTED) {
      if (c.name().equalsIgnoreCase(name)
          || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "Invalid encoding '"
            + name
            + "' (expected one of "
            + SUPPORTED.stream().map(Charset::name).toList()
            + ")");
  }

  /**
   * The encoding of a file: {@code forced} (an {@code --encoding}; a byte order mark of that
   * encoding is skipped), else {@link #sniff sniffed} from its head.
   */
  static Sniffed of(byte[] head, String forced) {
    if (forced == null) {
      return sniff(head);
    }
    Charset c = supported(forced);
    Sniffed marked = sniff(java.util.Arrays.copyOf(head, Math.min(head.length, 4)));
    return new Sniffed(c, marked.bom() > 0 && marked.charset().equals(c) ? marked.bom() : 0);
  }

  /** A reader of {@code in} in {@code charset}; undecodable bytes read as {@link #UNDECODABLE}. */
  static java.io.Reader reader(java.io.InputStream in, Charset charset) {
    return new java.io.InputStreamReader(
        in,
        charset
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(UNDECODABLE)));
  }

  /**
   * Bytes per {@code char} of text in {@code charset} (not UTF-8): 2 in UTF-16, 1 in the
   * single-byte encodings.
   */
  static int unitBytes(Charset charset) {
    return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)
        ? 2
        : 1;
  }

  /** The encoding and the length of the byte order mark to skip. */
  record Sniffed(Charset charset, int bom) {}

  /** Whether the first {@code n} bytes of {@code b} start with the UTF-8 byte order mark. */
  static boolean utf8Bom(byte[] b, int n) {
    return n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  static Sniffed sniff(byte[] head) {
    int n = Math.min(head.length, SNIFF_BYTES);
    if (utf8Bom(head, n)) {
      return new Sniffed(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new Sniffed(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Sniffed(StandardCharsets.UTF_16BE, 2);
    }
    Charset utf16 = utf16WithoutMark(head, n);
    if (utf16 != null) {
      return new Sniffed(utf16, 0);
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

  /**
   * UTF-16 without a byte order mark, from the zero bytes of the first 512 characters: at least 40%
   * of the characters have a zero byte on one side (ASCII and Latin-1 letters do) and at most 5% on
   * the other (UTF-8 text has no zero bytes at all).
   */
  private static Charset utf16WithoutMark(byte[] b, int n) {
    int pairs = Math.min(n, 1024) / 2;
    if (pairs < 2) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < pairs; i++) {
      evenZero += b[2 * i] == 0 ? 1 : 0;
      oddZero += b[2 * i + 1] == 0 ? 1 : 0;
    }
    if (oddZero * 5 >= pairs * 2 && evenZero * 20 <= pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero * 5 >= pairs * 2 && oddZero * 20 <= pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** The head as text, for format detection (a UTF-16 head is not readable as UTF-8). */
  static String text(byte[] head) {
    Sniffed s = sniff(head);
    return new String(head, s.bom(), head.length - s.bom(), s.charset());
  }
}
