package fi.palvelututka.models.themes;

import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.sentiment.ReviewCues;
import fi.palvelututka.models.sentiment.Sentiment;
import fi.palvelututka.models.sentiment.SentimentResult;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds service-quality themes in an analysed review, per sentence and multi-label, with a polarity
 * per mention and the sentence as evidence.
 *
 * <p>Per sentence: the taxonomy's patterns are matched ({@link PatternSet}). A complaint or praise
 * pattern gives its polarity (flipped under negation); a neutral pattern (the theme is named but
 * not judged: "jono", "hinta") takes the polarity of the sentence's sentiment and gives nothing in
 * a neutral sentence, so informational text ("Parkkipaikka takapihalla.") yields no theme. When one
 * sentence holds both polarities of a category from judging patterns, the one that agrees with the
 * sentence's sentiment is kept (both when the sentence is neutral).
 *
 * <p>The judging patterns are also the sentiment model's review cues ({@link #cues(List)}): the
 * {@code ReviewTagger} matches each sentence once and gives the matches to both.
 *
 * <p>Thread-safe (stateless apart from the immutable pattern set).
 */
public final class ThemeTagger {

  /** Confidence of a judging pattern whose polarity agrees with the sentence's sentiment. */
  static final double AGREE = 0.9;

  /** Confidence of a judging pattern in a neutral sentence. */
  static final double NEUTRAL_SENTENCE = 0.75;

  /** Confidence of a judging pattern whose polarity disagrees with the sentence's sentiment. */
  static final double DISAGREE = 0.6;

  private final PatternSet patterns;
  private final LearnedThemes learned;

  public ThemeTagger(Taxonomy taxonomy) {
    this(taxonomy, null);
  }

  /**
   * A tagger whose patterns are complemented by learned detectors (null: patterns only); the
   * learned categories must be the taxonomy's, in the same order.
   */
  public ThemeTagger(Taxonomy taxonomy, LearnedThemes learned) {
    this.patterns = taxonomy.patterns();
    if (learned != null) {
      List<String> ids = taxonomy.categories().stream().map(ThemeCategory::id).toList();
      if (!learned.categories().equals(ids)) {
        throw new IllegalArgumentException(
            "Learned theme models were trained for " + learned.categories() + ", not " + ids);
      }
    }
    this.learned = learned;
  }

  public PatternSet patterns() {
    return patterns;
  }

  /** The pattern matches of each sentence of the analysis, in order. */
  public List<List<PatternSet.Match>> match(Analysis analysis) {
    List<Sentence> sentences = analysis.sentences();
    List<List<PatternSet.Match>> out = new ArrayList<>(sentences.size());
    for (Sentence s : sentences) {
      out.add(patterns.match(s));
    }
    return out;
  }

  /**
   * Per sentence, {complaint, praise}: how many categories a judging pattern gives that polarity
   * (after negation), the review-domain evidence the sentiment model's review mode weighs ({@code
   * SentimentClassifier#classifyDocument(Analysis, int[][])}).
   */
  public int[][] cues(List<List<PatternSet.Match>> matches) {
    int[][] out = new int[matches.size()][];
    for (int i = 0; i < out.length; i++) {
      if (matches.get(i).isEmpty()) {
        out[i] = new int[2]; // most sentences: no pattern, nothing to judge
        continue;
      }
      boolean[][] judged = judged(matches.get(i), null);
      int[] c = new int[2];
      for (boolean[] j : judged) {
        c[0] += j[Polarity.COMPLAINT.ordinal()] ? 1 : 0;
        c[1] += j[Polarity.PRAISE.ordinal()] ? 1 : 0;
      }
      out[i] = c;
    }
    return out;
  }

  /** {@link #cues(List)} of the analysis' matches; a {@link ReviewCues} for the sentiment model. */
  public int[][] cues(Analysis analysis) {
    return cues(match(analysis));
  }

  /** Mentions in review order (sentence, then taxonomy order of the category). */
  public List<AspectMention> tag(Analysis analysis, DocumentSentiment sentiment) {
    return tag(analysis, sentiment, match(analysis));
  }

  /** As {@link #tag(Analysis, DocumentSentiment)}, over matches from {@link #match(Analysis)}. */
  public List<AspectMention> tag(
      Analysis analysis, DocumentSentiment sentiment, List<List<PatternSet.Match>> allMatches) {
    // the document sentiment lists the analysis' sentences in the same order
    List<DocumentSentiment.SentenceSentiment> sentiments = sentiment.sentences();
    List<Sentence> sentences = analysis.sentences();
    List<AspectMention> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      List<PatternSet.Match> matches = allMatches.get(i);
      if (matches.isEmpty() && learned == null) {
        continue;
      }
      SentimentResult sent =
          i < sentiments.size() && sentiments.get(i).start() == s.start()
              ? sentiments.get(i).sentiment()
              : SentimentResult.EMPTY;
      tagSentence(s, matches, sent, out);
    }
    return out;
  }

  /**
   * [category][polarity ordinal]: whether a judging pattern gives the category that polarity (after
   * negation); categories named by a neutral pattern are marked in {@code named} (if not null).
   */
  private boolean[][] judged(List<PatternSet.Match> matches, boolean[] named) {
    boolean[][] judged = new boolean[patterns.categoryCount()][2];
    for (PatternSet.Match m : matches) {
      int c = m.pattern().category();
      if (m.pattern().kind() == PatternSet.Kind.NEUTRAL) {
        if (named != null) {
          named[c] = true;
        }
        continue;
      }
      Polarity p =
          m.pattern().kind() == PatternSet.Kind.COMPLAINT ? Polarity.COMPLAINT : Polarity.PRAISE;
      if (!m.pattern().explicitNegation() && m.negatedCue()) {
        p = p.flip();
      }
      judged[c][p.ordinal()] = true;
    }
    return judged;
  }

  private void tagSentence(
      Sentence s, List<PatternSet.Match> matches, SentimentResult sent, List<AspectMention> out) {
    int cats = patterns.categoryCount();
    boolean[] named = new boolean[cats];
    boolean[][] judged = judged(matches, named);
    Polarity fromSentence =
        switch (sent.label()) {
          case POSITIVE -> Polarity.PRAISE;
          case NEGATIVE -> Polarity.COMPLAINT;
          case NEUTRAL -> null;
        };
    double[] learnedP = null;
    for (int c = 0; c < cats; c++) {
      boolean complaint = judged[c][Polarity.COMPLAINT.ordinal()];
      boolean praise = judged[c][Polarity.PRAISE.ordinal()];
      if (complaint && praise && fromSentence != null) {
        complaint = fromSentence == Polarity.COMPLAINT;
        praise = !complaint;
      }
      if (complaint) {
        out.add(mention(c, Polarity.COMPLAINT, judgedConfidence(Polarity.COMPLAINT, sent), s));
      }
      if (praise) {
        out.add(mention(c, Polarity.PRAISE, judgedConfidence(Polarity.PRAISE, sent), s));
      }
      if (!complaint && !praise && named[c] && fromSentence != null) {
        double conf = Math.max(sent.positive(), sent.negative());
        out.add(mention(c, fromSentence, conf, s));
      }
      if (!complaint && !praise && !named[c] && fromSentence != null && learned != null) {
        if (learnedP == null) {
          learnedP = learned.probabilities(s);
        }
        if (learnedP[c] >= learned.threshold(c)) {
          double conf = learnedP[c] * Math.max(sent.positive(), sent.negative());
          out.add(mention(c, fromSentence, conf, s));
        }
      }
    }
  }

  private static double judgedConfidence(Polarity p, SentimentResult sent) {
    if (sent.label() == Sentiment.NEUTRAL) {
      return NEUTRAL_SENTENCE;
    }
    boolean agree = (p == Polarity.PRAISE) == (sent.label() == Sentiment.POSITIVE);
    return agree ? AGREE : DISAGREE;
  }

  private AspectMention mention(int c, Polarity p, double confidence, Sentence s) {
    return new AspectMention(
        patterns.categoryId(c), p.label(), round(confidence), s.text(), s.start(), s.end());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
