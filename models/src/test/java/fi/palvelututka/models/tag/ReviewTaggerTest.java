package fi.palvelututka.models.tag;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeTagger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The review tagger weighs the taxonomy's complaint and praise cues in the document sentiment, as
 * the shipped model was fitted: complaints phrased without lexicon words (sentences written for
 * this test, not from the evaluation sets).
 */
class ReviewTaggerTest {

  private final ReviewTagger tagger = ReviewTagger.shipped();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tarjoilija oli tyly ja jouduimme odottamaan ruokaa tunnin.|negative",
        "Soitin viisi kertaa, eikä kukaan vastannut.|negative",
        "Myyjä neuvoi kärsivällisesti ja asia hoitui heti.|positive",
        "Ruoka oli herkullista. Jouduimme kuitenkin odottamaan pöytää puolitoista tuntia.|mixed",
      })
  void softComplaintsAndPraiseDecideTheDocument(String text, String expected) {
    DocumentSentiment d = tagger.tag(text).sentiment();
    assertThat(d.label()).as(text + " -> " + d).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tarjoilija oli tyly ja jouduimme odottamaan ruokaa tunnin.",
        "Hyvä paikka. Parkkipaikka on takapihalla.",
      })
  void sameAnswerAsTheSentimentModelGivenTheCues(String text) {
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    ThemeTagger themes = new ThemeTagger(Taxonomy.shipped());
    Analysis a = analyzer.analyze(text);
    DocumentSentiment direct =
        SentimentModel.shipped().newClassifier(analyzer).classifyDocument(a, themes.cues(a));
    assertThat(tagger.tag(text).sentiment()).isEqualTo(direct);
  }
}
