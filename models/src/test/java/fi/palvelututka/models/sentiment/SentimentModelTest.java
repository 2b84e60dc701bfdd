package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeTagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped model (models/trained/sentiment-fi.zip) on clear review sentences written for this
 * test (not from FinnSentiment): it must get the obvious cases right.
 */
class SentimentModelTest {

  private final SentimentClassifier classifier = SentimentModel.shipped().newClassifier();

  /** Review documents are classified with the cues the shipped review mode was fitted with. */
  private final ReviewCues cues = new ThemeTagger(Taxonomy.shipped())::cues;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Aivan surkea palvelu, en mene enää ikinä.|negative",
        "Ihana kampaaja, suosittelen lämpimästi!|positive",
        "Todella huono kokemus, henkilökunta oli tyly ja välinpitämätön.|negative",
        "Kiitos ystävällisestä palvelusta, kaikki sujui hienosti!|positive",
        "Kauhea sotku ja kamala haju, ei kiitos.|negative",
        "Paras pizza ikinä, ihana paikka 😊|positive",
      })
  void clearCases(String text, String expected) {
    SentimentResult r = classifier.classify(text);
    assertThat(r.label().label()).as(text + " -> " + r).isEqualTo(expected);
  }

  @Test
  void probabilitiesAreADistributionAndScoreIsTheirDifference() {
    SentimentResult r = classifier.classify("Ruoka oli hyvää mutta jonottaa sai pitkään.");
    assertThat(r.negative() + r.neutral() + r.positive()).isCloseTo(1.0, within(1e-6));
    assertThat(r.score()).isCloseTo(r.positive() - r.negative(), within(1e-12));
    assertThat(r.score()).isBetween(-1.0, 1.0);
  }

  @Test
  void mixedReviewIsMixedAndSentencesCarryOffsets() {
    // The mechanism: a clearly positive and a clearly negative sentence make a mixed review.
    String text =
        "Hiukset onnistuivat loistavasti. Valitettavasti hinta oli aivan liian kova ja kampaaja"
            + " myöhästyi.";
    DocumentSentiment d = classifier.classifyDocument(text, cues);
    assertThat(d.label()).as(d.toString()).isEqualTo("mixed");
    assertThat(d.sentences()).hasSize(2);
    assertThat(d.sentences().get(0).sentiment().label()).isEqualTo(Sentiment.POSITIVE);
    assertThat(d.sentences().get(1).sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
    DocumentSentiment.SentenceSentiment s2 = d.sentences().get(1);
    assertThat(text.substring(s2.start(), s2.end())).startsWith("Valitettavasti");
    assertThat(d.negative() + d.neutral() + d.positive() + d.mixed()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void praiseAndComplaintInOneSentenceAcrossAContrastWordIsMixed() {
    // review rule CONTRAST: the clauses on each side of "mutta" are scored on their own
    String text = "Ruoka oli hyvää mutta palvelu hidasta.";
    DocumentSentiment d = classifier.classifyDocument(text, cues);
    assertThat(d.label()).as(d.toString()).isEqualTo("mixed");
    assertThat(d.sentences()).hasSize(1); // per-sentence output stays per sentence
    assertThat(d.mixed()).isGreaterThanOrEqualTo(0.5); // the label and its probability agree
    assertThat(classifier.classifyDocument("Ruoka oli hyvää ja palvelu nopeaa.", cues).label())
        .isEqualTo("positive");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // "ei" is no polarity word of its own; a negated lexicon word judges the other way
        "Ei voi kuin suositella!|positive",
        "Ei huono ollenkaan.|positive",
        "Ei ollut kovin hyvä.|negative",
        "Ei kannata mennä.|negative",
        // review words that AFINN-fi lacks, from the review lexicon supplement, negated
        "Ei mitään valittamista.|positive",
        "Ei moitittavaa.|positive",
        "Hintaa ei voi moittia.|positive",
        // the object fronted before "ei" ("there were no problems"), "without", the abessive
        "Ongelmia ei ollut.|positive",
        "Mitään moitittavaa ei löytynyt.|positive",
        "Apua ei saanut mistään.|negative",
        "Kaikki hoitui ilman ongelmia.|positive",
        "Kaikki meni ongelmitta.|positive",
        // irrealis: what would have been good was missing; its negation is praise
        "Olisi voinut olla parempi.|negative",
        "Ei olisi voinut olla parempi.|positive",
        "Parempaa palvelua ei voi toivoa.|positive",
        "Ei hassumpi.|positive",
        "Vältä tätä paikkaa.|negative",
        // review rule WISH: what should have been different is a complaint; negated, praise
        "Kahvi olisi saanut olla kuumempaa.|negative",
        "Olisin odottanut nopeampaa toimitusta.|negative",
        "En olisi voinut toivoa parempaa kampaajaa.|positive",
        // review rule IDIOMS: the bundle's idiom list
        "Lopputulos jätti paljon toivomisen varaa.|negative",
        "Nostan hattua koko porukalle!|positive",
        "Remontti meni täysin penkin alle.|negative",
        "Täysi kymppi!|positive",
        // a negative word's adverb form intensifies the praise after it
        "Kauhean hyvää ruokaa.|positive",
        // review rule IRONY: praise that means a complaint
        "Kiitos vaan, tilaus katosi taas.|negative",
        "Hienoa, että lasku tuli taas väärin.|negative",
        // review rule SUGGESTION: suggestions and rhetorical questions complain
        "Toivoisin, että puhelimeen vastattaisiin joskus.|negative",
        "Olisi kiva, jos annokset olisivat isompia.|negative",
        "Kannattaisi panostaa siisteyteen.|negative",
        "Miksi laskussa oli kaksi kertaa sama tuote?|negative",
        "Miksi en löytänyt tätä paikkaa aikaisemmin?|positive",
        // review rule THEN_AND_NOW: the past set against now
        "Ennen täällä sai hyvää ruokaa, nykyään ei.|negative",
        // review rule REMEDY: a problem negated with a remedy verb is still a complaint
        "Asiakaspalvelu ei myönnä virhettä.|negative",
        // review rule CONTRAST_ADVERB: a concession turns against the sentence before it
        "Huone oli siisti ja sänky hyvä. Aamiainen loppui kuitenkin jo kahdeksalta.|mixed",
      })
  void negationIdioms(String text, String expected) {
    DocumentSentiment d = classifier.classifyDocument(text, cues);
    assertThat(d.label()).as(text + " -> " + d).isEqualTo(expected);
  }

  @Test
  void oneSidedReviewIsNotMixed() {
    assertThat(
            classifier
                .classifyDocument(
                    "Ihana kampaaja, suosittelen lämpimästi! Tulen ehdottomasti uudestaan.", cues)
                .label())
        .isEqualTo("positive");
    assertThat(
            classifier.classifyDocument("Aivan surkea palvelu, en mene enää ikinä.", cues).label())
        .isEqualTo("negative");
  }

  @Test
  void shippedModelCarriesItsIdiomListAndRules() throws Exception {
    SentimentModel m = SentimentModel.shipped();
    assertThat(m.idioms()).isNotNull();
    // the list in the repository is what the bundle carries (retrain after editing it)
    java.nio.file.Path f = java.nio.file.Path.of("lexicon/review-idioms-fi.json");
    assertThat(fi.palvelututka.models.Bundles.read(m.toBytes()).get(SentimentModel.IDIOMS))
        .isEqualTo(java.nio.file.Files.readAllBytes(f));
    var list = fi.palvelututka.models.themes.Taxonomy.load(f);
    assertThat(list.categories()).hasSize(1);
    assertThat(list.categories().get(0).complaint()).hasSizeGreaterThan(100);
    assertThat(list.categories().get(0).praise()).hasSizeGreaterThan(100);
    assertThat(m.idioms().cues(AnalyzerModels.shipped().newAnalyzer().analyze("Hatunnosto!")))
        .isDeepEqualTo(new int[][] {{0, 1}});
    assertThat(m.calibration().reviewRules()).isEqualTo(java.util.EnumSet.allOf(ReviewRule.class));
  }

  @Test
  void emptyTextIsNeutral() {
    assertThat(classifier.classify("   ").label()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(classifier.classify("").neutral()).isEqualTo(1.0);
  }

  @Test
  void versionNamesTheModelAndItsHash() {
    assertThat(SentimentModel.shipped().version().toString()).matches("sentiment-fi@[0-9a-f]{12}");
    assertThat(SentimentModel.shipped()).isSameAs(SentimentModel.shipped());
  }
}
