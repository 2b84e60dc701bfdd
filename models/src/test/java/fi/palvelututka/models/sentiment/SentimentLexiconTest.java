package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.palvelututka.models.text.Negation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentLexiconTest {

  @Test
  void parseSkipsCommentsBlankLinesAndMultiWordEntries() throws IOException {
    SentimentLexicon l =
        SentimentLexicon.parse("# a comment\tnot an entry\n\nTyly\t-2\nhyvä tyyppi\t2\nkehua\t2\n");
    assertThat(l.size()).isEqualTo(2);
    assertThat(l.score("tyly", "tylyä")).isEqualTo(-2);
    assertThat(l.score("x", "kehua")).isEqualTo(2);
    assertThat(l.score("hyvä", "hyvä")).isZero();
  }

  @Test
  void aListedFormWinsOverItsLemma() {
    // the abessive "ongelmitta" (without problems) is lemmatized to "ongelma" (a problem)
    SentimentLexicon l = new SentimentLexicon(Map.of("ongelma", -2, "ongelmitta", 2));
    assertThat(l.score("ongelma", "ongelmitta")).isEqualTo(2);
    assertThat(l.score("ongelma", "ongelmia")).isEqualTo(-2);
    assertThat(l.score("x", "y")).isZero();
  }

  @Test
  void badLinesNameTheirNumber() {
    assertThatThrownBy(() -> SentimentLexicon.parse("tyly\t-2\nkehua 2\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> SentimentLexicon.parse("tyly\tvery\n")).hasMessageContaining("line 1");
  }

  @Test
  void plusAddsOnlyMissingWordsAndKeepsItsOwnScores() {
    SentimentLexicon afinn = new SentimentLexicon(Map.of("hyvä", 3, "vika", -2));
    SentimentLexicon sup = new SentimentLexicon(Map.of("hyvä", 1, "tyly", -2));
    SentimentLexicon both = afinn.plus(sup);
    assertThat(both.size()).isEqualTo(3);
    assertThat(both.score("hyvä", "hyvä")).isEqualTo(3);
    assertThat(both.score("tyly", "tyly")).isEqualTo(-2);
    assertThat(afinn.size()).isEqualTo(2);
  }

  /** The shipped review supplement (models/lexicon/): well formed, on the AFINN scale. */
  @Test
  void shippedReviewSupplementIsWellFormed() throws IOException {
    Path f = Path.of("lexicon/review-lexicon-fi.tsv");
    SentimentLexicon l = SentimentLexicon.parse(Files.readString(f, StandardCharsets.UTF_8));
    assertThat(l.size()).isGreaterThan(50);
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] kv = line.split("\t");
      assertThat(kv).as(line).hasSize(2);
      assertThat(kv[0]).as(line).isEqualTo(kv[0].strip().toLowerCase(java.util.Locale.ROOT));
      int score = Integer.parseInt(kv[1]);
      assertThat(score).as(line).isBetween(-5, 5).isNotZero();
      assertThat(Negation.isNegator(kv[0])).as(line).isFalse();
    }
  }
}
