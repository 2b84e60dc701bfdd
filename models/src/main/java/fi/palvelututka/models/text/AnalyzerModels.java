package fi.palvelututka.models.text;

import fi.palvelututka.models.Bundles;
import fi.palvelututka.models.ModelVersion;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipOutputStream;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The Finnish analyzer's trained parts, shipped as one zip bundle ({@code
 * models/trained/analyzer-fi.zip}, on the classpath as {@value #SHIPPED_RESOURCE}): sentence
 * detector and tokenizer (OpenNLP models), lemma dictionary and suffix rules, the known-word
 * vocabulary and the ä/ö restoration table, and a manifest.
 *
 * <p>Immutable and thread-safe: load once per JVM ({@link #shipped()}), then {@link #newAnalyzer()}
 * per thread or partition.
 */
public final class AnalyzerModels {

  public static final String SHIPPED_RESOURCE = "palvelututka/models/analyzer-fi.zip";
  public static final String MODEL_NAME = "analyzer-fi";

  static final String SENTENCE = "sentence.bin";
  static final String TOKENIZER = "tokenizer.bin";
  static final String LEMMAS = "lemmas.tsv";
  static final String SUFFIX_RULES = "suffix-rules.tsv";
  static final String VOCAB = "vocab.txt";
  static final String RESTORE = "restore.tsv";
  static final String MANIFEST = "manifest.properties";

  private final SentenceModel sentenceModel;
  private final TokenizerModel tokenizerModel;
  private final Lemmatizer lemmatizer;
  private final Normalizer normalizer;
  private final Properties manifest;
  private final ModelVersion version;

  public AnalyzerModels(
      SentenceModel sentenceModel,
      TokenizerModel tokenizerModel,
      Lemmatizer lemmatizer,
      Normalizer normalizer,
      Properties manifest,
      ModelVersion version) {
    this.sentenceModel = sentenceModel;
    this.tokenizerModel = tokenizerModel;
    this.lemmatizer = lemmatizer;
    this.normalizer = normalizer;
    this.manifest = manifest;
    this.version = version;
  }

  private static final class ShippedHolder {
    static final AnalyzerModels INSTANCE = load();

    private static AnalyzerModels load() {
      try {
        return fromBytes(Bundles.shipped(SHIPPED_RESOURCE, "palvelututka models train-analyzer"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + SHIPPED_RESOURCE, e);
      }
    }
  }

  /** The bundle shipped in the jar, loaded once per JVM on first use. */
  public static AnalyzerModels shipped() {
    return ShippedHolder.INSTANCE;
  }

  public static AnalyzerModels load(Path zip) throws IOException {
    return fromBytes(Files.readAllBytes(zip));
  }

  public static AnalyzerModels fromBytes(byte[] bytes) throws IOException {
    Map<String, byte[]> entries = Bundles.read(bytes);
    for (String required :
        new String[] {SENTENCE, TOKENIZER, LEMMAS, SUFFIX_RULES, VOCAB, RESTORE}) {
      if (!entries.containsKey(required)) {
        throw new IOException("Not an analyzer bundle: entry '" + required + "' is missing");
      }
    }
    Map<String, String> lemmas = new HashMap<>();
    forEachLine(entries.get(LEMMAS), f -> lemmas.put(f[0], f[1]));
    Map<String, Lemmatizer.Rule> rules = new HashMap<>();
    forEachLine(
        entries.get(SUFFIX_RULES),
        f ->
            rules.put(f[0], new Lemmatizer.Rule(Integer.parseInt(f[1]), f.length > 2 ? f[2] : "")));
    Set<String> vocab = new HashSet<>();
    forEachLine(entries.get(VOCAB), f -> vocab.add(f[0]));
    Map<String, String> restore = new HashMap<>();
    forEachLine(entries.get(RESTORE), f -> restore.put(f[0], f[1]));
    Properties manifest = new Properties();
    if (entries.containsKey(MANIFEST)) {
      manifest.load(
          new InputStreamReader(
              new ByteArrayInputStream(entries.get(MANIFEST)), StandardCharsets.UTF_8));
    }
    return new AnalyzerModels(
        new SentenceModel(new ByteArrayInputStream(entries.get(SENTENCE))),
        new TokenizerModel(new ByteArrayInputStream(entries.get(TOKENIZER))),
        new Lemmatizer(lemmas, rules),
        new Normalizer(vocab, restore),
        manifest,
        ModelVersion.of(MODEL_NAME, bytes));
  }

  private interface LineHandler {
    void accept(String[] fields);
  }

  private static void forEachLine(byte[] data, LineHandler h) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty()) {
          h.accept(line.split("\t", -1));
        }
      }
    }
  }

  /**
   * Writes a bundle. Entries are written in a fixed order with fixed timestamps, so the same
   * content gives the same bytes (and the same version hash).
   */
  public static byte[] writeBundle(
      byte[] sentenceModel,
      byte[] tokenizerModel,
      Map<String, String> lemmas,
      Map<String, Lemmatizer.Rule> suffixRules,
      Set<String> vocab,
      Map<String, String> restore,
      Properties manifest)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      Bundles.put(z, SENTENCE, sentenceModel);
      Bundles.put(z, TOKENIZER, tokenizerModel);
      StringBuilder sb = new StringBuilder();
      new TreeMap<>(lemmas).forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
      Bundles.put(z, LEMMAS, sb.toString().getBytes(StandardCharsets.UTF_8));
      sb.setLength(0);
      new TreeMap<>(suffixRules)
          .forEach(
              (k, v) ->
                  sb.append(k)
                      .append('\t')
                      .append(v.strip())
                      .append('\t')
                      .append(v.append())
                      .append('\n'));
      Bundles.put(z, SUFFIX_RULES, sb.toString().getBytes(StandardCharsets.UTF_8));
      sb.setLength(0);
      new java.util.TreeSet<>(vocab).forEach(w -> sb.append(w).append('\n'));
      Bundles.put(z, VOCAB, sb.toString().getBytes(StandardCharsets.UTF_8));
      sb.setLength(0);
      new TreeMap<>(restore).forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
      Bundles.put(z, RESTORE, sb.toString().getBytes(StandardCharsets.UTF_8));
      sb.setLength(0);
      new TreeMap<>(manifest).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      Bundles.put(z, MANIFEST, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  public ModelVersion version() {
    return version;
  }

  public Properties manifest() {
    return manifest;
  }

  public Lemmatizer lemmatizer() {
    return lemmatizer;
  }

  public Normalizer normalizer() {
    return normalizer;
  }

  public SentenceModel sentenceModel() {
    return sentenceModel;
  }

  public TokenizerModel tokenizerModel() {
    return tokenizerModel;
  }

  /**
   * The tokenizer the analyzer uses: the model, with the model-free shortcuts for known words (the
   * sentence detector's abbreviations excluded). Not thread-safe.
   */
  public FinnishTokenizer newTokenizer() {
    return new FinnishTokenizer(
        tokenizerModel, normalizer::known, List.of(sentenceModel.getAbbreviations()));
  }

  public FinnishAnalyzer newAnalyzer() {
    return new FinnishAnalyzer(
        new SentenceSplitter(sentenceModel), newTokenizer(), normalizer, lemmatizer);
  }
}
