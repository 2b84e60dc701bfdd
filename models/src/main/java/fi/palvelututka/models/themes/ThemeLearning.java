package fi.palvelututka.models.themes;

import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.corpus.XedReader;
import fi.palvelututka.models.sentiment.SentimentClassifier;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import fi.palvelututka.models.tag.TagResult;
import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.conllu.ConlluReader;
import fi.palvelututka.models.text.conllu.ConlluSentence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Weak supervision for the theme detectors: Finnish corpus sentences are labelled by the taxonomy's
 * patterns, and one binary maxent model per category is trained on them. With {@code masked}, the
 * tokens a pattern matched are removed from the features, so the model must learn the context of a
 * theme rather than re-learn the cue words (the only way it can find mentions the patterns miss).
 */
public final class ThemeLearning {

  /** Negatives kept per positive (sampled with a fixed seed). */
  static final int NEGATIVES_PER_POSITIVE = 30;

  static final int ITERATIONS = 200;
  static final long SEED = 20261122L;

  /** The unlabelled sentence pool with its size per source. */
  public record Pool(List<Sentence> sentences, java.util.Map<String, Integer> sources) {}

  private ThemeLearning() {}

  /**
   * Sentences from FinnSentiment (train part of the hash split only), XED Finnish and UD Finnish
   * (TDT and FTB dev), plus optional extra review texts (JSON Lines with "text").
   */
  public static Pool pool(Path corpora, List<String> extraTexts, FinnishAnalyzer analyzer)
      throws IOException {
    java.util.Map<String, Integer> sources = new java.util.LinkedHashMap<>();
    List<Sentence> out = new ArrayList<>();
    HashSplit split = HashSplit.standard();
    int n = 0;
    for (FinnSentimentRow r : FinnSentimentReader.read(FinnSentimentReader.locate(corpora))) {
      if (split.partOf(r.text()) == HashSplit.Part.TRAIN) {
        n += addAll(analyzer.analyze(r.text()), out);
      }
    }
    sources.put("finnsentiment-train", n);
    n = 0;
    if (Files.isRegularFile(corpora.resolve(XedReader.ANNOTATED))) {
      for (LabeledText t : XedReader.read(corpora)) {
        n += addAll(analyzer.analyze(t.text()), out);
      }
    }
    sources.put("xed-fi", n);
    n = 0;
    for (String rel : List.of(ConlluReader.TDT_DEV, ConlluReader.FTB_DEV)) {
      for (ConlluSentence s : ConlluReader.read(ConlluReader.locate(corpora, rel))) {
        n += addAll(analyzer.analyze(s.text()), out);
      }
    }
    sources.put("ud-finnish-dev", n);
    n = 0;
    for (String t : extraTexts) {
      n += addAll(analyzer.analyze(t), out);
    }
    sources.put("extra-reviews", n);
    return new Pool(out, sources);
  }

  private static int addAll(Analysis a, List<Sentence> out) {
    out.addAll(a.sentences());
    return a.sentences().size();
  }

  /** Trains one model per category on the pattern-labelled pool; threshold 1 (never fires). */
  public static LearnedThemes train(
      Taxonomy taxonomy, List<Sentence> pool, boolean masked, PrintStream log) {
    PatternSet patterns = taxonomy.patterns();
    int cats = patterns.categoryCount();
    List<List<Event>> positives = new ArrayList<>();
    List<List<Event>> negatives = new ArrayList<>();
    for (int c = 0; c < cats; c++) {
      positives.add(new ArrayList<>());
      negatives.add(new ArrayList<>());
    }
    for (Sentence s : pool) {
      List<PatternSet.Match> matches = patterns.match(s);
      boolean[][] mask = new boolean[cats][];
      for (PatternSet.Match m : matches) {
        int c = m.pattern().category();
        if (mask[c] == null) {
          mask[c] = new boolean[s.tokens().size()];
        }
        for (int t : m.tokens()) {
          mask[c][t] = true;
        }
      }
      String[] plain = null;
      for (int c = 0; c < cats; c++) {
        if (mask[c] != null) {
          String[] f = LearnedThemes.features(s, masked ? mask[c] : null);
          if (f.length > 0) {
            positives.get(c).add(new Event(LearnedThemes.POSITIVE, f));
          }
        } else {
          if (plain == null) {
            plain = LearnedThemes.features(s, null);
          }
          if (plain.length > 0) {
            negatives.get(c).add(new Event("0", plain));
          }
        }
      }
    }
    MaxentModel[] models = new MaxentModel[cats];
    double[] thresholds = new double[cats];
    java.util.Arrays.fill(thresholds, 1.0);
    Random rnd = new Random(SEED);
    for (int c = 0; c < cats; c++) {
      List<Event> pos = positives.get(c);
      List<Event> neg = new ArrayList<>(negatives.get(c));
      java.util.Collections.shuffle(neg, rnd);
      int keep = Math.min(neg.size(), Math.max(200, pos.size() * NEGATIVES_PER_POSITIVE));
      List<Event> events = new ArrayList<>(pos);
      events.addAll(neg.subList(0, keep));
      log.printf(
          java.util.Locale.ROOT,
          "  %-20s weak positives %5d, negatives used %6d%n",
          patterns.categoryId(c),
          pos.size(),
          keep);
      if (pos.size() < 5) {
        continue; // too few weak labels to learn anything
      }
      java.util.Collections.shuffle(events, rnd);
      TrainingParameters params = TrainingParameters.defaultParams();
      params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
      params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
      params.put(TrainingParameters.CUTOFF_PARAM, 2);
      params.put(TrainingParameters.THREADS_PARAM, 1);
      EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
      try {
        models[c] = trainer.train(ObjectStreamUtils.createObjectStream(events));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    List<String> ids = taxonomy.categories().stream().map(ThemeCategory::id).toList();
    return new LearnedThemes(ids, models, thresholds, masked);
  }

  /** Evaluates a theme tagger (patterns plus optional learned models) on labelled items. */
  public static ThemeEvaluation evaluate(
      Taxonomy taxonomy,
      LearnedThemes learned,
      List<ThemeGold> gold,
      FinnishAnalyzer analyzer,
      SentimentModel sentiment) {
    SentimentClassifier cls = sentiment.newClassifier(analyzer);
    ThemeTagger tagger = new ThemeTagger(taxonomy, learned);
    return ThemeEvaluation.run(
        taxonomy,
        gold,
        text -> {
          Analysis a = analyzer.analyze(text);
          var matches = tagger.match(a);
          var doc = cls.classifyDocument(a, tagger.cues(matches), tagger::cues);
          return new TagResult(doc, tagger.tag(a, doc, matches));
        });
  }
}
