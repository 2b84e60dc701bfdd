package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The token sequence the sentiment categorizer sees, from the {@link
 * fi.palvelututka.models.text.FinnishAnalyzer}'s analysis. Training and tagging must use exactly
 * this class, so it is part of the model contract: changing it requires retraining.
 *
 * <p>Words give their lemma ("huonoa" → "huono"), prefixed "neg_" inside a negation scope ("ei
 * ollut hyvää" → "ei", "neg_olla", "neg_hyvä"); emoticons their class (EMO_HAPPY, ...); emoji
 * themselves; runs of "!" give "!" or "!!"; "?" gives "?". Numbers, URLs, mentions and other
 * punctuation carry no sentiment and are left out.
 *
 * <p>Stateless and thread-safe.
 */
public final class SentimentFeatures {

  private SentimentFeatures() {}

  public static String[] tokens(Analysis analysis) {
    List<String> out = new ArrayList<>(analysis.tokenCount());
    for (Sentence s : analysis.sentences()) {
      for (Token t : s.tokens()) {
        switch (t.type()) {
          case WORD -> out.add(t.negated() ? "neg_" + t.lemma() : t.lemma());
          case EMOTICON, EMOJI -> out.add(t.norm());
          case PUNCT -> {
            if (t.text().startsWith("!")) {
              out.add(t.text().length() > 1 ? "!!" : "!");
            } else if (t.text().startsWith("?")) {
              out.add("?");
            }
          }
          case HASHTAG -> out.add(t.norm());
          default -> {
            // numbers, symbols, URLs, e-mail, mentions: no sentiment
          }
        }
      }
    }
    return out.toArray(new String[0]);
  }
}
