package fi.palvelututka.models.themes;

import fi.palvelututka.models.Bundles;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Learned theme detectors: one binary OpenNLP maxent model per category over a sentence's lemma
 * features, trained by {@link ThemeLearning} on corpus sentences weakly labelled by the taxonomy's
 * patterns. Used by {@link ThemeTagger} to add a mention the patterns missed when the model's
 * probability reaches the category's threshold and the sentence is not neutral.
 *
 * <p>Immutable and thread-safe ({@link MaxentModel#eval} keeps no state).
 */
public final class LearnedThemes {

  static final String POSITIVE = "1";
  static final String SETTINGS = "learned.properties";

  private final List<String> categories;
  private final MaxentModel[] models;
  private final double[] thresholds;
  private final boolean masked;

  LearnedThemes(
      List<String> categories, MaxentModel[] models, double[] thresholds, boolean masked) {
    this.categories = List.copyOf(categories);
    this.models = models.clone();
    this.thresholds = thresholds.clone();
    this.masked = masked;
  }

  public List<String> categories() {
    return categories;
  }

  public boolean masked() {
    return masked;
  }

  public double threshold(int category) {
    return thresholds[category];
  }

  /** The same models with other thresholds (one value for every category). */
  public LearnedThemes withThreshold(double t) {
    double[] th = new double[thresholds.length];
    Arrays.fill(th, t);
    return new LearnedThemes(categories, models, th, masked);
  }

  /** P(the sentence mentions the category), per category in taxonomy order (NaN: no model). */
  public double[] probabilities(Sentence s) {
    String[] f = features(s, null);
    double[] out = new double[models.length];
    for (int c = 0; c < models.length; c++) {
      if (models[c] == null || f.length == 0) {
        out[c] = Double.NaN;
        continue;
      }
      double[] p = models[c].eval(f);
      out[c] = p[models[c].getIndex(POSITIVE)];
    }
    return out;
  }

  /**
   * Sentence features: word lemmas (prefixed {@code neg_} in negation scope) and adjacent lemma
   * bigrams; tokens flagged in {@code skip} are left out (the cue words, when training masked).
   */
  static String[] features(Sentence s, boolean[] skip) {
    List<String> f = new ArrayList<>();
    String prev = null;
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord() || (skip != null && skip[i])) {
        prev = null;
        continue;
      }
      String w = (t.negated() ? "neg_" : "") + t.lemma();
      f.add(w);
      if (prev != null) {
        f.add(prev + "_" + w);
      }
      prev = w;
    }
    return f.toArray(new String[0]);
  }

  /** Serializes the models and thresholds as a zip bundle. */
  public byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(bytes)) {
        Properties p = new Properties();
        p.setProperty("masked", Boolean.toString(masked));
        p.setProperty("categories", String.join(",", categories));
        for (int c = 0; c < categories.size(); c++) {
          p.setProperty("threshold." + categories.get(c), Double.toString(thresholds[c]));
          if (models[c] != null) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            new GenericModelWriter((AbstractModel) models[c], new DataOutputStream(m)).persist();
            Bundles.put(z, categories.get(c) + ".bin", m.toByteArray());
          }
        }
        java.io.StringWriter w = new java.io.StringWriter();
        p.store(w, "palvelututka learned theme detectors");
        Bundles.put(z, SETTINGS, w.toString().getBytes(StandardCharsets.UTF_8));
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LearnedThemes fromBytes(byte[] zip) throws IOException {
    Map<String, byte[]> files = Bundles.read(zip);
    byte[] settings = files.get(SETTINGS);
    if (settings == null) {
      throw new IOException("Not a learned-themes bundle (no " + SETTINGS + ")");
    }
    Properties p = new Properties();
    p.load(new StringReader(new String(settings, StandardCharsets.UTF_8)));
    List<String> cats = List.of(p.getProperty("categories").split(","));
    MaxentModel[] models = new MaxentModel[cats.size()];
    double[] th = new double[cats.size()];
    for (int c = 0; c < cats.size(); c++) {
      th[c] = Double.parseDouble(p.getProperty("threshold." + cats.get(c), "1.0"));
      byte[] m = files.get(cats.get(c) + ".bin");
      if (m != null) {
        models[c] =
            new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(m)))
                .getModel();
      }
    }
    return new LearnedThemes(
        cats, models, th, Boolean.parseBoolean(p.getProperty("masked", "false")));
  }
}
