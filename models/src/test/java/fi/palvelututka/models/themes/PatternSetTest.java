package fi.palvelututka.models.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.sentiment.Sentiment;
import fi.palvelututka.models.sentiment.SentimentResult;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Sentence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pattern language and the polarity rules, on a small taxonomy written for this test (the
 * shipped vocabulary is tested in {@link ShippedThemesTest}). Sentence sentiment is given by the
 * test, so these tests check the theme logic alone.
 */
class PatternSetTest {

  private static final String TAXONOMY =
      """
      {"version": "test", "categories": [
        {"id": "waiting", "label_fi": "Odotus", "label_en": "Waiting", "servqual": "r",
         "description": "d",
         "complaint": ["jonottaa", "odottaa tunti*", "odotella !innolla", "=viivästys*"],
         "praise": ["~odottaa"],
         "neutral": ["*jono"]},
        {"id": "reachability", "label_fi": "T", "label_en": "R", "servqual": "r",
         "description": "d",
         "complaint": ["NEG vastata puhelin*", "kukaan NEG nostaa luuri"],
         "praise": ["vastata heti"]},
        {"id": "attitude", "label_fi": "A", "label_en": "A", "servqual": "a",
         "description": "d",
         "complaint": ["tyly|töykeä"],
         "praise": ["ystävällinen"]}
      ]}
      """;

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
  private final Taxonomy taxonomy = Taxonomy.parse(TAXONOMY.getBytes(StandardCharsets.UTF_8));
  private final ThemeTagger tagger = new ThemeTagger(taxonomy);

  private List<String> tag(String text, Sentiment sentenceSentiment) {
    Analysis a = analyzer.analyze(text);
    List<DocumentSentiment.SentenceSentiment> ss = new ArrayList<>();
    for (Sentence s : a.sentences()) {
      SentimentResult r =
          switch (sentenceSentiment) {
            case POSITIVE -> new SentimentResult(Sentiment.POSITIVE, 0.1, 0.1, 0.8);
            case NEGATIVE -> new SentimentResult(Sentiment.NEGATIVE, 0.8, 0.1, 0.1);
            case NEUTRAL -> new SentimentResult(Sentiment.NEUTRAL, 0.1, 0.8, 0.1);
          };
      ss.add(new DocumentSentiment.SentenceSentiment(s.start(), s.end(), r));
    }
    DocumentSentiment doc =
        new DocumentSentiment(sentenceSentiment.label(), 0.3, 0.3, 0.3, 0.1, ss);
    return tagger.tag(a, doc).stream().map(m -> m.category() + "/" + m.polarity()).toList();
  }

  @Test
  void inflectedFormsMatchThroughLemmas() {
    assertThat(tag("Jouduimme jonottamaan.", Sentiment.NEUTRAL))
        .containsExactly("waiting/complaint");
    assertThat(tag("Odotimme lähes kaksi tuntia.", Sentiment.NEUTRAL))
        .containsExactly("waiting/complaint");
  }

  @Test
  void negationFlipsAJudgingPattern() {
    assertThat(tag("Ei tarvinnut jonottaa yhtään.", Sentiment.NEUTRAL))
        .containsExactly("waiting/praise");
    assertThat(tag("Myyjä ei ollut kovin ystävällinen.", Sentiment.NEUTRAL))
        .containsExactly("attitude/complaint");
  }

  @Test
  void explicitNegationInThePatternDoesNotFlip() {
    assertThat(tag("Puhelimeen ei vastattu koko päivänä.", Sentiment.NEGATIVE))
        .containsExactly("reachability/complaint");
    assertThat(tag("Soitin kolme kertaa, kukaan ei nostanut luuria.", Sentiment.NEGATIVE))
        .containsExactly("reachability/complaint");
    assertThat(tag("Ei tarvinnut odottaa.", Sentiment.NEUTRAL)).containsExactly("waiting/praise");
  }

  @Test
  void forbiddenElementsBlockAPattern() {
    assertThat(tag("Odottelimme pitkään.", Sentiment.NEUTRAL)).containsExactly("waiting/complaint");
    assertThat(tag("Odottelimme innolla.", Sentiment.NEUTRAL)).isEmpty();
  }

  @Test
  void noFlipElementsKeepTheirPolarityUnderNegation() {
    assertThat(tag("Kukaan ei kertonut viivästyksestä.", Sentiment.NEUTRAL))
        .containsExactly("waiting/complaint");
  }

  @Test
  void wordOrderIsFreeButTheWindowIsBounded() {
    assertThat(tag("Heti vastattiin puhelimeen.", Sentiment.POSITIVE))
        .containsExactly("reachability/praise");
    assertThat(
            tag(
                "Vastasin kysymykseen ja sitten kävin kaupassa ja lopulta kotona heti.",
                Sentiment.POSITIVE))
        .isEmpty();
  }

  @Test
  void aLongSentenceMatchesWhereTheWordsMeet() {
    // hundreds of positions for "vastata" and "heti" that are too far apart, then one pair that
    // is close: the matcher's per-sentence lists (256 positions at first) grow and keep their order
    String gap = "ja sitten ".repeat(5);
    String far = "vastattiin " + gap + "heti " + gap;
    String text = far.repeat(150) + "mutta vastattiin heti.";
    Analysis a = analyzer.analyze(text);
    assertThat(a.sentences()).hasSize(1);
    assertThat(tag(text, Sentiment.POSITIVE)).containsExactly("reachability/praise");
    assertThat(tag(far.repeat(150) + "loppu.", Sentiment.POSITIVE)).isEmpty();
  }

  @Test
  void compoundHeadsMatchWithSuffixPatterns() {
    assertThat(tag("Puhelinjonossa meni ikuisuus.", Sentiment.NEGATIVE))
        .containsExactly("waiting/complaint");
  }

  @Test
  void neutralPatternsTakeTheSentenceSentimentAndNothingInANeutralSentence() {
    assertThat(tag("Jono eteni nopeasti.", Sentiment.POSITIVE)).containsExactly("waiting/praise");
    assertThat(tag("Jono oli pitkä.", Sentiment.NEGATIVE)).containsExactly("waiting/complaint");
    assertThat(tag("Jonossa oli viisi ihmistä.", Sentiment.NEUTRAL)).isEmpty();
  }

  @Test
  void twoCategoriesWithOppositePolarityInOneSentence() {
    assertThat(tag("Myyjä oli ystävällinen, mutta jouduin jonottamaan.", Sentiment.NEUTRAL))
        .containsExactlyInAnyOrder("attitude/praise", "waiting/complaint");
  }

  @Test
  void conflictingPolaritiesOfOneCategoryFollowTheSentence() {
    assertThat(tag("Tyly mutta ystävällinen.", Sentiment.NEGATIVE))
        .containsExactly("attitude/complaint");
    assertThat(tag("Tyly mutta ystävällinen.", Sentiment.NEUTRAL))
        .containsExactlyInAnyOrder("attitude/complaint", "attitude/praise");
  }

  @Test
  void mentionsCarryTheEvidenceSentenceAndItsOffsets() {
    String text = "Hyvä kahvila. Tarjoilija oli tosi tyly.";
    Analysis a = analyzer.analyze(text);
    List<DocumentSentiment.SentenceSentiment> ss = new ArrayList<>();
    for (Sentence s : a.sentences()) {
      ss.add(new DocumentSentiment.SentenceSentiment(s.start(), s.end(), SentimentResult.EMPTY));
    }
    List<AspectMention> m = tagger.tag(a, new DocumentSentiment("neutral", 0, 1, 0, 0, ss));
    assertThat(m).hasSize(1);
    assertThat(m.get(0).sentence()).isEqualTo("Tarjoilija oli tosi tyly.");
    assertThat(text.substring(m.get(0).start(), m.get(0).end())).isEqualTo(m.get(0).sentence());
    assertThat(m.get(0).confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void textWithoutUmlautsMatches() {
    assertThat(tag("Myyja oli toykea.", Sentiment.NEUTRAL)).containsExactly("attitude/complaint");
  }

  @Test
  void malformedTaxonomiesFailWithTheCategoryNamed() {
    assertThatThrownBy(() -> parse("{\"version\": \"x\", \"categories\": []}"))
        .hasMessageContaining("categories");
    assertThatThrownBy(() -> parse(category("a", "[\"jono**x\"]")))
        .hasMessageContaining("jono**x")
        .hasMessageContaining("of a");
    assertThatThrownBy(() -> parse(category("a", "[\"NEG\"]"))).hasMessageContaining("no word");
    assertThatThrownBy(() -> parse(category("Bad-Id", "[]"))).hasMessageContaining("Bad-Id");
    assertThatThrownBy(() -> parse("{not json")).hasMessageContaining("not valid JSON");
  }

  private static String category(String id, String complaint) {
    return "{\"version\": \"x\", \"categories\": [{\"id\": \""
        + id
        + "\", \"label_fi\": \"l\", \"label_en\": \"l\", \"servqual\": \"s\", \"description\":"
        + " \"d\", \"complaint\": "
        + complaint
        + "}]}";
  }

  private static Taxonomy parse(String json) {
    return Taxonomy.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> describe(List<PatternSet.Match> matches) {
    return matches.stream()
        .map(
            m ->
                m.pattern().source()
                    + java.util.Arrays.toString(m.tokens())
                    + (m.negatedCue() ? " negated" : ""))
        .toList();
  }

  @Test
  void elementIdsKeptInTheWordsGiveTheSameMatchesAsFreshOnes() {
    // the first match fills the words' memo slots, the second reads them; a fresh analyzer's
    // words have none, and a second pattern set over the same words keeps its own
    String text = "Jouduin jonottamaan, eikä kukaan vastannut puhelimeen. Tyly myyjä.";
    Sentence s = analyzer.analyze(text).sentences().get(0);
    PatternSet patterns = taxonomy.patterns();
    List<String> first = describe(patterns.match(s));
    assertThat(first)
        .containsExactlyInAnyOrder("jonottaa[1]", "NEG vastata puhelin*[3, 5, 6] negated");
    assertThat(describe(patterns.match(s))).isEqualTo(first);
    Sentence fresh = AnalyzerModels.shipped().newAnalyzer().analyze(text).sentences().get(0);
    assertThat(fresh.tokens().get(0).word().memo(patterns)).isNull();
    assertThat(describe(patterns.match(fresh))).isEqualTo(first);

    Taxonomy other =
        Taxonomy.parse(
            """
            {"version": "other", "categories": [
              {"id": "reachability", "label_fi": "T", "label_en": "R", "servqual": "r",
               "description": "d", "complaint": ["puhelin*"], "praise": []}
            ]}
            """
                .getBytes(StandardCharsets.UTF_8));
    assertThat(describe(other.patterns().match(s))).containsExactly("puhelin*[6] negated");
    assertThat(describe(patterns.match(s))).isEqualTo(first);
  }
}
