package fi.palvelututka.models.text.train;

import fi.palvelututka.models.text.FinnishTokenizer;
import fi.palvelututka.models.text.SentenceSplitter;
import fi.palvelututka.models.text.conllu.ConlluSentence;
import fi.palvelututka.models.text.conllu.ConlluWord;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import opennlp.tools.util.Span;

/** Held-out measurements of the analyzer's parts on UD sentences (gold tokens for lemmas). */
public final class AnalyzerEvaluation {

  private AnalyzerEvaluation() {}

  /** Precision, recall, F1 of exact spans. */
  public record Prf(long gold, long predicted, long correct) {
    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Lemma accuracy over all words and over words unseen in the lemma training data. */
  public record LemmaScore(
      long words, long correct, long oovWords, long oovCorrect, double wordsPerSecond) {
    public double accuracy() {
      return words == 0 ? 0 : (double) correct / words;
    }

    public double oovAccuracy() {
      return oovWords == 0 ? 0 : (double) oovCorrect / oovWords;
    }
  }

  private static Prf compare(Set<Long> gold, Set<Long> pred) {
    long correct = 0;
    for (Long p : pred) {
      if (gold.contains(p)) {
        correct++;
      }
    }
    return new Prf(gold.size(), pred.size(), correct);
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | end;
  }

  /** Token span F1 over the sentences that carry SpaceAfter information. */
  public static Prf tokenizer(
      Function<String, List<Span>> tokenize, List<ConlluSentence> sentences) {
    long g = 0;
    long p = 0;
    long c = 0;
    for (ConlluSentence s : sentences) {
      if (!s.hasSpaceAfterAnnotation() && !s.spaceAfter().contains(false)) {
        continue;
      }
      String text = s.detokenized();
      Set<Long> gold = new HashSet<>();
      for (Span sp : UdSamples.tokenSpans(s)) {
        gold.add(key(sp.getStart(), sp.getEnd()));
      }
      Set<Long> pred = new HashSet<>();
      for (Span sp : tokenize.apply(text)) {
        pred.add(key(sp.getStart(), sp.getEnd()));
      }
      Prf r = compare(gold, pred);
      g += r.gold();
      p += r.predicted();
      c += r.correct();
    }
    return new Prf(g, p, c);
  }

  public static Function<String, List<Span>> spans(FinnishTokenizer t) {
    return text -> t.tokenize(text).stream().map(k -> new Span(k.start(), k.end())).toList();
  }

  /** Baseline: split at whitespace only. */
  public static List<Span> whitespace(String text) {
    List<Span> out = new java.util.ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (s < i) {
        out.add(new Span(s, i));
      }
    }
    return out;
  }

  /** Sentence span F1 over documents of consecutive sentences. */
  public static Prf sentences(SentenceSplitter splitter, List<ConlluSentence> sentences) {
    long g = 0;
    long p = 0;
    long c = 0;
    for (UdSamples.Document d : UdSamples.documents(sentences)) {
      Set<Long> gold = new HashSet<>();
      for (Span sp : d.sentences()) {
        gold.add(key(sp.getStart(), sp.getEnd()));
      }
      Set<Long> pred = new HashSet<>();
      for (Span sp : splitter.split(d.text())) {
        pred.add(key(sp.getStart(), sp.getEnd()));
      }
      Prf r = compare(gold, pred);
      g += r.gold();
      p += r.predicted();
      c += r.correct();
    }
    return new Prf(g, p, c);
  }

  /**
   * Lemma accuracy with gold tokens, comparing lower-cased lemmas with compound marks removed.
   * Speed: the sentences are lemmatized repeatedly for at least {@code minMillis}.
   */
  public static LemmaScore lemmas(
      Function<List<ConlluWord>, String[]> lemmatize,
      List<ConlluSentence> sentences,
      Set<String> trainingForms,
      long minMillis) {
    long words = 0;
    long correct = 0;
    long oov = 0;
    long oovCorrect = 0;
    for (ConlluSentence s : sentences) {
      String[] pred = lemmatize.apply(s.words());
      for (int i = 0; i < pred.length; i++) {
        ConlluWord w = s.words().get(i);
        boolean ok = w.plainLemma().toLowerCase(Locale.ROOT).equals(pred[i]);
        words++;
        if (ok) {
          correct++;
        }
        if (!trainingForms.contains(w.form().toLowerCase(Locale.ROOT))) {
          oov++;
          if (ok) {
            oovCorrect++;
          }
        }
      }
    }
    long t0 = System.nanoTime();
    long done = 0;
    long sink = 0;
    do {
      for (ConlluSentence s : sentences) {
        sink += lemmatize.apply(s.words()).length;
      }
      done += words;
    } while ((System.nanoTime() - t0) / 1_000_000 < minMillis);
    double secs = (System.nanoTime() - t0) / 1e9;
    if (sink < 0) {
      throw new AssertionError();
    }
    return new LemmaScore(words, correct, oov, oovCorrect, done / secs);
  }
}
