package fi.palvelututka.models.sentiment;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Classifies one text at a time. NOT thread-safe (OpenNLP's {@link DocumentCategorizerME} keeps
 * per-call state): create one per thread or Spark partition with {@link
 * SentimentModel#newClassifier()}.
 */
public final class SentimentClassifier {

  private final DocumentCategorizerME categorizer;
  private final int negIdx;
  private final int neuIdx;
  private final int posIdx;

  SentimentClassifier(DoccatModel model) {
    this.categorizer = new DocumentCategorizerME(model);
    this.negIdx = categorizer.getIndex(Sentiment.NEGATIVE.label());
    this.neuIdx = categorizer.getIndex(Sentiment.NEUTRAL.label());
    this.posIdx = categorizer.getIndex(Sentiment.POSITIVE.label());
  }

  public SentimentResult classify(String text) {
    String[] tokens = SentimentFeatures.tokens(text);
    if (tokens.length == 0) {
      return SentimentResult.EMPTY;
    }
    double[] p = categorizer.categorize(tokens);
    double neg = p[negIdx];
    double neu = p[neuIdx];
    double pos = p[posIdx];
    Sentiment label = Sentiment.NEUTRAL;
    if (pos > neu && pos >= neg) {
      label = Sentiment.POSITIVE;
    } else if (neg > neu && neg > pos) {
      label = Sentiment.NEGATIVE;
    }
    return new SentimentResult(label, neg, neu, pos);
  }
}
