package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.text.train.AnalyzerEvaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's model-free shortcuts ("palvelu," "kiitos!!" "hyvä.") against the model alone: on
 * real Finnish text they must give the model's tokens, and on held-out UD data no worse spans.
 */
class FinnishTokenizerTest {

  private static final AnalyzerModels MODELS = AnalyzerModels.shipped();

  private final FinnishTokenizer shipped = MODELS.newTokenizer();
  private final FinnishTokenizer modelOnly =
      new FinnishTokenizer(MODELS.tokenizerModel(), null, null, false);

  private static List<String> surfaces(FinnishTokenizer t, String text) {
    List<String> out = new ArrayList<>();
    for (FinnishTokenizer.Tok k : t.tokenize(text)) {
      out.add(text.substring(k.start(), k.end()) + "/" + k.type());
    }
    return out;
  }

  @Test
  void wordsSplitFromTrailingPunctuationWithoutTheModel() {
    assertThat(surfaces(shipped, "Palvelu oli hyvä, kiitos!! Tulemme uudestaan."))
        .containsExactly(
            "Palvelu/WORD",
            "oli/WORD",
            "hyvä/WORD",
            ",/PUNCT",
            "kiitos/WORD",
            "!!/PUNCT",
            "Tulemme/WORD",
            "uudestaan/WORD",
            "./PUNCT");
  }

  @Test
  void quotesBracketsHyphensAndMarksWithoutTheModel() {
    assertThat(surfaces(shipped, "\"Ei kiire\". (Kela-korvaus) -- hyvä... on."))
        .containsExactly(
            "\"/PUNCT",
            "Ei/WORD",
            "kiire/WORD",
            "\"/PUNCT",
            "./PUNCT",
            "(/PUNCT",
            "Kela-korvaus/WORD",
            ")/PUNCT",
            "--/PUNCT",
            "hyvä/WORD",
            ".../PUNCT",
            "on/WORD",
            "./PUNCT");
  }

  @Test
  void shortUnknownOrCapitalizedWordsBeforeAPeriodGoToTheModel() {
    for (String text : List.of("Matka n. 5 km.", "Ps. soita", "em. syystä", "Kts. alla")) {
      assertThat(surfaces(shipped, text)).isEqualTo(surfaces(modelOnly, text));
    }
  }

  @Test
  void abbreviationsAndUnknownWordsStillGoToTheModel() {
    // "esim." and "klo" are not known words: the model keeps the abbreviation together
    assertThat(surfaces(shipped, "Hinta esim. 10 e"))
        .isEqualTo(surfaces(modelOnly, "Hinta esim. 10 e"));
    assertThat(surfaces(shipped, "ks. www.esimerkki.fi, ym."))
        .isEqualTo(surfaces(modelOnly, "ks. www.esimerkki.fi, ym."));
    assertThat(surfaces(shipped, "Aukeaa klo 9.30."))
        .isEqualTo(surfaces(modelOnly, "Aukeaa klo 9.30."));
  }

  @Test
  void sameTokensAsTheModelOnRealFinnishText() throws Exception {
    List<String> texts = CorpusTexts.finnSentimentAndXed(8000);
    long tokens = 0;
    long differing = 0;
    for (String t : texts) {
      List<String> a = surfaces(shipped, t);
      List<String> b = surfaces(modelOnly, t);
      tokens += b.size();
      if (!a.equals(b)) {
        differing += Math.max(1, Math.abs(a.size() - b.size()));
      }
    }
    assertThat(tokens).isGreaterThan(100_000);
    // about 0.17%, mostly the model's own errors (see the FinnishTokenizer class comment)
    assertThat((double) differing / tokens).isLessThan(0.0025);
  }

  @Test
  void noWorseThanTheModelOnHeldOutUd() throws Exception {
    for (var sentences : CorpusTexts.heldOutUd()) {
      double withShortcuts =
          AnalyzerEvaluation.tokenizer(AnalyzerEvaluation.spans(shipped), sentences).f1();
      double model =
          AnalyzerEvaluation.tokenizer(AnalyzerEvaluation.spans(modelOnly), sentences).f1();
      assertThat(withShortcuts).isGreaterThanOrEqualTo(model);
    }
  }
}
