package fi.palvelututka.models.tag;

import fi.palvelututka.models.sentiment.SentimentResult;
import java.util.List;

/** Everything the tagger says about one review. */
public record TagResult(SentimentResult sentiment, List<AspectMention> aspects) {

  public TagResult {
    aspects = List.copyOf(aspects);
  }
}
