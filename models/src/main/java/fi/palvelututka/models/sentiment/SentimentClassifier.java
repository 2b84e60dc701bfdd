package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.FinnishAnalyzer;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Classifies one text at a time. NOT thread-safe (OpenNLP's {@link DocumentCategorizerME} keeps
 * per-call state): create one per thread or Spark partition with {@link
 * SentimentModel#newClassifier()}; it holds its own {@link FinnishAnalyzer} unless given one.
 */
public final class SentimentClassifier {

  private final DocumentCategorizerME categorizer;
  private final FinnishAnalyzer analyzer;
  private final int negIdx;
  private final int neuIdx;
  private final int posIdx;

  SentimentClassifier(DoccatModel model, FinnishAnalyzer analyzer) {
    this.categorizer = new DocumentCategorizerME(model);
    this.analyzer = analyzer;
    this.negIdx = categorizer.getIndex(Sentiment.NEGATIVE.label());
    this.neuIdx = categorizer.getIndex(Sentiment.NEUTRAL.label());
    this.posIdx = categorizer.getIndex(Sentiment.POSITIVE.label());
  }

  public SentimentResult classify(String text) {
    return classify(analyzer.analyze(text));
  }

  /** Classifies an analysis made by the same analyzer bundle the model was trained with. */
  public SentimentResult classify(Analysis analysis) {
    String[] tokens = SentimentFeatures.tokens(analysis);
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
