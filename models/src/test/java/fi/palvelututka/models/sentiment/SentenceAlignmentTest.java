package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.DocumentSentiment.SentenceSentiment;
import fi.palvelututka.models.sentiment.SentimentEvaluation.GoldSentence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SentimentEvaluation#addSentences}: gold sentences against the tagger's sentences. */
class SentenceAlignmentTest {

  private static SentenceSentiment s(int start, int end, Sentiment label) {
    return new SentenceSentiment(start, end, new SentimentResult(label, 0, 0, 0));
  }

  private static DocumentSentiment doc(SentenceSentiment... ss) {
    return new DocumentSentiment("mixed", 0, 0, 0, 1, List.of(ss));
  }

  @Test
  void eachGoldSentenceTakesTheLabelOfThePredictedSentenceThatOverlapsItMost() {
    String text = "Hyvä ruoka. Tyly tarjoilija, mutta halpa. Avoinna klo 8.";
    //             0          11                             41
    // the tagger split the middle sentence in two (at 29) and joined nothing else
    DocumentSentiment d =
        doc(
            s(0, 11, Sentiment.POSITIVE),
            s(12, 28, Sentiment.NEGATIVE),
            s(29, 41, Sentiment.POSITIVE),
            s(42, 56, Sentiment.NEUTRAL));
    ClassificationReport r = new ClassificationReport(SentimentEvaluation.LABELS3);
    int missed =
        SentimentEvaluation.addSentences(
            r,
            text,
            d,
            List.of(
                new GoldSentence("Hyvä ruoka.", "positive"),
                new GoldSentence("Tyly tarjoilija, mutta halpa.", "negative"),
                new GoldSentence("Avoinna klo 8.", "neutral")));
    assertThat(missed).isZero();
    assertThat(r.total()).isEqualTo(3);
    // "Tyly tarjoilija," (16 characters) overlaps the gold sentence more than "mutta halpa." (12)
    assertThat(r.accuracy()).isEqualTo(1.0);
  }

  @Test
  void goldSentencesAreFoundInOrderAndMissingOnesAreCounted() {
    String text = "Hyvä. Hyvä. Huono.";
    DocumentSentiment d =
        doc(
            s(0, 5, Sentiment.POSITIVE),
            s(6, 11, Sentiment.NEGATIVE),
            s(12, 18, Sentiment.NEGATIVE));
    ClassificationReport r = new ClassificationReport(SentimentEvaluation.LABELS3);
    int missed =
        SentimentEvaluation.addSentences(
            r,
            text,
            d,
            List.of(
                new GoldSentence("Hyvä.", "positive"),
                new GoldSentence("Hyvä.", "positive"), // the second one, at 6: predicted negative
                new GoldSentence("Ei tätä tekstissä.", "neutral"),
                new GoldSentence("", "neutral")));
    assertThat(missed).isEqualTo(2);
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.accuracy()).isEqualTo(0.5);
  }
}
