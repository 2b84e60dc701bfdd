package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LemmatizerTest {

  @Test
  void ruleBetweenFormAndLemma() {
    assertThat(Lemmatizer.Rule.between("palvelussa", "palvelu"))
        .isEqualTo(new Lemmatizer.Rule(3, ""));
    assertThat(Lemmatizer.Rule.between("vastannut", "vastata"))
        .isEqualTo(new Lemmatizer.Rule(4, "ta"));
    assertThat(new Lemmatizer.Rule(4, "ta").apply("vastannut")).isEqualTo("vastata");
  }

  @Test
  void suffixRulesGeneraliseToUnseenCompounds() {
    List<Lemmatizer.Entry> e =
        List.of(
            new Lemmatizer.Entry("palvelussa", "palvelu", 5),
            new Lemmatizer.Entry("talossa", "talo", 3),
            new Lemmatizer.Entry("palvelua", "palvelu", 4),
            new Lemmatizer.Entry("vastannut", "vastata", 2),
            new Lemmatizer.Entry("odottanut", "odottaa", 1));
    Map<String, Lemmatizer.Rule> rules = Lemmatizer.learnSuffixRules(e);
    Lemmatizer l = new Lemmatizer(Map.of("palvelussa", "palvelu"), rules);
    assertThat(l.lemma("palvelussa")).isEqualTo("palvelu");
    assertThat(l.lemma("asiakaspalvelussa")).isEqualTo("asiakaspalvelu");
    assertThat(l.lemma("asiakaspalvelua")).isEqualTo("asiakaspalvelu");
    assertThat(l.lemma("kysyi")).isEqualTo("kysyi"); // no known ending: unchanged
    assertThat(l.lemma("palvelu")).isEqualTo("palvelu"); // a known lemma stays as it is
    assertThat(l.known("palvelussa")).isTrue();
    assertThat(l.known("talossa")).isFalse();
  }

  @Test
  void pruningKeepsLookupsEqual() {
    List<Lemmatizer.Entry> e =
        List.of(
            new Lemmatizer.Entry("kaupassa", "kauppa", 3),
            new Lemmatizer.Entry("talossa", "talo", 3),
            new Lemmatizer.Entry("autossa", "auto", 3));
    Map<String, Lemmatizer.Rule> rules = Lemmatizer.learnSuffixRules(e);
    // "ssa" → strip 3 is enough for talossa/autossa; kaupassa needs its own longer ending
    Lemmatizer l = new Lemmatizer(Map.of(), rules);
    assertThat(l.lemma("autossa")).isEqualTo("auto");
    assertThat(l.lemma("talossa")).isEqualTo("talo");
    assertThat(rules.size()).isLessThan(20);
  }
}
