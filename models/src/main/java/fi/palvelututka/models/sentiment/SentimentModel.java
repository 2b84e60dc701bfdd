package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.ModelVersion;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.doccat.DoccatModel;

/**
 * The Finnish sentiment document-categorizer model (OpenNLP doccat, trained by {@link
 * SentimentTrainer} on FinnSentiment).
 *
 * <p>Thread-safe and immutable: load it once per JVM ({@link #shipped()} caches the model that
 * ships in the jar) and call {@link #newClassifier()} once per thread or Spark partition; the
 * classifiers are not thread-safe.
 */
public final class SentimentModel {

  /** Classpath location of the shipped model (source file: models/trained/sentiment-fi.bin). */
  public static final String SHIPPED_RESOURCE = "palvelututka/models/sentiment-fi.bin";

  public static final String MODEL_NAME = "sentiment-fi";

  private final DoccatModel model;
  private final ModelVersion version;
  private final byte[] bytes;

  private SentimentModel(DoccatModel model, byte[] bytes) {
    this.model = model;
    this.bytes = bytes;
    this.version = ModelVersion.of(MODEL_NAME, bytes);
  }

  private static final class ShippedHolder {
    static final SentimentModel INSTANCE = loadShipped();

    private static SentimentModel loadShipped() {
      try (InputStream in =
          SentimentModel.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "The shipped sentiment model "
                  + SHIPPED_RESOURCE
                  + " is not on the classpath; rebuild palvelututka-models or train it with"
                  + " 'palvelututka models train-sentiment'");
        }
        return fromBytes(in.readAllBytes());
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
    DoccatModel m = new DoccatModel(new ByteArrayInputStream(bytes));
    for (Sentiment s : Sentiment.values()) {
      if (m.getMaxentModel().getIndex(s.label()) < 0) {
        throw new IOException("Not a sentiment model: it lacks category '" + s.label() + "'");
      }
    }
    return new SentimentModel(m, bytes.clone());
  }

  public ModelVersion version() {
    return version;
  }

  /** The serialized model, exactly the bytes {@link #version()} was computed from. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** A classifier with its own analyzer (over the shipped analyzer bundle). */
  public SentimentClassifier newClassifier() {
    return newClassifier(AnalyzerModels.shipped().newAnalyzer());
  }

  /** A classifier that shares the caller's analyzer (same thread only). */
  public SentimentClassifier newClassifier(FinnishAnalyzer analyzer) {
    return new SentimentClassifier(model, analyzer);
  }
}
