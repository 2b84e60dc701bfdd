package fi.palvelututka.models.eval;

import java.util.Locale;

/**
 * Calibration of predicted probabilities: multi-class Brier score, expected calibration error and a
 * 10-bin reliability table over the confidence of the predicted class. Not thread-safe.
 */
public final class CalibrationReport {

  private static final int BINS = 10;
  private final long[] count = new long[BINS];
  private final double[] confSum = new double[BINS];
  private final long[] correct = new long[BINS];
  private double brierSum;
  private long n;

  /**
   * @param probs class probabilities; @param predicted index; @param gold index
   */
  public void add(double[] probs, int predicted, int gold) {
    double conf = probs[predicted];
    int b = Math.min(BINS - 1, (int) (conf * BINS));
    count[b]++;
    confSum[b] += conf;
    if (predicted == gold) {
      correct[b]++;
    }
    for (int c = 0; c < probs.length; c++) {
      double y = c == gold ? 1 : 0;
      brierSum += (probs[c] - y) * (probs[c] - y);
    }
    n++;
  }

  public double brier() {
    return n == 0 ? 0 : brierSum / n;
  }

  public double ece() {
    double e = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        e += Math.abs(confSum[b] / count[b] - (double) correct[b] / count[b]) * count[b] / n;
      }
    }
    return e;
  }

  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Brier score %.4f, expected calibration error %.4f (n = %d)%n%n",
            brier(),
            ece(),
            n));
    sb.append("| confidence | n | mean confidence | accuracy |\n|---|---:|---:|---:|\n");
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        sb.append(
            String.format(
                Locale.ROOT,
                "| %.1f–%.1f | %d | %.3f | %.3f |%n",
                b / (double) BINS,
                (b + 1) / (double) BINS,
                count[b],
                confSum[b] / count[b],
                (double) correct[b] / count[b]));
      }
    }
    return sb.toString();
  }
}
