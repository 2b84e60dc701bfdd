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

  /** Document labels with "mixed" against gold review labels. */
  public static ClassificationReport documents(
      SentimentModel model, List<LabeledJsonl.Item> items) {
    ClassificationReport r = new ClassificationReport(LABELS4);
    SentimentClassifier c = model.newClassifier();
    for (LabeledJsonl.Item it : items) {
      r.add(it.label(), c.classifyDocument(it.text()).label());
    }
    return r;
  }

  /**
   * Adapts a model to review documents: the label-shift factors from the class priors of the
   * FinnSentiment dev split to those of the review dev set (mixed reviews left out), then the mixed
   * threshold that maximises 4-class macro-F1 on the review dev set.
   */
  public static SentimentModel fitReviewDomain(
      SentimentModel model, List<LabeledText> forumDev, List<LabeledJsonl.Item> reviewDev)
      throws java.io.IOException {
    double[] forum = new double[3];
    for (LabeledText t : forumDev) {
      forum[t.label().ordinal()]++;
    }
    double[] review = new double[3];
    for (LabeledJsonl.Item it : reviewDev) {
      if (!it.label().equals(DocumentSentiment.MIXED)) {
        review[Sentiment.fromLabel(it.label()).ordinal()]++;
      }
    }
    double fs = forum[0] + forum[1] + forum[2];
    double rs = review[0] + review[1] + review[2];
    double[] shift = new double[3];
    for (int c = 0; c < 3; c++) {
      // add-one smoothing keeps a class that the small review set lacks from vanishing
      shift[c] = ((review[c] + 1) / (rs + 3)) / ((forum[c] + 1) / (fs + 3));
    }
    SentimentModel shifted = model.withCalibrationOnly(model.calibration().withReviewShift(shift));
    return shifted.withMixedThreshold(fitMixedThreshold(shifted, reviewDev));
  }

  /**
   * Trains nothing: given the main model and a companion trained on lexicon features only, picks
   * the review-mode mixing weight (grid 1.0 .. 0.0) that maximises 4-class macro-F1 on the review
   * dev set, each with its own fitted review domain.
   */
  public static SentimentModel fitCompanionMix(
      SentimentModel model,
      SentimentModel companion,
      List<LabeledText> forumDev,
      List<LabeledJsonl.Item> reviewDev)
      throws java.io.IOException {
    SentimentModel best = fitReviewDomain(model, forumDev, reviewDev);
    double bestF1 = documents(best, reviewDev).macroF1();
    for (double mix : new double[] {0.8, 0.6, 0.5, 0.4, 0.2, 0.0}) {
      SentimentModel m = fitReviewDomain(model.withCompanion(companion, mix), forumDev, reviewDev);
      double f = documents(m, reviewDev).macroF1();
      if (f > bestF1 + 1e-9) {
        bestF1 = f;
        best = m;
      }
    }
    return best;
  }

  /** The mixed threshold that maximises 4-class macro-F1 on {@code dev} (grid 0.20..0.95). */
  public static double fitMixedThreshold(SentimentModel model, List<LabeledJsonl.Item> dev)
      throws java.io.IOException {
    double best = 0.5;
    double bestF1 = -1;
    for (double t = 0.20; t <= 0.9501; t += 0.05) {
      SentimentModel m = model.withMixedThreshold(t);
      double f = documents(m, dev).macroF1();
      if (f > bestF1 + 1e-9) {
        bestF1 = f;
        best = t;
      }
    }
    return Math.round(best * 100) / 100.0;
  }
}
