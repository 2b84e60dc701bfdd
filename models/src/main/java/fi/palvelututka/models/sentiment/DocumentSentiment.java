package fi.palvelututka.models.sentiment;

import java.util.List;

/**
 * Sentiment of a whole review: label in {positive, neutral, negative, mixed}; probabilities of the
 * four (mixed = the score that the review holds both a clearly positive and a clearly negative
 * sentence; the other three share the rest in proportion to the document's calibrated
 * probabilities); score = P(positive) − P(negative) in [-1, 1]; and the sentences with their own
 * sentiment (offsets into the review text).
 */
public record DocumentSentiment(
    String label,
    double negative,
    double neutral,
    double positive,
    double mixed,
    List<SentenceSentiment> sentences) {

  public static final String MIXED = "mixed";

  public double score() {
    return positive - negative;
  }

  /** One sentence's sentiment. */
  public record SentenceSentiment(int start, int end, SentimentResult sentiment) {}
}
