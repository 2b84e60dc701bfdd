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
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
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

  /** Training settings; validated on construction. */
  public record Settings(
      String algorithm,
      int iterations,
      int cutoff,
      int ngram,
      boolean balance,
      Set<SentimentFeatures.Feature> features) {
    public static final String DEFAULT_ALGORITHM = "MAXENT";
    public static final int DEFAULT_ITERATIONS = 150;
    public static final int DEFAULT_CUTOFF = 2;
    public static final int DEFAULT_NGRAM = 2;
    public static final String DEFAULT_FEATURES = "lemmas,lexicon,intensity";

    public Settings {
      if (!List.of("MAXENT", "NAIVEBAYES", "PERCEPTRON").contains(algorithm)) {
        throw new IllegalArgumentException(
            "Invalid algorithm (MAXENT, NAIVEBAYES or PERCEPTRON): " + algorithm);
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
      features = Set.copyOf(features);
    }

    public static Settings defaults() {
      return new Settings(
          DEFAULT_ALGORITHM,
          DEFAULT_ITERATIONS,
          DEFAULT_CUTOFF,
          DEFAULT_NGRAM,
          true,
          SentimentFeatures.Feature.parse(DEFAULT_FEATURES));
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
                doccat, null, settings.features(), lexicon, Calibration.IDENTITY, meta));
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
