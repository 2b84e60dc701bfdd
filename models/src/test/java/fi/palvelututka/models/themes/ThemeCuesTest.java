package fi.palvelututka.models.themes;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The complaint and praise cues the sentiment model's review mode weighs: per sentence, how many
 * categories a judging pattern gives each polarity (after negation); neutral patterns give none
 * (sentences written for this test).
 */
class ThemeCuesTest {

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
  private final ThemeTagger themes = new ThemeTagger(Taxonomy.shipped());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tarjoilija oli tyly.|1|0",
        "Ei tarvinnut jonottaa ollenkaan.|0|1",
        "Henkilökunta ei ollut kovin ystävällistä.|1|0",
        "Kampaaja oli tosi ystävällinen, mutta hinta oli aivan liian kova.|1|1",
        "Parkkipaikka takapihalla.|0|0",
      })
  void countsJudgedCategoriesPerPolarity(String text, int complaints, int praise) {
    int[][] cues = themes.cues(analyzer.analyze(text));
    assertThat(cues).hasNumberOfRows(1);
    assertThat(cues[0]).as(text).containsExactly(complaints, praise);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"Palvelu oli nopeaa. Myyjä oli tyly. Kiitos!|3"})
  void oneRowPerSentence(String text, int sentences) {
    assertThat(themes.cues(analyzer.analyze(text))).hasNumberOfRows(sentences);
  }
}
