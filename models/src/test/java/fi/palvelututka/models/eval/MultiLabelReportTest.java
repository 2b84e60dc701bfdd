package fi.palvelututka.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiLabelReportTest {

  @Test
  void countsSetsPerLabelAndAverages() {
    MultiLabelReport r = new MultiLabelReport(List.of("a", "b", "c"));
    r.add(Set.of("a", "b"), Set.of("a")); // a tp, b fn
    r.add(Set.of(), Set.of("b")); // b fp
    r.add(Set.of(), Set.of()); // empty kept empty
    r.add(Set.of("a"), Set.of("a", "c")); // a tp, c fp
    assertThat(r.tp("a")).isEqualTo(2);
    assertThat(r.fn("b")).isEqualTo(1);
    assertThat(r.fp("b")).isEqualTo(1);
    assertThat(r.fp("c")).isEqualTo(1);
    // micro: tp 2, fp 2, fn 1 -> P 0.5, R 2/3
    assertThat(r.microPrecision()).isCloseTo(0.5, within(1e-9));
    assertThat(r.microRecall()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(r.microF1()).isCloseTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-9));
    // macro over a (F1 1), b (F1 0), c (F1 0)
    assertThat(r.macroF1()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(r.emptyAccuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(r.toMarkdown()).contains("| a | 2 | 2 | 0 | 0 | 1.000 | 1.000 | 1.000 |");
  }

  @Test
  void unknownLabelsFailLoudly() {
    MultiLabelReport r = new MultiLabelReport(List.of("a"));
    assertThatThrownBy(() -> r.add(Set.of("x"), Set.of())).hasMessageContaining("x");
  }
}
