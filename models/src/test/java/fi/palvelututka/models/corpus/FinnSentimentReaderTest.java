package fi.palvelututka.models.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.palvelututka.models.sentiment.Sentiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinnSentimentReaderTest {

  /** A tiny table in the FinnSentiment layout, sentences written for this test. */
  static final String MINI =
      "row\tA\tB\tC\tmajority\tderived_1to5\tpreannot_smiley\tpreannot_product_review\ttext\n"
          + "1\t1\t1\t1\t1\t5\t0\t-1\tTämä on ihan mahtava juttu!\n"
          + "2\t-1\t-1\t0\t-1\t2\t0\t-1\tKamala keli taas.\n"
          + "\n"
          + "3\t0\t0\t0\t0\t3\t1\t1\tBussi lähtee kahdeltatoista.\n"
          + "4\t1\t0\t-1\t0\t3\t0\t-1\tNo, sanotaanko näin:\tsisäinen tabulaattori\n";

  @TempDir Path tmp;

  Path fixture() throws IOException {
    return Files.writeString(
        tmp.resolve("mini.tsv"), MINI, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void readsLabelsAndTextByColumnName() throws Exception {
    List<FinnSentimentRow> rows = FinnSentimentReader.read(fixture());
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).majority()).isEqualTo(Sentiment.POSITIVE);
    assertThat(rows.get(0).text()).isEqualTo("Tämä on ihan mahtava juttu!");
    assertThat(rows.get(0).unanimous()).isTrue();
    assertThat(rows.get(1).majority()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(rows.get(1).agreement()).isEqualTo(2);
    assertThat(rows.get(2).majority()).isEqualTo(Sentiment.NEUTRAL);
    // the text column keeps a tab that belongs to the text
    assertThat(rows.get(3).text()).isEqualTo("No, sanotaanko näin:");
    assertThat(rows.get(3).unanimous()).isFalse();
  }

  @Test
  void badRowNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path tsv = dir.resolve("bad.tsv");
    Files.writeString(tsv, "row\tA\tB\tC\tmajority\ttext\n1\t1\t1\t1\t7\tteksti\n");
    assertThatThrownBy(() -> FinnSentimentReader.read(tsv))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad.tsv:2")
        .hasMessageContaining("polarity");
  }

  @Test
  void missingColumnIsNamed(@TempDir Path dir) throws IOException {
    Path tsv = dir.resolve("nocol.tsv");
    Files.writeString(tsv, "row\tA\tB\tC\ttext\n");
    assertThatThrownBy(() -> FinnSentimentReader.read(tsv))
        .hasMessageContaining("lacks column 'majority'");
  }

  @Test
  void locateExplainsWhereTheCorpusShouldBe(@TempDir Path dir) {
    assertThatThrownBy(() -> FinnSentimentReader.locate(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("--corpora");
  }
}
