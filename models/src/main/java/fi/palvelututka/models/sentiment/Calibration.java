package fi.palvelututka.models.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Turns the categorizer's raw class probabilities (trained on class-balanced data, so they
 * over-state the polar classes) into calibrated ones: {@code q_c ∝ exp(log(p_c) / T + b_c)}, with
 * temperature {@code T} and class biases {@code b} fitted on the dev split by log-loss. The label
 * is {@code argmax_c w_c q_c}, with decision weights {@code w} fitted on dev for macro-F1. Class
 * order everywhere: negative, neutral, positive. Immutable.
 *
 * <p>The review mode adds its own temperature, class shifts and cue weight, the {@link ReviewRule}s
 * it was fitted with, and the "mixed" thresholds: {@code mixedThreshold}, and with {@link
 * ReviewRule#CONTRAST} {@code contrastMixedThreshold} for reviews with a contrast word; both rise
 * by {@code mixedLengthSlope · ln(parts / 2)} for a review of more than two parts (sentences or
 * clauses), since the more parts a review has, the likelier one of them reads the wrong way.
 */
public record Calibration(
    double temperature,
    double[] bias,
    double[] weights,
    double mixedThreshold,
    double[] reviewShift,
    double reviewTemperature,
    double reviewCueWeight,
    Set<ReviewRule> reviewRules,
    double contrastMixedThreshold,
    double mixedSlope,
    double mixedLengthSlope) {

  public Calibration {
    reviewRules = Set.copyOf(reviewRules);
  }

  /** Without review rules. */
  public Calibration(
      double temperature,
      double[] bias,
      double[] weights,
      double mixedThreshold,
      double[] reviewShift,
      double reviewTemperature,
      double reviewCueWeight) {
    this(
        temperature,
        bias,
        weights,
        mixedThreshold,
        reviewShift,
        reviewTemperature,
        reviewCueWeight,
        Set.of(),
        mixedThreshold,
        Double.NaN,
        0.0);
  }

  /**
   * The mixed threshold of a review of two parts with ({@code contrast}) or without a contrast
   * word.
   */
  public double mixedThreshold(boolean contrast) {
    return contrast && reviewRules.contains(ReviewRule.CONTRAST)
        ? contrastMixedThreshold
        : mixedThreshold;
  }

  /**
   * The mixed threshold of a review of {@code parts} sentences or clauses: {@link
   * #mixedThreshold(boolean)} plus {@code mixedLengthSlope · ln(parts / 2)} (above 1 no review of
   * that length is mixed).
   */
  public double mixedThreshold(boolean contrast, int parts) {
    return mixedThreshold(contrast) + lengthTerm(mixedLengthSlope, parts);
  }

  /**
   * What a review of {@code parts} parts adds to the mixed threshold: {@code slope · ln(parts /
   * 2)}.
   */
  static double lengthTerm(double slope, int parts) {
    return parts > 2 && slope != 0 ? slope * Math.log(parts / 2.0) : 0;
  }

  public static final Calibration IDENTITY =
      new Calibration(
          1.0, new double[3], new double[] {1, 1, 1}, 0.5, new double[] {1, 1, 1}, 1.0, 0.0);

  /** At most this many polarity cues of one side count (see {@link #applyReview}). */
  public static final int MAX_CUES = 3;

  /** A calibration without review-domain cue evidence (the weight 0). */
  public Calibration(
      double temperature,
      double[] bias,
      double[] weights,
      double mixedThreshold,
      double[] reviewShift,
      double reviewTemperature) {
    this(temperature, bias, weights, mixedThreshold, reviewShift, reviewTemperature, 0.0);
  }

  /**
   * Probabilities for review documents and their sentences: the calibrated ones shifted from the
   * class priors of FinnSentiment (forum text, 73 % neutral) to those of reviews (label-shift
   * correction, {@code q'_c ∝ q_c · π_review,c / π_forum,c}); the label is their argmax.
   */
  public double[] applyReview(double[] p) {
    return applyReview(p, null);
  }

  /**
   * As {@link #applyReview(double[])}, with review-domain evidence: {@code cues} = {negative,
   * positive} counts of service complaint and praise cues in the text (from the theme taxonomy's
   * judging patterns, each side capped at {@value #MAX_CUES}; null = none). Each cue adds {@code
   * reviewCueWeight} to its class's log-score.
   */
  public double[] applyReview(double[] p, int[] cues) {
    double[] logShift = new double[3];
    for (int c = 0; c < 3; c++) {
      logShift[c] = Math.log(reviewShift[c]);
    }
    if (cues != null && reviewCueWeight != 0) {
      logShift[0] += reviewCueWeight * Math.min(cues[0], MAX_CUES);
      logShift[2] += reviewCueWeight * Math.min(cues[1], MAX_CUES);
    }
    return scaledSoftmax(p, reviewTemperature, logShift);
  }

  /**
   * Fits the review mode on review documents (raw scores, gold 3-class labels): temperature and
   * class shifts by log-loss, starting from the label-shift estimate {@code initialShift}; no cue
   * evidence.
   */
  public Calibration fitReview(List<double[]> raw, int[] gold, double[] initialShift) {
    return fitReview(raw, null, gold, initialShift);
  }

  /**
   * As {@link #fitReview(List, int[], double[])}, and with {@code cues} (per document, see {@link
   * #applyReview(double[], int[])}; null: none) also the cue weight, all three by log-loss.
   */
  public Calibration fitReview(
      List<double[]> raw, List<int[]> cues, int[] gold, double[] initialShift) {
    double t = 1.0;
    double a = 0.0;
    double[] logShift = new double[3];
    for (int c = 0; c < 3; c++) {
      logShift[c] = Math.log(initialShift[c]);
    }
    double best = reviewLogLoss(t, logShift, a, raw, cues, gold);
    for (int pass = 0; pass < 4; pass++) {
      for (double tt = 0.2; tt <= 3.0001; tt += 0.05) {
        double l = reviewLogLoss(tt, logShift, a, raw, cues, gold);
        if (l < best) {
          best = l;
          t = tt;
        }
      }
      for (int c : new int[] {0, 2}) {
        double keep = logShift[c];
        for (double d = -4; d <= 4.0001; d += 0.05) {
          double[] trial = logShift.clone();
          trial[c] = d;
          double l = reviewLogLoss(t, trial, a, raw, cues, gold);
          if (l < best) {
            best = l;
            keep = d;
          }
        }
        logShift[c] = keep;
      }
      if (cues != null) {
        for (double aa = 0; aa <= 4.0001; aa += 0.05) {
          double l = reviewLogLoss(t, logShift, aa, raw, cues, gold);
          if (l < best) {
            best = l;
            a = aa;
          }
        }
      }
    }
    double[] shift = new double[3];
    for (int c = 0; c < 3; c++) {
      shift[c] = Math.exp(logShift[c] - logShift[1]);
    }
    return withReview(shift, t, a);
  }

  private double reviewLogLoss(
      double t, double[] logShift, double a, List<double[]> raw, List<int[]> cues, int[] gold) {
    double[] shift = new double[3];
    for (int c = 0; c < 3; c++) {
      shift[c] = Math.exp(logShift[c]);
    }
    Calibration cal = withReview(shift, t, a);
    double s = 0;
    for (int i = 0; i < gold.length; i++) {
      int[] cue = cues == null ? null : cues.get(i);
      s -= Math.log(Math.max(cal.applyReview(raw.get(i), cue)[gold[i]], 1e-12));
    }
    return s / gold.length;
  }

  public static int argmax(double[] q) {
    int best = 1;
    for (int c : new int[] {0, 2}) {
      if (q[c] > q[best]) {
        best = c;
      }
    }
    return best;
  }

  public Calibration withReviewShift(double[] shift) {
    return withReview(shift.clone(), reviewTemperature, reviewCueWeight);
  }

  private Calibration withReview(double[] shift, double t, double cueWeight) {
    return new Calibration(
        temperature,
        bias,
        weights,
        mixedThreshold,
        shift,
        t,
        cueWeight,
        reviewRules,
        contrastMixedThreshold,
        mixedSlope,
        mixedLengthSlope);
  }

  /** With these review rules (the mixed thresholds unchanged). */
  public Calibration withReviewRules(Set<ReviewRule> rules) {
    return new Calibration(
        temperature,
        bias,
        weights,
        mixedThreshold,
        reviewShift,
        reviewTemperature,
        reviewCueWeight,
        rules,
        contrastMixedThreshold,
        mixedSlope,
        mixedLengthSlope);
  }

  public double[] apply(double[] p) {
    return scaledSoftmax(p, temperature, bias);
  }

  /** {@code softmax(log(p) / t + offset)}, numerically stable. */
  private static double[] scaledSoftmax(double[] p, double t, double[] offset) {
    double[] z = new double[3];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      z[c] = Math.log(Math.max(p[c], 1e-12)) / t + offset[c];
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < 3; c++) {
      z[c] /= sum;
    }
    return z;
  }

  public int decide(double[] q) {
    int best = 1;
    double bv = weights[1] * q[1];
    for (int c : new int[] {0, 2}) {
      if (weights[c] * q[c] > bv) {
        best = c;
        bv = weights[c] * q[c];
      }
    }
    return best;
  }

  /**
   * With mixed thresholds for reviews without and with a contrast word, the slope of the mixed
   * probability (NaN: the probability is the mixed score itself) and the length term of the
   * thresholds ({@link #mixedThreshold(boolean, int)}; 0: none).
   */
  public Calibration withMixed(double t, double contrast, double slope, double lengthSlope) {
    return new Calibration(
        temperature,
        bias,
        weights,
        t,
        reviewShift,
        reviewTemperature,
        reviewCueWeight,
        reviewRules,
        contrast,
        slope,
        lengthSlope);
  }

  /**
   * The probability that a review is mixed, from its mixed score {@code m} (the smaller of its
   * strongest positive and strongest negative sentence or clause probability; 0 when it has none):
   * {@code σ(mixedSlope · (m − threshold))}, so that it reaches 0.5 exactly where the label turns
   * "mixed"; the score itself when no slope was fitted (bundles before it); 0 for a score of 0.
   */
  public double mixedProbability(double m, boolean contrast) {
    return mixedProbability(m, contrast, 2);
  }

  /** As {@link #mixedProbability(double, boolean)}, for a review of {@code parts} parts. */
  public double mixedProbability(double m, boolean contrast, int parts) {
    if (m <= 0 || Double.isNaN(mixedSlope)) {
      return Math.max(m, 0);
    }
    return 1 / (1 + Math.exp(-mixedSlope * (m - mixedThreshold(contrast, parts))));
  }

  /** Mean log-loss of calibrated probabilities. */
  static double logLoss(Calibration cal, List<double[]> raw, int[] gold) {
    double s = 0;
    for (int i = 0; i < gold.length; i++) {
      s -= Math.log(Math.max(cal.apply(raw.get(i))[gold[i]], 1e-12));
    }
    return s / gold.length;
  }

  private static final double[] ONES = {1, 1, 1};

  /** Fits T and b by coordinate search on log-loss, then w on macro-F1. */
  public static Calibration fit(List<double[]> raw, int[] gold) {
    double t = 1.0;
    double[] b = new double[3];
    double best = logLoss(new Calibration(t, b, new double[] {1, 1, 1}, 0.5, ONES, 1.0), raw, gold);
    for (int pass = 0; pass < 4; pass++) {
      for (double tt = 0.2; tt <= 3.0001; tt += 0.05) {
        double l =
            logLoss(new Calibration(tt, b, new double[] {1, 1, 1}, 0.5, ONES, 1.0), raw, gold);
        if (l < best) {
          best = l;
          t = tt;
        }
      }
      for (int c : new int[] {0, 2}) {
        double keep = b[c];
        for (double bb = -3; bb <= 3.0001; bb += 0.05) {
          double[] trial = b.clone();
          trial[c] = bb;
          double l =
              logLoss(new Calibration(t, trial, new double[] {1, 1, 1}, 0.5, ONES, 1.0), raw, gold);
          if (l < best) {
            best = l;
            keep = bb;
          }
        }
        b[c] = keep;
      }
    }
    Calibration cal = new Calibration(t, b, new double[] {1, 1, 1}, 0.5, ONES, 1.0);
    double[] w = {1, 1, 1};
    double bestF1 = macroF1(cal, raw, gold);
    for (int pass = 0; pass < 2; pass++) {
      for (int c : new int[] {0, 2}) {
        double keep = w[c];
        for (double lw = -1.5; lw <= 1.5001; lw += 0.05) {
          double[] trial = w.clone();
          trial[c] = Math.exp(lw);
          double f = macroF1(new Calibration(t, b, trial, 0.5, ONES, 1.0), raw, gold);
          if (f > bestF1) {
            bestF1 = f;
            keep = trial[c];
          }
        }
        w[c] = keep;
      }
    }
    return new Calibration(t, b, w, 0.5, ONES, 1.0);
  }

  static double macroF1(Calibration cal, List<double[]> raw, int[] gold) {
    long[][] m = new long[3][3];
    for (int i = 0; i < gold.length; i++) {
      m[gold[i]][cal.decide(cal.apply(raw.get(i)))]++;
    }
    double f = 0;
    for (int c = 0; c < 3; c++) {
      long tp = m[c][c];
      long pred = m[0][c] + m[1][c] + m[2][c];
      long g = m[c][0] + m[c][1] + m[c][2];
      double p = pred == 0 ? 0 : (double) tp / pred;
      double r = g == 0 ? 0 : (double) tp / g;
      f += p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    return f / 3;
  }

  /** Every key {@link #toProperties()} may write. */
  public static final Set<String> PROPERTY_KEYS =
      Set.of(
          "temperature",
          "bias",
          "weights",
          "mixed_threshold",
          "review_shift",
          "review_temperature",
          "review_cue_weight",
          "review_rules",
          "mixed_threshold_contrast",
          "mixed_slope",
          "mixed_length_slope");

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("temperature", fmt(temperature));
    p.setProperty("bias", fmt(bias[0]) + "," + fmt(bias[1]) + "," + fmt(bias[2]));
    p.setProperty("weights", fmt(weights[0]) + "," + fmt(weights[1]) + "," + fmt(weights[2]));
    p.setProperty("mixed_threshold", fmt(mixedThreshold));
    p.setProperty(
        "review_shift",
        fmt(reviewShift[0]) + "," + fmt(reviewShift[1]) + "," + fmt(reviewShift[2]));
    p.setProperty("review_temperature", fmt(reviewTemperature));
    if (reviewCueWeight != 0) {
      p.setProperty("review_cue_weight", fmt(reviewCueWeight));
    }
    if (!reviewRules.isEmpty()) {
      p.setProperty("review_rules", ReviewRule.format(reviewRules));
    }
    if (reviewRules.contains(ReviewRule.CONTRAST)) {
      p.setProperty("mixed_threshold_contrast", fmt(contrastMixedThreshold));
    }
    if (!Double.isNaN(mixedSlope)) {
      p.setProperty("mixed_slope", fmt(mixedSlope));
    }
    if (mixedLengthSlope != 0) {
      p.setProperty("mixed_length_slope", fmt(mixedLengthSlope));
    }
    return p;
  }

  public static Calibration fromProperties(Properties p) {
    String mixed = p.getProperty("mixed_threshold", "0.5");
    return new Calibration(
        Double.parseDouble(p.getProperty("temperature", "1")),
        three(p.getProperty("bias", "0,0,0")),
        three(p.getProperty("weights", "1,1,1")),
        Double.parseDouble(mixed),
        three(p.getProperty("review_shift", "1,1,1")),
        Double.parseDouble(p.getProperty("review_temperature", "1")),
        Double.parseDouble(p.getProperty("review_cue_weight", "0")),
        ReviewRule.parse(p.getProperty("review_rules", "")),
        Double.parseDouble(p.getProperty("mixed_threshold_contrast", mixed)),
        Double.parseDouble(p.getProperty("mixed_slope", "NaN")),
        Double.parseDouble(p.getProperty("mixed_length_slope", "0")));
  }

  private static double[] three(String csv) {
    String[] f = csv.split(",");
    return new double[] {
      Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "T=%.2f, bias=[%.2f, %.2f, %.2f], weights=[%.2f, %.2f, %.2f], review T=%.2f, review shift=[%.2f,"
            + " %.2f, %.2f], review cue weight=%.2f, mixed threshold=%.2f%s, mixed slope=%.1f, mixed length slope=%.2f, review rules: %s",
        temperature,
        bias[0],
        bias[1],
        bias[2],
        weights[0],
        weights[1],
        weights[2],
        reviewTemperature,
        reviewShift[0],
        reviewShift[1],
        reviewShift[2],
        reviewCueWeight,
        mixedThreshold,
        reviewRules.contains(ReviewRule.CONTRAST)
            ? String.format(Locale.ROOT, " (after a contrast word %.2f)", contrastMixedThreshold)
            : "",
        mixedSlope,
        mixedLengthSlope,
        ReviewRule.format(reviewRules));
  }
}
