package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.Bundles;
import fi.palvelututka.models.ModelVersion;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeTagger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipOutputStream;
import opennlp.tools.doccat.DoccatModel;

/**
 * The Finnish sentiment model bundle ({@code models/trained/sentiment-fi.zip}): an OpenNLP document
 * categorizer trained by {@link SentimentTrainer} on FinnSentiment, the feature set it was trained
 * with, the polarity lexicon its features use, and its {@link Calibration}.
 *
 * <p>Thread-safe and immutable: load it once per JVM ({@link #shipped()} caches the bundle that
 * ships in the jar) and call {@link #newClassifier()} once per thread or Spark partition; the
 * classifiers are not thread-safe.
 */
public final class SentimentModel {

  public static final String SHIPPED_RESOURCE = "palvelututka/models/sentiment-fi.zip";
  public static final String MODEL_NAME = "sentiment-fi";

  static final String DOCCAT = "doccat.bin";

  /** Optional companion model on lexicon and intensity features only, mixed in for reviews. */
  static final String DOCCAT_LEXICON = "doccat-lexicon.bin";

  static final java.util.Set<SentimentFeatures.Feature> COMPANION_FEATURES =
      java.util.EnumSet.of(SentimentFeatures.Feature.LEXICON, SentimentFeatures.Feature.INTENSITY);
  static final String LEXICON = "lexicon.tsv";
  static final String SETTINGS = "sentiment.properties";

  /**
   * Optional evaluative idioms and stock phrases (the theme taxonomy's JSON format, one category),
   * the review cues of {@link ReviewRule#IDIOMS}.
   */
  static final String IDIOMS = "idioms.json";

  private final DoccatModel model;
  private final DoccatModel companion;
  private final double reviewMix;
  private final Set<SentimentFeatures.Feature> features;
  private final SentimentLexicon lexicon;
  private final Calibration calibration;
  private final ThemeTagger idioms;
  private final ModelVersion version;
  private final byte[] bytes;

  private SentimentModel(
      DoccatModel model,
      DoccatModel companion,
      double reviewMix,
      Set<SentimentFeatures.Feature> features,
      SentimentLexicon lexicon,
      Calibration calibration,
      ThemeTagger idioms,
      byte[] bytes) {
    this.model = model;
    this.companion = companion;
    this.reviewMix = reviewMix;
    this.features = Set.copyOf(features);
    this.lexicon = lexicon;
    this.calibration = calibration;
    this.idioms = idioms;
    this.bytes = bytes;
    this.version = ModelVersion.of(MODEL_NAME, bytes);
  }

  private static final class ShippedHolder {
    static final SentimentModel INSTANCE = load();

    private static SentimentModel load() {
      try {
        return fromBytes(Bundles.shipped(SHIPPED_RESOURCE, "palvelututka models train-sentiment"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + SHIPPED_RESOURCE, e);
      }
    }
  }

  /** The model shipped in the jar, loaded once per JVM on first use. */
  public static SentimentModel shipped() {
    return ShippedHolder.INSTANCE;
  }

  public static SentimentModel load(Path file) throws IOException {
    return fromBytes(Files.readAllBytes(file));
  }

  public static SentimentModel fromBytes(byte[] bytes) throws IOException {
    return fromBytes(bytes, null);
  }

  /**
   * {@link #fromBytes(byte[])}, with {@code idioms} as the compiled form of the bundle's idiom list
   * when the caller has it (a copy of a model with another calibration: the list is the same), so
   * that it is not parsed and compiled again; null: compiled from the bundle.
   */
  private static SentimentModel fromBytes(byte[] bytes, ThemeTagger idioms) throws IOException {
    Map<String, byte[]> entries = Bundles.read(bytes);
    if (!entries.containsKey(DOCCAT) || !entries.containsKey(SETTINGS)) {
      throw new IOException("Not a sentiment bundle: it lacks " + DOCCAT + " or " + SETTINGS);
    }
    DoccatModel m = new DoccatModel(new ByteArrayInputStream(entries.get(DOCCAT)));
    for (Sentiment s : Sentiment.values()) {
      if (m.getMaxentModel().getIndex(s.label()) < 0) {
        throw new IOException("Not a sentiment model: it lacks category '" + s.label() + "'");
      }
    }
    Properties p = new Properties();
    p.load(
        new InputStreamReader(
            new ByteArrayInputStream(entries.get(SETTINGS)), StandardCharsets.UTF_8));
    SentimentLexicon lex =
        entries.containsKey(LEXICON)
            ? SentimentLexicon.parse(new String(entries.get(LEXICON), StandardCharsets.UTF_8))
            : SentimentLexicon.empty();
    DoccatModel comp =
        entries.containsKey(DOCCAT_LEXICON)
            ? new DoccatModel(new ByteArrayInputStream(entries.get(DOCCAT_LEXICON)))
            : null;
    if (!entries.containsKey(IDIOMS)) {
      idioms = null;
    } else if (idioms == null) {
      idioms = new ThemeTagger(Taxonomy.parse(entries.get(IDIOMS)));
    }
    return new SentimentModel(
        m,
        comp,
        comp == null ? 1.0 : Double.parseDouble(p.getProperty("review_mix", "1")),
        SentimentFeatures.Feature.parse(p.getProperty("features", "LEMMAS")),
        lex,
        Calibration.fromProperties(p),
        idioms,
        bytes.clone());
  }

  /**
   * Writes a bundle; fixed entry order and timestamps, so equal content gives equal bytes. {@code
   * idioms}: an idiom list ({@link #IDIOMS}), or null for none.
   */
  static byte[] bundle(
      byte[] doccat,
      byte[] companion,
      Set<SentimentFeatures.Feature> features,
      SentimentLexicon lexicon,
      Calibration calibration,
      Map<String, String> info,
      byte[] idioms)
      throws IOException {
    Map<String, String> settings = new TreeMap<>(info);
    // a key the new calibration leaves out (a rule switched off) must not survive from the old
    settings.keySet().removeAll(Calibration.PROPERTY_KEYS);
    calibration.toProperties().forEach((k, v) -> settings.put((String) k, (String) v));
    settings.put(
        "features",
        String.join(",", new java.util.TreeSet<>(features.stream().map(Enum::name).toList())));
    StringBuilder sb = new StringBuilder();
    settings.forEach(
        (k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      Bundles.put(z, DOCCAT, doccat);
      if (companion != null) {
        Bundles.put(z, DOCCAT_LEXICON, companion);
      }
      Bundles.put(z, LEXICON, lexicon.toTsv().getBytes(StandardCharsets.UTF_8));
      if (idioms != null) {
        Bundles.put(z, IDIOMS, idioms);
      }
      Bundles.put(z, SETTINGS, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  public ModelVersion version() {
    return version;
  }

  public Calibration calibration() {
    return calibration;
  }

  public Set<SentimentFeatures.Feature> features() {
    return features;
  }

  /** The main categorizer (for tests). */
  DoccatModel doccat() {
    return model;
  }

  /** The companion categorizer, or null (for tests). */
  DoccatModel companionDoccat() {
    return companion;
  }

  SentimentLexicon lexicon() {
    return lexicon;
  }

  /** The serialized bundle, exactly the bytes {@link #version()} was computed from. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** A copy with another calibration, keeping the other settings entries (used while fitting). */
  SentimentModel withCalibration(Calibration c, Map<String, String> info) throws IOException {
    Map<String, byte[]> entries = Bundles.read(bytes);
    Map<String, String> keep = settings(entries);
    keep.putAll(info);
    return fromBytes(
        bundle(
            entries.get(DOCCAT),
            entries.get(DOCCAT_LEXICON),
            features,
            lexicon,
            c,
            keep,
            entries.get(IDIOMS)),
        idioms);
  }

  /** The settings entry of a bundle as a sorted map (calibration keys are rewritten anyway). */
  private static Map<String, String> settings(Map<String, byte[]> entries) throws IOException {
    Properties p = new Properties();
    p.load(
        new InputStreamReader(
            new ByteArrayInputStream(entries.get(SETTINGS)), StandardCharsets.UTF_8));
    Map<String, String> keep = new TreeMap<>();
    p.forEach((k, v) -> keep.put((String) k, (String) v));
    return keep;
  }

  /** Weight of the main model in review mode (1 = main model only). */
  public double reviewMix() {
    return reviewMix;
  }

  /**
   * A copy with a companion model (the main doccat entry of {@code other}) mixed in for reviews.
   */
  SentimentModel withCompanion(SentimentModel other, double mix) throws IOException {
    Map<String, byte[]> mine = Bundles.read(bytes);
    Map<String, String> keep = settings(mine);
    keep.put("review_mix", String.format(java.util.Locale.ROOT, "%.2f", mix));
    return fromBytes(
        bundle(
            mine.get(DOCCAT),
            Bundles.read(other.bytes).get(DOCCAT),
            features,
            lexicon,
            calibration,
            keep,
            mine.get(IDIOMS)),
        idioms);
  }

  /**
   * A copy with this idiom list (the theme taxonomy's JSON format; null: none), the cues of {@link
   * ReviewRule#IDIOMS} (fit the review mode again after).
   */
  public SentimentModel withIdioms(byte[] json) throws IOException {
    // a malformed list fails here, not when a classifier is made
    ThemeTagger compiled = json == null ? null : new ThemeTagger(Taxonomy.parse(json));
    Map<String, byte[]> mine = Bundles.read(bytes);
    return fromBytes(
        bundle(
            mine.get(DOCCAT),
            mine.get(DOCCAT_LEXICON),
            features,
            lexicon,
            calibration,
            settings(mine),
            json),
        compiled);
  }

  /** The idiom list's cue finder, or null when the bundle has none. */
  ThemeTagger idioms() {
    return idioms;
  }

  /** A copy with another calibration. */
  public SentimentModel withCalibrationOnly(Calibration c) throws IOException {
    return withCalibration(c, Map.of());
  }

  /**
   * A copy with mixed thresholds (without, with a contrast word), mixed-probability slope and the
   * thresholds' length term ({@link Calibration#mixedThreshold(boolean, int)}).
   */
  public SentimentModel withMixed(double t, double contrast, double slope, double lengthSlope)
      throws IOException {
    return withCalibration(calibration.withMixed(t, contrast, slope, lengthSlope), Map.of());
  }

  /** A copy whose review mode uses these rules (fit the review mode again after). */
  public SentimentModel withReviewRules(java.util.Set<ReviewRule> rules) throws IOException {
    return withCalibration(calibration.withReviewRules(rules), Map.of());
  }

  /** A classifier with its own analyzer (over the shipped analyzer bundle). */
  public SentimentClassifier newClassifier() {
    return newClassifier(AnalyzerModels.shipped().newAnalyzer());
  }

  /** A classifier that shares the caller's analyzer (same thread only). */
  public SentimentClassifier newClassifier(FinnishAnalyzer analyzer) {
    CompiledCategorizer[] c = compiled();
    return new SentimentClassifier(
        model, c[0], companion, c[1], reviewMix, analyzer, features, lexicon, calibration, idioms);
  }

  /** {main, companion} in compiled form (an entry null where OpenNLP's own is used). */
  private volatile CompiledCategorizer[] compiled;

  private CompiledCategorizer[] compiled() {
    CompiledCategorizer[] c = compiled;
    if (c == null) {
      synchronized (this) {
        c = compiled;
        if (c == null) {
          c =
              new CompiledCategorizer[] {
                CompiledCategorizer.of(model),
                companion == null ? null : CompiledCategorizer.of(companion)
              };
          compiled = c;
        }
      }
    }
    return c;
  }
}
