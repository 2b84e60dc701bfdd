package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.corpus.LabeledJsonl;
import fi.palvelututka.models.eval.CalibrationReport;
import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import java.util.List;

/** Evaluations of a sentiment model: 3-class texts, 4-class review documents, calibration. */
public final class SentimentEvaluation {

  public static final List<String> LABELS3 = List.of("negative", "neutral", "positive");
  public static final List<String> LABELS4 = List.of("negative", "neutral", "positive", "mixed");

  private SentimentEvaluation() {}

  public static ClassificationReport threeClass(SentimentModel model, List<LabeledText> data) {
    return SentimentTrainer.evaluate(model, data);
  }

  public static CalibrationReport calibration(SentimentModel model, List<LabeledText> data) {
    CalibrationReport r = new CalibrationReport();
    SentimentClassifier c = model.newClassifier();
    for (LabeledText t : data) {
      SentimentResult s = c.classify(t.text());
      r.add(
          new double[] {s.negative(), s.neutral(), s.positive()},
          s.label().ordinal(),
          t.label().ordinal());
    }
    return r;
  }

  /** Calibration of the 4-class review-document probabilities against gold review labels. */
  public static CalibrationReport documentCalibration(
      SentimentModel model, List<LabeledJsonl.Item> items, ReviewCues cues) {
    CalibrationReport r = new CalibrationReport();
    SentimentClassifier c = model.newClassifier();
    for (LabeledJsonl.Item it : items) {
      addDocumentCalibration(r, c.classifyDocument(it.text(), cues), it.label());
    }
    return r;
  }

  /** Adds one review document's 4-class probabilities and label against its gold label. */
  public static void addDocumentCalibration(CalibrationReport r, DocumentSentiment d, String gold) {
    r.add(
        new double[] {d.negative(), d.neutral(), d.positive(), d.mixed()},
        LABELS4.indexOf(d.label()),
        LABELS4.indexOf(gold));
  }

  /** A gold sentence of a labelled review: its text (a substring of the review) and its label. */
  public record GoldSentence(String text, String label) {}

  /**
   * Adds the per-sentence sentiment of one review to {@code r} (3 classes): each gold sentence,
   * found in {@code text} in order, against the label of the predicted sentence that overlaps it by
   * the most characters (the analyzer may split sentences differently from the annotator).
   *
   * @return how many gold sentences were left out: not found in the text in order, or overlapping
   *     no predicted sentence
   */
  public static int addSentences(
      ClassificationReport r, String text, DocumentSentiment predicted, List<GoldSentence> gold) {
    int from = 0;
    int missed = 0;
    for (GoldSentence g : gold) {
      int start = g.text().isEmpty() ? -1 : text.indexOf(g.text(), from);
      if (start < 0) {
        missed++;
        continue;
      }
      int end = start + g.text().length();
      from = end;
      DocumentSentiment.SentenceSentiment best = null;
      int bestOverlap = 0;
      for (DocumentSentiment.SentenceSentiment p : predicted.sentences()) {
        int overlap = Math.min(end, p.end()) - Math.max(start, p.start());
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = p;
        }
      }
      if (best == null) {
        missed++;
        continue;
      }
      r.add(g.label(), best.sentiment().label().label());
    }
    return missed;
  }

  /** Document labels with "mixed" against gold review labels. */
  public static ClassificationReport documents(
      SentimentModel model, List<LabeledJsonl.Item> items, ReviewCues cues) {
    ClassificationReport r = new ClassificationReport(LABELS4);
    addDocuments(r, model, items, cues);
    return r;
  }

  /** Adds the document labels of {@code items} against their gold labels to {@code r}. */
  public static void addDocuments(
      ClassificationReport r,
      SentimentModel model,
      List<LabeledJsonl.Item> items,
      ReviewCues cues) {
    SentimentClassifier c = model.newClassifier();
    for (LabeledJsonl.Item it : items) {
      r.add(it.label(), c.classifyDocument(it.text(), cues).label());
    }
  }

  /**
   * The review mode fitted ({@link #fitCompanionMix}) on one half of {@code reviewDev} (odd or even
   * items) and scored on the other, both ways: out-of-fold 4-class document labels.
   */
  public static ClassificationReport crossFitReviewMode(
      SentimentModel model, SentimentModel companion, ReviewDev reviewDev, ReviewCues cues)
      throws java.io.IOException {
    ClassificationReport r = new ClassificationReport(LABELS4);
    for (int half = 0; half < 2; half++) {
      ReviewDev fit = reviewDev.half(half, false);
      List<LabeledJsonl.Item> score = reviewDev.half(half, true).all();
      addDocuments(r, fitCompanionMix(model, companion, fit, cues), score, cues);
    }
    return r;
  }

  /**
   * The labelled reviews the review mode is fitted on: {@code calibration} fits the review-mode
   * temperature, class shifts and cue weight, and with {@code mixedOnly} the mixed decision. The
   * long reviews are mixed-only: the calibration also scores each sentence of a review, and a long
   * review's words add up to scores on another scale (fitted with them, the review temperature rose
   * from 1.95 to the top of its grid and per-sentence macro-F1 fell on every dev set).
   */
  public record ReviewDev(List<LabeledJsonl.Item> calibration, List<LabeledJsonl.Item> mixedOnly) {
    public ReviewDev {
      calibration = List.copyOf(calibration);
      mixedOnly = List.copyOf(mixedOnly);
    }

    /** Both, in that order. */
    public List<LabeledJsonl.Item> all() {
      List<LabeledJsonl.Item> out = new java.util.ArrayList<>(calibration);
      out.addAll(mixedOnly);
      return out;
    }

    public boolean isEmpty() {
      return calibration.isEmpty();
    }

    /** Every other item of each list (odd or even {@code half}), for cross-fitting. */
    ReviewDev half(int half, boolean other) {
      return new ReviewDev(half(calibration, half, other), half(mixedOnly, half, other));
    }

    private static List<LabeledJsonl.Item> half(
        List<LabeledJsonl.Item> items, int half, boolean other) {
      List<LabeledJsonl.Item> out = new java.util.ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if ((i % 2 == half) != other) {
          out.add(items.get(i));
        }
      }
      return out;
    }
  }

  /**
   * Adapts a model to review documents: a review-mode temperature, class shifts and (with cues
   * other than {@link ReviewCues#NONE}) the cue weight fitted by log-loss on the review dev set's
   * calibration reviews (mixed reviews left out; the starting shift is their class distribution),
   * then the mixed decision that maximises 4-class macro-F1 on all of it ({@link #fitMixed}).
   */
  public static SentimentModel fitReviewDomain(
      SentimentModel model, ReviewDev reviewDev, ReviewCues cues) throws java.io.IOException {
    SentimentClassifier c = model.newClassifier();
    fi.palvelututka.models.text.FinnishAnalyzer analyzer =
        fi.palvelututka.models.text.AnalyzerModels.shipped().newAnalyzer();
    List<double[]> raw = new java.util.ArrayList<>();
    List<int[]> docCues = cues == ReviewCues.NONE ? null : new java.util.ArrayList<>();
    List<Integer> gold = new java.util.ArrayList<>();
    double[] prior = {1, 1, 1};
    for (LabeledJsonl.Item it : reviewDev.calibration()) {
      if (it.label().equals(DocumentSentiment.MIXED)) {
        continue;
      }
      int g = Sentiment.fromLabel(it.label()).ordinal();
      prior[g]++;
      fi.palvelututka.models.text.Analysis a = analyzer.analyze(it.text());
      double[] r = c.reviewRaw(a);
      if (r != null) {
        raw.add(r);
        gold.add(g);
        if (docCues != null) {
          int[] dc = SentimentClassifier.documentCues(c.reviewCues(a, cues.of(a)));
          docCues.add(dc == null ? new int[2] : dc);
        }
      }
    }
    Calibration cal =
        model
            .calibration()
            .fitReview(raw, docCues, gold.stream().mapToInt(Integer::intValue).toArray(), prior);
    SentimentModel fitted = model.withCalibrationOnly(cal);
    return fitMixed(fitted, reviewDev.all(), cues);
  }

  /**
   * How much better a mixture of the two models must score (4-class macro-F1 on the review dev set)
   * than the better single model to be chosen: a mixture runs both models on every review and
   * sentence (about 40% more tagger time), and on a review dev set of a few hundred reviews 0.02 is
   * within the noise.
   */
  public static final double MIXTURE_MARGIN = 0.02;

  /**
   * Trains nothing: given the main model and a companion trained on lexicon features only, picks
   * the review-mode mixing weight (grid 1.0 .. 0.0) by 4-class macro-F1 on the review dev set's
   * calibration reviews, each with its own fitted review domain; a mixture (0 &lt; weight &lt; 1)
   * only if it beats the better single model (weight 1: main model alone, 0: companion alone) by
   * {@link #MIXTURE_MARGIN}. (The model also scores every sentence, so it is chosen on the short
   * reviews, as it is calibrated; the mixed-only long reviews preferred the main model, whose
   * per-sentence macro-F1 was lower on every dev set.)
   */
  public static SentimentModel fitCompanionMix(
      SentimentModel model, SentimentModel companion, ReviewDev reviewDev, ReviewCues cues)
      throws java.io.IOException {
    SentimentModel bestSingle = null;
    double bestSingleF1 = -1;
    SentimentModel bestMix = null;
    double bestMixF1 = -1;
    for (double mix : new double[] {1.0, 0.8, 0.6, 0.5, 0.4, 0.2, 0.0}) {
      SentimentModel m =
          fitReviewDomain(
              mix == 1.0 ? model : model.withCompanion(companion, mix), reviewDev, cues);
      double f = documents(m, reviewDev.calibration(), cues).macroF1();
      boolean single = mix == 1.0 || mix == 0.0;
      if (single && f > bestSingleF1 + 1e-9) {
        bestSingleF1 = f;
        bestSingle = m;
      } else if (!single && f > bestMixF1 + 1e-9) {
        bestMixF1 = f;
        bestMix = m;
      }
    }
    return bestMixF1 > bestSingleF1 + MIXTURE_MARGIN ? bestMix : bestSingle;
  }

  /** The length terms of the mixed threshold {@link #fitMixed} chooses from. */
  static final double[] MIXED_LENGTH_SLOPES = {0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40};

  /**
   * The "mixed" decision fitted on {@code dev}: the threshold on the mixed score that maximises
   * 4-class macro-F1 (grid 0.20..0.95; with {@link ReviewRule#CONTRAST} one for reviews with a
   * contrast word and one for the rest), together with its length term ({@link
   * Calibration#mixedThreshold(boolean, int)}, grid {@link #MIXED_LENGTH_SLOPES}; on a tie the
   * smaller), then the slope of the mixed probability ({@link Calibration#mixedProbability}) by
   * log-loss of "is mixed" over the reviews with a mixed score.
   */
  public static SentimentModel fitMixed(
      SentimentModel model, List<LabeledJsonl.Item> dev, ReviewCues cues)
      throws java.io.IOException {
    // Classify once with mixed switched off (threshold above any score) and the raw score as the
    // mixed probability, then sweep: the same decision rule as classifyDocument.
    SentimentClassifier c = model.withMixed(2.0, 2.0, Double.NaN, 0).newClassifier();
    fi.palvelututka.models.text.FinnishAnalyzer analyzer =
        fi.palvelututka.models.text.AnalyzerModels.shipped().newAnalyzer();
    boolean byContrast = model.calibration().reviewRules().contains(ReviewRule.CONTRAST);
    String[] label = new String[dev.size()];
    double[] score = new double[dev.size()];
    boolean[] contrast = new boolean[dev.size()];
    int[] parts = new int[dev.size()];
    for (int i = 0; i < dev.size(); i++) {
      fi.palvelututka.models.text.Analysis a = analyzer.analyze(dev.get(i).text());
      DocumentSentiment d = c.classifyDocument(a, cues.of(a), cues);
      label[i] = d.label();
      score[i] = d.mixed();
      contrast[i] = byContrast && SentimentClassifier.hasContrast(a);
      parts[i] = SentimentClassifier.mixedParts(a, byContrast);
    }
    double best = 0.5;
    double bestC = 0.5;
    double bestG = 0;
    double bestF1 = -1;
    for (double g : MIXED_LENGTH_SLOPES) {
      for (double t = 0.20; t <= 0.9501; t += 0.05) {
        for (double tc = byContrast ? 0.20 : t; tc <= (byContrast ? 0.9501 : t); tc += 0.05) {
          ClassificationReport r = new ClassificationReport(LABELS4);
          for (int i = 0; i < dev.size(); i++) {
            double length = Calibration.lengthTerm(g, parts[i]);
            boolean isMixed = score[i] > 0 && score[i] >= (contrast[i] ? tc : t) + length;
            r.add(dev.get(i).label(), isMixed ? DocumentSentiment.MIXED : label[i]);
          }
          double f = r.macroF1();
          if (f > bestF1 + 1e-9) {
            bestF1 = f;
            best = t;
            bestC = tc;
            bestG = g;
          }
        }
      }
    }
    best = Math.round(best * 100) / 100.0;
    bestC = Math.round(bestC * 100) / 100.0;
    bestG = Math.round(bestG * 100) / 100.0;
    double slope = Double.NaN;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double k = 1; k <= 60.0001; k += 0.5) {
      double loss = 0;
      for (int i = 0; i < dev.size(); i++) {
        if (score[i] <= 0) {
          continue;
        }
        double length = Calibration.lengthTerm(bestG, parts[i]);
        double p = 1 / (1 + Math.exp(-k * (score[i] - (contrast[i] ? bestC : best) - length)));
        boolean gold = dev.get(i).label().equals(DocumentSentiment.MIXED);
        loss -= Math.log(Math.max(gold ? p : 1 - p, 1e-12));
      }
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        slope = k;
      }
    }
    return model.withMixed(best, byContrast ? bestC : best, slope, bestG);
  }
}
