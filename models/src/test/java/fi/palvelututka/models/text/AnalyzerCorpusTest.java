package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.palvelututka.models.text.conllu.ConlluReader;
import fi.palvelututka.models.text.conllu.ConlluSentence;
import fi.palvelututka.models.text.train.AnalyzerEvaluation;
import fi.palvelututka.models.text.train.AnalyzerTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped analyzer on held-out UD Finnish (skipped where the corpus is absent): guards the
 * numbers reported in models/eval/analyzer-fi.md against a silently worse bundle.
 */
class AnalyzerCorpusTest {

  static AnalyzerTraining.UdData ud;
  static AnalyzerModels models = AnalyzerModels.shipped();

  @BeforeAll
  static void load() throws Exception {
    Path corpora = Path.of(System.getProperty("palvelututka.corpora", "../../shared/corpora"));
    assumeTrue(
        Files.isRegularFile(corpora.resolve(ConlluReader.TDT_TEST)),
        "UD Finnish not found under " + corpora + ": corpus tests skipped");
    ud = AnalyzerTraining.loadUd(corpora);
  }

  @Test
  void neverTrainedOnTheTestSets() {
    Set<String> testIds =
        new java.util.HashSet<>(ud.tdtTest().stream().map(ConlluSentence::id).toList());
    ud.oodHeldOut().forEach(s -> testIds.add(s.id()));
    assertThat(ud.tokenTrain()).extracting(ConlluSentence::id).doesNotContainAnyElementsOf(testIds);
    assertThat(ud.lemmaTrain()).extracting(ConlluSentence::id).doesNotContainAnyElementsOf(testIds);
    assertThat(ud.oodHeldOut()).extracting(ConlluSentence::genre).containsOnly("thread", "tweet");
  }

  @Test
  void tokenizerOnTdtTest() {
    var r =
        AnalyzerEvaluation.tokenizer(
            AnalyzerEvaluation.spans(new FinnishTokenizer(models.tokenizerModel())), ud.tdtTest());
    assertThat(r.f1()).isGreaterThan(0.985);
  }

  @Test
  void sentencesOnTdtTestAndOod() {
    SentenceSplitter s = new SentenceSplitter(models.sentenceModel());
    assertThat(AnalyzerEvaluation.sentences(s, ud.tdtTest()).f1()).isGreaterThan(0.84);
    assertThat(AnalyzerEvaluation.sentences(s, ud.oodHeldOut()).f1()).isGreaterThan(0.90);
  }

  @Test
  void lemmasOnTdtTest() {
    Lemmatizer l = models.lemmatizer();
    var r =
        AnalyzerEvaluation.lemmas(
            ws ->
                ws.stream()
                    .map(w -> l.lemma(w.form().toLowerCase(java.util.Locale.ROOT)))
                    .toArray(String[]::new),
            ud.tdtTest(),
            Set.of(),
            0);
    assertThat(r.accuracy()).isGreaterThan(0.88);
  }
}
