package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextEncodingTest {

  @Test
  void byteOrderMarksDecide() {
    assertThat(TextEncoding.sniff(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.UTF_8, 3));
    assertThat(TextEncoding.sniff("\uFEFFa".getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.UTF_16LE, 2));
    assertThat(TextEncoding.sniff("\uFEFFa".getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.UTF_16BE, 2));
  }

  @Test
  void windowsCodePageOnlyWithoutAnyUtf8Sequence() {
    byte[] cp = "Hyvä ja nopea, 5 €".getBytes(TextEncoding.WINDOWS_1252);
    assertThat(TextEncoding.sniff(cp).charset()).isEqualTo(TextEncoding.WINDOWS_1252);
    assertThat(TextEncoding.sniff("Hyvä ja nopea".getBytes(StandardCharsets.UTF_8)).charset())
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(TextEncoding.sniff("plain ascii".getBytes(StandardCharsets.US_ASCII)).charset())
        .isEqualTo(StandardCharsets.UTF_8);
    // UTF-8 with one stray Latin-1 byte stays UTF-8
    byte[] mixed = "Hyvä ja Hyv?".getBytes(StandardCharsets.UTF_8);
    mixed[mixed.length - 1] = (byte) 0xE4;
    assertThat(TextEncoding.sniff(mixed).charset()).isEqualTo(StandardCharsets.UTF_8);
    // a UTF-8 sequence cut off at the end of the head is no evidence either way
    byte[] cut = {'a', (byte) 0xC3};
    assertThat(TextEncoding.sniff(cut).charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void utf16WithoutAMarkFromItsZeroBytes() {
    String json = "{\"review_id\": \"1\", \"text\": \"Hyvä 😀\"}\n";
    assertThat(TextEncoding.sniff(json.getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.UTF_16LE, 0));
    assertThat(TextEncoding.sniff(json.getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.UTF_16BE, 0));
    // one NUL in UTF-8 text is not UTF-16
    assertThat(TextEncoding.sniff("ab\u0000cdefgh".getBytes(StandardCharsets.UTF_8)).charset())
        .isEqualTo(StandardCharsets.UTF_8);
    // nor is text that is mostly outside Latin-1 (no zero bytes to tell by)
    assertThat(TextEncoding.sniff("€€€€".getBytes(StandardCharsets.UTF_16LE)).charset())
        .isNotEqualTo(StandardCharsets.UTF_16LE);
  }

  @Test
  void onlyTheFirstBytesDecide() {
    byte[] b = new byte[TextEncoding.SNIFF_BYTES + 1];
    java.util.Arrays.fill(b, (byte) 'a');
    b[b.length - 1] = (byte) 0xE4; // a code-page ä after the sniffed head
    assertThat(TextEncoding.sniff(b).charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aGivenEncodingWinsAndSkipsOnlyItsOwnMark() {
    byte[] marked = "\uFEFFa".getBytes(StandardCharsets.UTF_16LE);
    assertThat(TextEncoding.of(marked, "utf-16le"))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.UTF_16LE, 2));
    assertThat(TextEncoding.of("Hyvä".getBytes(StandardCharsets.UTF_8), "latin1"))
        .isEqualTo(new TextEncoding.Sniffed(StandardCharsets.ISO_8859_1, 0));
    assertThat(TextEncoding.of(new byte[0], "cp1252").charset())
        .isEqualTo(TextEncoding.WINDOWS_1252);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextEncoding.supported("Shift_JIS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windows-1252");
  }

  @Test
  void headTextSkipsTheMark() {
    assertThat(TextEncoding.text("\uFEFFreview_id\ttext".getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo("review_id\ttext");
  }
}
