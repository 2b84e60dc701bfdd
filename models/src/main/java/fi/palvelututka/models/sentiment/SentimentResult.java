package fi.palvelututka.models.sentiment;

/**
 * A sentiment decision with its class probabilities (summing to 1) and a score in [-1, 1] defined
 * as {@code P(positive) - P(negative)}.
 */
public record SentimentResult(Sentiment label, double negative, double neutral, double positive) {

  public double score() {
    return positive - negative;
  }

  public double probability(Sentiment s) {
    return switch (s) {
      case NEGATIVE -> negative;
      case NEUTRAL -> neutral;
      case POSITIVE -> positive;
    };
  }

  /** The result for text with nothing to classify (empty or whitespace only). */
  public static final SentimentResult EMPTY = new SentimentResult(Sentiment.NEUTRAL, 0, 1, 0);
}
