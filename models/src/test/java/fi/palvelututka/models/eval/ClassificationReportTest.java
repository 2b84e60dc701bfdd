package fi.palvelututka.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

  private static ClassificationReport report(long[][] m) {
    List<String> labels = List.of("negative", "neutral", "positive");
    ClassificationReport r = new ClassificationReport(labels);
    for (int g = 0; g < 3; g++) {
      for (int p = 0; p < 3; p++) {
        for (long i = 0; i < m[g][p]; i++) {
          r.add(labels.get(g), labels.get(p));
        }
      }
    }
    return r;
  }

  @Test
  void perClassAndMacroValuesByHand() {
    // rows gold, cols predicted
    ClassificationReport r = report(new long[][] {{8, 2, 0}, {1, 6, 3}, {0, 1, 9}});
    assertThat(r.total()).isEqualTo(30);
    assertThat(r.accuracy()).isCloseTo(23 / 30.0, within(1e-12));
    assertThat(r.precision("negative")).isCloseTo(8 / 9.0, within(1e-12));
    assertThat(r.recall("negative")).isCloseTo(0.8, within(1e-12));
    assertThat(r.precision("neutral")).isCloseTo(6 / 9.0, within(1e-12));
    assertThat(r.recall("positive")).isCloseTo(0.9, within(1e-12));
    double f1neg = 2 * (8 / 9.0) * 0.8 / (8 / 9.0 + 0.8);
    double f1neu = 2 * (6 / 9.0) * 0.6 / (6 / 9.0 + 0.6);
    double f1pos = 2 * 0.75 * 0.9 / (0.75 + 0.9);
    assertThat(r.macroF1()).isCloseTo((f1neg + f1neu + f1pos) / 3, within(1e-12));
    // Gorodkin R_K: c=23, s=30, p=(9,9,12), t=(10,10,10)
    double expected =
        (23 * 30 - (9 * 10 + 9 * 10 + 12 * 10))
            / Math.sqrt((900 - (81 + 81 + 144)) * (900 - (100 + 100 + 100.0)));
    assertThat(r.mcc()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void perfectIsOneAndConstantPredictionIsZero() {
    assertThat(report(new long[][] {{5, 0, 0}, {0, 7, 0}, {0, 0, 2}}).mcc())
        .isCloseTo(1.0, within(1e-12));
    ClassificationReport allNeutral = report(new long[][] {{0, 15, 0}, {0, 73, 0}, {0, 12, 0}});
    assertThat(allNeutral.accuracy()).isCloseTo(0.73, within(1e-12));
    assertThat(allNeutral.mcc()).isZero();
    assertThat(allNeutral.f1("negative")).isZero();
  }

  @Test
  void markdownHasTheConfusionMatrix() {
    String md = report(new long[][] {{8, 2, 0}, {1, 6, 3}, {0, 1, 9}}).toMarkdown();
    assertThat(md).contains("macro-F1 = ").contains("MCC = ").contains("| neutral | 1 | 6 | 3 |");
  }
}
