package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the sentiment categorizer from labelled texts. Knows nothing of corpus files: callers
 * (corpus readers, the CLI) hand it {@link LabeledText}s; see STYLE.md "training apart from data
 * formats".
 */
public final class SentimentTrainer {

  /** A text with its gold label. */
  public record LabeledText(String text, Sentiment label) {}

  /**
   * Training settings; validated on construction. {@code algorithm}: MAXENT_QN (maxent fitted by
   * L-BFGS with an L2 penalty of {@code l2}), MAXENT (GIS, no penalty), NAIVEBAYES or PERCEPTRON.
   */
  public record Settings(
      String algorithm,
      int iterations,
      int cutoff,
      int ngram,
      boolean balance,
      Set<SentimentFeatures.Feature> features,
      double l2) {
    public static final String DEFAULT_ALGORITHM = "MAXENT_QN";
    public static final int DEFAULT_ITERATIONS = 150;
    public static final int DEFAULT_CUTOFF = 2;
    public static final int DEFAULT_NGRAM = 2;
    public static final double DEFAULT_L2 = 3.0;
    public static final String DEFAULT_FEATURES = "lemmas,lexicon,intensity,stems";
    public static final List<String> ALGORITHMS =
        List.of("MAXENT_QN", "MAXENT", "NAIVEBAYES", "PERCEPTRON");

    public Settings {
      if (!ALGORITHMS.contains(algorithm)) {
        throw new IllegalArgumentException(
            "Invalid algorithm (" + String.join(", ", ALGORITHMS) + "): " + algorithm);
      }
      if (!(l2 >= 0) || Double.isInfinite(l2)) {
        throw new IllegalArgumentException("Invalid L2 penalty (not a number >= 0): " + l2);
      }
      if (iterations < 1) {
        throw new IllegalArgumentException("Invalid iterations (< 1): " + iterations);
      }
      if (cutoff < 0) {
        throw new IllegalArgumentException("Invalid cutoff (negative): " + cutoff);
      }
      if (ngram < 1 || ngram > 3) {
        throw new IllegalArgumentException("Invalid n-gram length (1..3): " + ngram);
      }
      if (features == null || features.isEmpty()) {
        throw new IllegalArgumentException("Invalid feature set (empty)");
      }
      // in declaration order, so that toString (stored in the bundle) and the bundle's bytes and
      // version are the same on every run
      features = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(features));
    }

    public static Settings defaults() {
      return new Settings(
          DEFAULT_ALGORITHM,
          DEFAULT_ITERATIONS,
          DEFAULT_CUTOFF,
          DEFAULT_NGRAM,
          true,
          SentimentFeatures.Feature.parse(DEFAULT_FEATURES),
          DEFAULT_L2);
    }

    /** The same settings with another algorithm. */
    public Settings withAlgorithm(String a) {
      return new Settings(a, iterations, cutoff, ngram, balance, features, l2);
    }

    /** The same settings with other feature groups. */
    public Settings withFeatures(Set<SentimentFeatures.Feature> f) {
      return new Settings(algorithm, iterations, cutoff, ngram, balance, f, l2);
    }

    /** The same settings with another longest n-gram. */
    public Settings withNgram(int n) {
      return new Settings(algorithm, iterations, cutoff, n, balance, features, l2);
    }

    /** The same settings with or without class balancing. */
    public Settings withBalance(boolean b) {
      return new Settings(algorithm, iterations, cutoff, ngram, b, features, l2);
    }

    /** The same settings with another L2 penalty. */
    public Settings withL2(double v) {
      return new Settings(algorithm, iterations, cutoff, ngram, balance, features, v);
    }
  }

  private SentimentTrainer() {}

  /**
   * Trains on {@code train}, fits the calibration on {@code dev} (never on test data), and returns
   * the bundle. {@code info} entries are stored in the bundle's settings for provenance.
   */
  public static SentimentModel train(
      List<LabeledText> train,
      List<LabeledText> dev,
      Settings settings,
      SentimentLexicon lexicon,
      Map<String, String> info)
      throws IOException {
    List<DocumentSample> samples = new ArrayList<>(train.size());
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    for (LabeledText t : train) {
      String[] tokens =
          SentimentFeatures.tokens(analyzer.analyze(t.text()), settings.features(), lexicon);
      if (tokens.length > 0) {
        samples.add(new DocumentSample(t.label().label(), tokens));
      }
    }
    if (settings.balance()) {
      samples = oversample(samples);
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    if (settings.algorithm().equals("MAXENT_QN")) {
      params.put(QNTrainer.L1COST_PARAM, 0.0);
      params.put(QNTrainer.L2COST_PARAM, settings.l2());
    }
    // one thread keeps training reproducible
    params.put(TrainingParameters.THREADS_PARAM, 1);
    List<FeatureGenerator> gens = new ArrayList<>();
    gens.add(new BagOfWordsFeatureGenerator());
    if (settings.ngram() >= 2) {
      gens.add(new NGramFeatureGenerator(2, settings.ngram()));
    }
    DoccatFactory factory = new DoccatFactory(gens.toArray(new FeatureGenerator[0]));
    byte[] doccat;
    try (ObjectStream<DocumentSample> stream = new CollectionObjectStream<>(samples)) {
      DoccatModel model = DocumentCategorizerME.train("fi", stream, params, factory);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      model.serialize(bytes);
      doccat = bytes.toByteArray();
    }
    Map<String, String> meta = new TreeMap<>(info);
    meta.put("settings", settings.toString());
    SentimentModel uncalibrated =
        SentimentModel.fromBytes(
            SentimentModel.bundle(
                doccat, null, settings.features(), lexicon, Calibration.IDENTITY, meta, null));
    if (dev.isEmpty()) {
      return uncalibrated;
    }
    SentimentClassifier c = uncalibrated.newClassifier(analyzer);
    List<double[]> raw = new ArrayList<>();
    List<Integer> gold = new ArrayList<>();
    for (LabeledText t : dev) {
      double[] r = c.raw(analyzer.analyze(t.text()));
      if (r != null) {
        raw.add(r);
        gold.add(t.label().ordinal());
      }
    }
    Calibration cal = Calibration.fit(raw, gold.stream().mapToInt(Integer::intValue).toArray());
    return uncalibrated.withCalibration(cal, meta);
  }

  /**
   * Repeats the samples of the smaller classes (deterministically, whole copies then a prefix) so
   * that every class has as many samples as the largest one. Maxent on FinnSentiment otherwise
   * learns to answer "neutral" (73% of the data) and the polar classes lose recall.
   */
  static List<DocumentSample> oversample(List<DocumentSample> samples) {
    List<List<DocumentSample>> byClass = new ArrayList<>();
    List<String> cats = new ArrayList<>();
    for (DocumentSample s : samples) {
      int i = cats.indexOf(s.getCategory());
      if (i < 0) {
        cats.add(s.getCategory());
        byClass.add(new ArrayList<>());
        i = cats.size() - 1;
      }
      byClass.get(i).add(s);
    }
    int max = byClass.stream().mapToInt(List::size).max().orElse(0);
    List<DocumentSample> out = new ArrayList<>(max * byClass.size());
    for (List<DocumentSample> cls : byClass) {
      for (int i = 0; i < max; i++) {
        out.add(cls.get(i % cls.size()));
      }
    }
    return out;
  }

  /**
   * K-fold cross-validation, for choosing settings on more than the dev split: K models, each
   * trained on K−1 folds, score the remaining fold. The out-of-fold probabilities are calibrated in
   * two halves (alternate rows), each with a calibration fitted on the other half, so that no row
   * is judged by a calibration fitted on it; the result is one 3-class report over all rows.
   *
   * @param fold the fold (0..k−1) of a row; keep duplicates of a text in one fold
   * @param training the training texts made from a list of rows (agreement weighting, ...)
   * @param gold the gold text and label of a row
   */
  public static <R> ClassificationReport crossValidate(
      List<R> rows,
      ToIntFunction<R> fold,
      int k,
      Function<List<R>, List<LabeledText>> training,
      Function<R, LabeledText> gold,
      Settings settings,
      SentimentLexicon lexicon)
      throws IOException {
    if (k < 2) {
      throw new IllegalArgumentException("Invalid number of folds (< 2): " + k);
    }
    List<double[]> raw = new ArrayList<>(rows.size());
    List<Integer> labels = new ArrayList<>(rows.size());
    for (int f = 0; f < k; f++) {
      // an analyzer per fold: its words keep memo slots under the fold's model (Word)
      FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
      List<R> in = new ArrayList<>();
      List<R> out = new ArrayList<>();
      for (R r : rows) {
        (fold.applyAsInt(r) == f ? out : in).add(r);
      }
      SentimentClassifier c =
          train(training.apply(in), List.of(), settings, lexicon, Map.of()).newClassifier(analyzer);
      for (R r : out) {
        LabeledText t = gold.apply(r);
        double[] p = c.raw(analyzer.analyze(t.text()));
        // a text without any feature: the categorizer's answer would be its prior; call it neutral
        raw.add(p != null ? p : new double[] {1e-6, 1 - 2e-6, 1e-6});
        labels.add(t.label().ordinal());
      }
    }
    int[] goldIdx = labels.stream().mapToInt(Integer::intValue).toArray();
    ClassificationReport report =
        new ClassificationReport(Arrays.stream(Sentiment.values()).map(Sentiment::label).toList());
    for (int half = 0; half < 2; half++) {
      List<double[]> fitRaw = new ArrayList<>();
      List<Integer> fitGold = new ArrayList<>();
      for (int i = 0; i < goldIdx.length; i++) {
        if (i % 2 != half) {
          fitRaw.add(raw.get(i));
          fitGold.add(goldIdx[i]);
        }
      }
      Calibration cal =
          Calibration.fit(fitRaw, fitGold.stream().mapToInt(Integer::intValue).toArray());
      for (int i = half; i < goldIdx.length; i += 2) {
        report.add(
            Sentiment.values()[goldIdx[i]].label(),
            Sentiment.values()[cal.decide(cal.apply(raw.get(i)))].label());
      }
    }
    return report;
  }

  /** Evaluates a model on labelled texts. */
  public static ClassificationReport evaluate(SentimentModel model, List<LabeledText> data) {
    ClassificationReport report =
        new ClassificationReport(Arrays.stream(Sentiment.values()).map(Sentiment::label).toList());
    SentimentClassifier c = model.newClassifier();
    for (LabeledText t : data) {
      report.add(t.label().label(), c.classify(t.text()).label().label());
    }
    return report;
  }
}
