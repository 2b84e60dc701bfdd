package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The review mode's cue evidence: how it moves the probabilities, how it is fitted and stored. */
class CalibrationTest {

  private static final double[] FLAT = {1 / 3.0, 1 / 3.0, 1 / 3.0};

  private static Calibration withCueWeight(double a) {
    return new Calibration(
        1.0, new double[3], new double[] {1, 1, 1}, 0.5, new double[] {1, 1, 1}, 1.0, a);
  }

  @Test
  void cuesMoveTheirClassAndAreCapped() {
    Calibration c = withCueWeight(1.0);
    double[] none = c.applyReview(FLAT, new int[] {0, 0});
    double[] complaint = c.applyReview(FLAT, new int[] {1, 0});
    double[] praise = c.applyReview(FLAT, new int[] {0, 2});
    assertThat(none).containsExactly(FLAT, within(1e-12));
    assertThat(complaint[0]).isGreaterThan(0.5);
    assertThat(Calibration.argmax(complaint)).isZero();
    assertThat(Calibration.argmax(praise)).isEqualTo(2);
    assertThat(complaint[0] + complaint[1] + complaint[2]).isCloseTo(1.0, within(1e-12));
    // more than MAX_CUES on one side count as MAX_CUES
    assertThat(c.applyReview(FLAT, new int[] {Calibration.MAX_CUES + 5, 0}))
        .containsExactly(c.applyReview(FLAT, new int[] {Calibration.MAX_CUES, 0}), within(1e-12));
  }

  @Test
  void zeroWeightOrNoCuesIsTheReviewModeWithoutEvidence() {
    double[] p = {0.2, 0.5, 0.3};
    assertThat(withCueWeight(0).applyReview(p, new int[] {3, 0}))
        .containsExactly(withCueWeight(0).applyReview(p), within(1e-12));
    assertThat(withCueWeight(2).applyReview(p, null))
        .containsExactly(withCueWeight(2).applyReview(p), within(1e-12));
  }

  @Test
  void fitFindsAWeightWhenTheCuesCarryTheLabel() {
    // scores say nothing; the cues say everything: the fit must give them a large weight
    List<double[]> raw = new ArrayList<>();
    List<int[]> cues = new ArrayList<>();
    int[] gold = new int[90];
    for (int i = 0; i < gold.length; i++) {
      gold[i] = i % 3;
      raw.add(FLAT.clone());
      cues.add(gold[i] == 0 ? new int[] {1, 0} : gold[i] == 2 ? new int[] {0, 1} : new int[2]);
    }
    Calibration fitted = Calibration.IDENTITY.fitReview(raw, cues, gold, new double[] {1, 1, 1});
    assertThat(fitted.reviewCueWeight()).isGreaterThan(2.0);
    for (int i = 0; i < 3; i++) {
      assertThat(Calibration.argmax(fitted.applyReview(raw.get(i), cues.get(i))))
          .isEqualTo(gold[i]);
    }
    // without cues the same fit has nothing to weigh
    assertThat(Calibration.IDENTITY.fitReview(raw, gold, new double[] {1, 1, 1}).reviewCueWeight())
        .isZero();
  }

  @Test
  void cueWeightSurvivesTheBundleSettings() {
    Calibration c = withCueWeight(2.5);
    assertThat(Calibration.fromProperties(c.toProperties()).reviewCueWeight()).isEqualTo(2.5);
    // bundles written before the cues have no key: weight 0
    Properties old = Calibration.IDENTITY.toProperties();
    assertThat(old).doesNotContainKey("review_cue_weight");
    assertThat(Calibration.fromProperties(old).reviewCueWeight()).isZero();
  }
}
