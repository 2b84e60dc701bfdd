package fi.palvelututka.models.tag;

import fi.palvelututka.models.sentiment.DocumentSentiment;
import java.util.List;

/** Everything the tagger says about one review: document and sentence sentiment, themes. */
public record TagResult(DocumentSentiment sentiment, List<AspectMention> aspects) {

  public TagResult {
    aspects = List.copyOf(aspects);
  }
}
