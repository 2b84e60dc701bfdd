package fi.palvelututka.models.corpus;

import fi.palvelututka.models.sentiment.Sentiment;

/**
 * One FinnSentiment sentence: the three annotators' labels (-1/0/1), the majority label and the
 * text. The {@code preannot_*} columns of the corpus are automatic heuristics, not gold, and are
 * deliberately not read.
 */
public record FinnSentimentRow(int row, int a, int b, int c, Sentiment majority, String text) {

  /** True when all three annotators gave the same label. */
  public boolean unanimous() {
    return a == b && b == c;
  }

  /** Number of annotators (0..3) that agree with the majority label. */
  public int agreement() {
    int m = majority.polarity();
    return (a == m ? 1 : 0) + (b == m ? 1 : 0) + (c == m ? 1 : 0);
  }
}
