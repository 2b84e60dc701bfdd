package fi.palvelututka.models.text.train;

import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.text.Lemmatizer;
import fi.palvelututka.models.text.Normalizer;
import fi.palvelututka.models.text.conllu.ConlluReader;
import fi.palvelututka.models.text.conllu.ConlluSentence;
import fi.palvelututka.models.text.conllu.ConlluWord;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.lemmatizer.LemmaSample;
import opennlp.tools.lemmatizer.LemmatizerFactory;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSSample;
import opennlp.tools.postag.POSTaggerFactory;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.StringList;
import opennlp.tools.util.TrainingParameters;

/**
 * Builds the parts of the Finnish analyzer from the corpora. The data split follows the UD
 * convention of this project: never train on {@code fi_tdt-ud-test}; OOD {@code thread} and {@code
 * tweet} sentences (the genres closest to reviews) are held out too, so that both can be reported
 * as held-out results.
 *
 * <ul>
 *   <li>tokenizer and sentence detector: TDT dev + OOD cl/web/poem (the files with SpaceAfter);
 *   <li>lemmas: TDT dev + FTB dev + FTB test + OOD cl/web/poem;
 *   <li>vocabulary and ä/ö restoration: the lemma training words, FinnSentiment train part, XED
 *       Finnish and AFINN-fi (each when present).
 * </ul>
 */
public final class AnalyzerTraining {

  /** OOD genres held out for evaluation. */
  public static final Set<String> HELD_OUT_GENRES = Set.of("thread", "tweet");

  /** The UD data, split. */
  public record UdData(
      List<ConlluSentence> tokenTrain,
      List<ConlluSentence> lemmaTrain,
      List<ConlluSentence> tdtTest,
      List<ConlluSentence> oodHeldOut) {}

  private AnalyzerTraining() {}

  public static UdData loadUd(Path corpora) throws IOException {
    List<ConlluSentence> tdtDev =
        ConlluReader.read(ConlluReader.locate(corpora, ConlluReader.TDT_DEV));
    List<ConlluSentence> tdtTest =
        ConlluReader.read(ConlluReader.locate(corpora, ConlluReader.TDT_TEST));
    List<ConlluSentence> ftb =
        new ArrayList<>(ConlluReader.read(ConlluReader.locate(corpora, ConlluReader.FTB_DEV)));
    ftb.addAll(ConlluReader.read(ConlluReader.locate(corpora, ConlluReader.FTB_TEST)));
    List<ConlluSentence> ood =
        ConlluReader.read(ConlluReader.locate(corpora, ConlluReader.OOD_TEST));
    List<ConlluSentence> oodTrain = new ArrayList<>();
    List<ConlluSentence> oodHeld = new ArrayList<>();
    for (ConlluSentence s : ood) {
      (HELD_OUT_GENRES.contains(s.genre()) ? oodHeld : oodTrain).add(s);
    }
    List<ConlluSentence> tokenTrain = new ArrayList<>(tdtDev);
    tokenTrain.addAll(oodTrain);
    List<ConlluSentence> lemmaTrain = new ArrayList<>(tdtDev);
    lemmaTrain.addAll(ftb);
    lemmaTrain.addAll(oodTrain);
    return new UdData(tokenTrain, lemmaTrain, tdtTest, oodHeld);
  }

  static TrainingParameters params(int iterations, int cutoff) {
    TrainingParameters p = TrainingParameters.defaultParams();
    p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    p.put(TrainingParameters.THREADS_PARAM, 1);
    return p;
  }

  /** Abbreviations seen in training: tokens of letters ending in '.', e.g. "esim.", "klo.". */
  public static Dictionary abbreviations(List<ConlluSentence> sentences) {
    Set<String> abbr = new TreeSet<>();
    for (ConlluSentence s : sentences) {
      for (String t : s.tokens()) {
        if (t.length() > 1
            && t.endsWith(".")
            && t.substring(0, t.length() - 1).chars().allMatch(Character::isLetter)) {
          abbr.add(t);
        }
      }
    }
    // common in reviews, rare in the treebank
    abbr.addAll(
        List.of(
            "esim.", "mm.", "ns.", "jne.", "yms.", "ym.", "tms.", "ks.", "klo.", "n.", "kpl.",
            "yht.", "ts.", "eli.", "pvm."));
    Dictionary d = new Dictionary(false);
    for (String a : abbr) {
      d.put(new StringList(a));
    }
    return d;
  }

  public static TokenizerModel trainTokenizer(List<ConlluSentence> train) throws IOException {
    TokenizerFactory f =
        new TokenizerFactory(
            "fi",
            null,
            true,
            Pattern.compile("^[\\p{L}\\p{N}]+$", Pattern.UNICODE_CHARACTER_CLASS));
    return TokenizerME.train(
        new CollectionObjectStream<>(UdSamples.tokenSamples(train)), f, params(100, 3));
  }

  public static SentenceModel trainSentenceDetector(List<ConlluSentence> train) throws IOException {
    SentenceDetectorFactory f = new SentenceDetectorFactory("fi", true, abbreviations(train), null);
    return SentenceDetectorME.train(
        "fi", new CollectionObjectStream<>(UdSamples.sentenceSamples(train)), f, params(100, 3));
  }

  /** Lower-cased (form, lemma) token counts from UD words; compound marks stripped. */
  public static List<Lemmatizer.Entry> lemmaEntries(List<ConlluSentence> sentences) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (ConlluSentence s : sentences) {
      for (ConlluWord w : s.words()) {
        String form = w.form().toLowerCase(Locale.ROOT);
        String lemma = w.plainLemma().toLowerCase(Locale.ROOT);
        if (form.isEmpty() || lemma.isEmpty() || lemma.equals("_")) {
          continue;
        }
        counts.computeIfAbsent(form, k -> new HashMap<>()).merge(lemma, 1L, Long::sum);
      }
    }
    List<Lemmatizer.Entry> out = new ArrayList<>();
    counts.forEach(
        (form, m) -> m.forEach((lemma, n) -> out.add(new Lemmatizer.Entry(form, lemma, n))));
    return out;
  }

  /** Most frequent lemma per form (ties: alphabetical, for reproducibility). */
  public static Map<String, String> dictionary(List<Lemmatizer.Entry> entries) {
    Map<String, Lemmatizer.Entry> best = new HashMap<>();
    for (Lemmatizer.Entry e : entries) {
      best.merge(
          e.form(),
          e,
          (a, b) ->
              a.count() > b.count()
                      || (a.count() == b.count() && a.lemma().compareTo(b.lemma()) < 0)
                  ? a
                  : b);
    }
    Map<String, String> d = new HashMap<>();
    best.forEach((f, e) -> d.put(f, e.lemma()));
    return d;
  }

  private static final Pattern WORD =
      Pattern.compile("\\p{L}+(?:-\\p{L}+)*", Pattern.UNICODE_CHARACTER_CLASS);

  /** Lower-cased word-form counts from raw text. */
  static void countWords(String text, Map<String, Long> counts) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      counts.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
  }

  /** Word-form counts from the UD lemma training words and the other corpora that are present. */
  public static Map<String, Long> wordCounts(Path corpora, UdData ud, List<String> sourcesUsed)
      throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (ConlluSentence s : ud.lemmaTrain()) {
      for (ConlluWord w : s.words()) {
        if (w.form().chars().anyMatch(Character::isLetter)) {
          counts.merge(w.form().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
      }
    }
    sourcesUsed.add("UD Finnish (lemma training part)");
    Path fs = corpora.resolve(FinnSentimentReader.RELATIVE_PATH);
    if (Files.isRegularFile(fs)) {
      HashSplit split = HashSplit.standard();
      for (FinnSentimentRow r : FinnSentimentReader.read(fs)) {
        if (split.partOf(r.text()) == HashSplit.Part.TRAIN) {
          countWords(r.text(), counts);
        }
      }
      sourcesUsed.add("FinnSentiment (train part)");
    }
    for (String xed : List.of("xed-fi/fi-annotated.tsv", "xed-fi/neu_fi.txt")) {
      Path p = corpora.resolve(xed);
      if (Files.isRegularFile(p)) {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null) {
            countWords(line, counts);
          }
        }
        sourcesUsed.add(xed);
      }
    }
    Path afinn = corpora.resolve("fi-lexicons/AFINN-fi-165.txt");
    if (Files.isRegularFile(afinn)) {
      for (String line : Files.readAllLines(afinn, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          countWords(line.substring(0, tab), counts);
        }
      }
      sourcesUsed.add("AFINN-fi");
    }
    return counts;
  }

  /** Minimum count of an ä/ö form to restore to it, and how much rarer the plain form must be. */
  static final long RESTORE_MIN_COUNT = 1;

  static final long RESTORE_RATIO = 5;

  /**
   * The ä/ö restoration table: plain spelling → most frequent ä/ö form, kept only when the ä/ö form
   * occurs at least {@value #RESTORE_MIN_COUNT} times and the plain spelling, as a word of its own,
   * at most 1/{@value #RESTORE_RATIO} as often ("saa" stays "saa": "sää" is rarer).
   */
  public static Map<String, String> restoreTable(Map<String, Long> counts) {
    Map<String, String> best = new HashMap<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String w = e.getKey();
      String plain = Normalizer.plain(w);
      if (plain.equals(w)) {
        continue;
      }
      String cur = best.get(plain);
      if (cur == null
          || counts.get(cur) < e.getValue()
          || (counts.get(cur).equals(e.getValue()) && w.compareTo(cur) < 0)) {
        best.put(plain, w);
      }
    }
    Map<String, String> table = new HashMap<>();
    best.forEach(
        (plain, form) -> {
          long nf = counts.get(form);
          long np = counts.getOrDefault(plain, 0L);
          if (nf >= RESTORE_MIN_COUNT && np * RESTORE_RATIO < nf) {
            table.put(plain, form);
          }
        });
    return table;
  }

  /** Known-word vocabulary: forms seen at least twice, and every dictionary form. */
  public static Set<String> vocabulary(Map<String, Long> counts, Map<String, String> dictionary) {
    Set<String> v = new HashSet<>(dictionary.keySet());
    counts.forEach(
        (w, n) -> {
          if (n >= 2) {
            v.add(w);
          }
        });
    return v;
  }

  // ---- the measured alternatives for lemmatization (not shipped unless they win) ----

  public static POSModel trainPosTagger(List<ConlluSentence> train) throws IOException {
    List<POSSample> samples = new ArrayList<>();
    for (ConlluSentence s : train) {
      String[] toks = s.words().stream().map(ConlluWord::form).toArray(String[]::new);
      String[] tags = s.words().stream().map(ConlluWord::upos).toArray(String[]::new);
      samples.add(new POSSample(toks, tags));
    }
    return POSTaggerME.train(
        "fi", new CollectionObjectStream<>(samples), params(100, 3), new POSTaggerFactory());
  }

  public static LemmatizerModel trainLemmatizerMe(List<ConlluSentence> train) throws IOException {
    List<LemmaSample> samples = new ArrayList<>();
    for (ConlluSentence s : train) {
      String[] toks =
          s.words().stream().map(w -> w.form().toLowerCase(Locale.ROOT)).toArray(String[]::new);
      String[] tags = s.words().stream().map(ConlluWord::upos).toArray(String[]::new);
      String[] lemmas =
          s.words().stream()
              .map(w -> w.plainLemma().toLowerCase(Locale.ROOT))
              .toArray(String[]::new);
      samples.add(new LemmaSample(toks, tags, lemmas));
    }
    return LemmatizerME.train(
        "fi", new CollectionObjectStream<>(samples), params(100, 3), new LemmatizerFactory());
  }

  public static byte[] bytes(opennlp.tools.util.model.BaseModel m) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    m.serialize(b);
    return b.toByteArray();
  }
}
