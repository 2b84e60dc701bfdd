package fi.palvelututka.models.themes;

import fi.palvelututka.models.sentiment.DocumentSentiment;
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

  /** Mentions in review order (sentence, then taxonomy order of the category). */
  public List<AspectMention> tag(Analysis analysis, DocumentSentiment sentiment) {
    // the document sentiment lists the analysis' sentences in the same order
    List<DocumentSentiment.SentenceSentiment> sentiments = sentiment.sentences();
    List<Sentence> sentences = analysis.sentences();
    List<AspectMention> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      List<PatternSet.Match> matches = patterns.match(s);
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

  private void tagSentence(
      Sentence s, List<PatternSet.Match> matches, SentimentResult sent, List<AspectMention> out) {
    int cats = patterns.categoryCount();
    boolean[][] judged = new boolean[cats][2]; // [category][polarity ordinal]
    boolean[] named = new boolean[cats];
    for (PatternSet.Match m : matches) {
      int c = m.pattern().category();
      if (m.pattern().kind() == PatternSet.Kind.NEUTRAL) {
        named[c] = true;
        continue;
      }
      Polarity p =
          m.pattern().kind() == PatternSet.Kind.COMPLAINT ? Polarity.COMPLAINT : Polarity.PRAISE;
      if (!m.pattern().explicitNegation() && m.negatedCue()) {
        p = p.flip();
      }
      judged[c][p.ordinal()] = true;
    }
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
