package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();

  private final SentimentLexicon lexicon =
      new SentimentLexicon(java.util.Map.of("hyvä", 3, "huono", -2, "ihana", 4, "surkea", -3));

  private String[] features(String text) {
    return SentimentFeatures.tokens(
        analyzer.analyze(text), java.util.EnumSet.of(SentimentFeatures.Feature.LEMMAS), lexicon);
  }

  private String[] all(String text) {
    return SentimentFeatures.tokens(
        analyzer.analyze(text),
        java.util.EnumSet.of(
            SentimentFeatures.Feature.LEMMAS,
            SentimentFeatures.Feature.LEXICON,
            SentimentFeatures.Feature.INTENSITY),
        lexicon);
  }

  @Test
  void stemsShareAPrefixAcrossInflectedFormsAndMarkNegation() {
    var stems = java.util.EnumSet.of(SentimentFeatures.Feature.STEMS);
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Suuri pettymys."), stems, lexicon))
        .containsExactly("s:petty");
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Pettymyksiä riitti."), stems, lexicon))
        .containsExactly("s:petty", "s:riitt");
    // in a negation scope the stem is marked; words of five letters or fewer give no stem
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Ei ollut ystävällinen."), stems, lexicon))
        .containsExactly("ns:ystäv");
  }

  @Test
  void featuresKeptInTheWordsAreTheSameAndPerLexicon() {
    var every = java.util.EnumSet.allOf(SentimentFeatures.Feature.class);
    String text = "Todella hyvä ruoka, ei huono. Hyvä ja surkea pettymys!";
    var a = analyzer.analyze(text);
    String[] first = SentimentFeatures.tokens(a, every, lexicon);
    // read from the words' slots the second time; a fresh analyzer's words have none
    assertThat(SentimentFeatures.tokens(a, every, lexicon)).containsExactly(first);
    var fresh = AnalyzerModels.shipped().newAnalyzer().analyze(text);
    assertThat(SentimentFeatures.tokens(fresh, every, lexicon)).containsExactly(first);
    assertThat(first).contains("LEX_POS_STRONG", "INT_POS", "LEX_NEGATED_NEG", "s:petty");
    // another lexicon over the same words keeps its own scores
    SentimentLexicon other = new SentimentLexicon(java.util.Map.of("ruoka", 1));
    assertThat(
            SentimentFeatures.tokens(
                a, java.util.EnumSet.of(SentimentFeatures.Feature.LEXICON), other))
        .containsExactly("LEX_POS", "LEXSUM_POS1");
    assertThat(SentimentFeatures.tokens(a, every, lexicon)).containsExactly(first);
  }

  @Test
  void lexiconAndIntensityFeatures() {
    assertThat(all("Todella hyvä ruoka"))
        .containsExactly("todella", "hyvä", "LEX_POS_STRONG", "INT_POS", "ruoka", "LEXSUM_POS1");
    assertThat(all("ruoka ei ollut hyvää"))
        .containsExactly(
            "ruoka", "ei", "neg_olla", "neg_hyvä", "LEX_NEGATED_POS_STRONG", "LEXSUM_NEG1");
    assertThat(all("vähän huono, aivan surkea"))
        .contains("DOWN_NEG", "INT_NEG", "LEX_NEG", "LEX_NEG_STRONG", "LEXSUM_NEG2");
  }

  @Test
  void aNegativeAdverbBeforeALexiconWordIntensifiesIt() {
    SentimentLexicon lex =
        new SentimentLexicon(java.util.Map.of("hyvä", 3, "kauhea", -3, "vihainen", -2));
    var lexInt =
        java.util.EnumSet.of(
            SentimentFeatures.Feature.LEXICON, SentimentFeatures.Feature.INTENSITY);
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Kauhean hyvä"), lexInt, lex))
        .containsExactly("LEX_POS_STRONG", "INT_POS", "LEXSUM_POS1");
    // alone, or before a word without a score, it is negative
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Kauhean pitkä jono"), lexInt, lex))
        .containsExactly("LEX_NEG_STRONG", "LEXSUM_NEG1");
    // an -nen adjective is no adverb
    assertThat(SentimentFeatures.tokens(analyzer.analyze("vihainen hyvä"), lexInt, lex))
        .containsExactly("LEX_NEG", "LEX_POS_STRONG", "LEXSUM_POS1");
    // the lexicon alone, without the intensity group, counts it as it is
    assertThat(
            SentimentFeatures.tokens(
                analyzer.analyze("Kauhean hyvä"),
                java.util.EnumSet.of(SentimentFeatures.Feature.LEXICON),
                lex))
        .containsExactly("LEX_NEG_STRONG", "LEX_POS_STRONG", "LEXSUM_ZERO");
  }

  @Test
  void pitaaBeforeAnInfinitiveIsAModalNotALiking() {
    SentimentLexicon lex = new SentimentLexicon(java.util.Map.of("pitää", 2, "hyvä", 3));
    var lexOnly = java.util.EnumSet.of(SentimentFeatures.Feature.LEXICON);
    // "had to wait an hour": AFINN-fi's "pitää" +2 is the English "like"
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Piti odottaa tunti."), lexOnly, lex))
        .isEmpty();
    assertThat(SentimentFeatures.tokens(analyzer.analyze("Pidän tästä paikasta."), lexOnly, lex))
        .containsExactly("LEX_POS", "LEXSUM_POS1");
  }

  @Test
  void lemmasWithNegationScope() {
    assertThat(features("Ruoka EI ollut hyvää, mutta palvelu oli."))
        .containsExactly("ruoka", "ei", "neg_olla", "neg_hyvä", "mutta", "palvelu", "olla");
  }

  @Test
  void inflectedFormsMeetInOneFeature() {
    assertThat(features("huonoa palvelua")).containsExactly("huono", "palvelu");
    assertThat(features("Huono palvelu")).containsExactly("huono", "palvelu");
  }

  @Test
  void emoticonsEmojiAndExclamationsAreFeatures() {
    assertThat(features("Kiitos :) ihanaa 😊 !!! :-( xD <3"))
        .containsExactly(
            "kiitos", "EMO_HAPPY", "ihana", "😊", "!!", "EMO_SAD", "EMO_HAPPY", "EMO_HEART");
  }

  @Test
  void numbersAndUrlsCarryNoSentiment() {
    assertThat(features("29,90 € klo 9.30 https://example.fi")).containsExactly("klo");
  }

  @Test
  void emptyTextHasNoFeatures() {
    assertThat(features("")).isEmpty();
    assertThat(features("   ...  ")).isEmpty();
  }
}
