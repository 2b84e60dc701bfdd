package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the real FinnSentiment corpus (skipped where ../shared/corpora is absent): the split never
 * puts a text on two sides, and the shipped model keeps its held-out quality.
 */
class FinnSentimentCorpusTest {

  static List<FinnSentimentRow> rows;

  @BeforeAll
  static void load() throws Exception {
    Path corpora = Path.of(System.getProperty("palvelututka.corpora", "../../shared/corpora"));
    Path tsv = corpora.resolve(FinnSentimentReader.RELATIVE_PATH);
    assumeTrue(
        Files.isRegularFile(tsv),
        "FinnSentiment corpus not found at " + tsv + ": corpus tests skipped");
    rows = FinnSentimentReader.read(tsv);
  }

  @Test
  void corpusIsTheDocumentedOne() {
    assertThat(rows).hasSize(24_208);
  }

  @Test
  void noNormalizedTextOnTwoSides() {
    HashSplit split = HashSplit.standard();
    Set<String> train = new HashSet<>();
    Set<String> heldOut = new HashSet<>();
    for (FinnSentimentRow r : rows) {
      String n = HashSplit.normalize(r.text());
      (split.partOf(r.text()) == HashSplit.Part.TRAIN ? train : heldOut).add(n);
    }
    assertThat(train).doesNotContainAnyElementsOf(heldOut);
  }

  @Test
  void shippedModelKeepsItsHeldOutQuality() {
    HashSplit split = HashSplit.standard();
    List<LabeledText> test = new ArrayList<>();
    for (FinnSentimentRow r : rows) {
      if (split.partOf(r.text()) == HashSplit.Part.TEST) {
        test.add(new LabeledText(r.text(), r.majority()));
      }
    }
    ClassificationReport report = SentimentTrainer.evaluate(SentimentModel.shipped(), test);
    // Reported in models/eval/sentiment-fi.md; this guards against a silently worse model.
    assertThat(report.macroF1()).as(report.toMarkdown()).isGreaterThan(0.63);
    assertThat(report.mcc()).as(report.toMarkdown()).isGreaterThan(0.42);
  }
}
