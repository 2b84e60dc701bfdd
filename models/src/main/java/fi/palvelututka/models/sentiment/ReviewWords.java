package fi.palvelututka.models.sentiment;

/**
 * The word classes the review rules look for ({@link Suggestion}, {@link Irony}, {@link
 * ThenAndNow}, the concessive adverbs of {@link ReviewRule#CONTRAST_ADVERB}), as bits computed once
 * per word form and kept with its lexicon score ({@link SentimentFeatures.WordFeatures#classes}):
 * the rules walk every sentence of every review, and a dozen set lookups per token cost the tagger
 * about a tenth of its time.
 */
final class ReviewWords {

  static final int SUGGEST = 1;
  static final int OPTATIVE = 1 << 1;
  static final int OLLA_CONDITIONAL = 1 << 2;
  static final int HOPING = 1 << 3;
  static final int FROM_NOW_ON = 1 << 4;
  static final int SAME_AGAIN = 1 << 5;
  static final int SOONER = 1 << 6;
  static final int NEXT_TIME = 1 << 7;
  static final int KERRALLA = 1 << 8;
  static final int SITTEN = 1 << 9;
  static final int CONDITIONAL = 1 << 10;
  static final int WHY = 1 << 11;
  static final int HOW = 1 << 12;
  static final int HOW_RHETORICAL = 1 << 13;
  static final int IF = 1 << 14;
  static final int FIRST_PERSON_OLLA = 1 << 15;
  static final int PARTICLE = 1 << 16;
  static final int OPENER_END = 1 << 17;
  static final int THANKS = 1 << 18;
  static final int DISMISSIVE = 1 << 19;
  static final int THEN = 1 << 20;
  static final int NOW = 1 << 21;
  static final int KUIN = 1 << 22;
  static final int CONCESSIVE = 1 << 23;
  static final int OPTATIVE_FIRST_PERSON = 1 << 24;

  private ReviewWords() {}

  /** The class bits of a normalized word form. */
  static int classes(String w) {
    int c = 0;
    c |= Suggestion.WISHING.contains(w) || Suggestion.SUGGESTING.contains(w) ? SUGGEST : 0;
    c |= Suggestion.OPTATIVE.contains(w) ? OPTATIVE : 0;
    c |= Suggestion.OPTATIVE.contains(w) && w.endsWith("inpa") ? OPTATIVE_FIRST_PERSON : 0;
    c |= Suggestion.OLLA_CONDITIONAL.contains(w) ? OLLA_CONDITIONAL : 0;
    c |= Suggestion.HOPING.contains(w) ? HOPING : 0;
    c |= Suggestion.FROM_NOW_ON.contains(w) ? FROM_NOW_ON : 0;
    c |= Suggestion.SAME_AGAIN.contains(w) ? SAME_AGAIN : 0;
    c |= Suggestion.SOONER.contains(w) ? SOONER : 0;
    c |= Suggestion.NEXT_TIME.contains(w) ? NEXT_TIME : 0;
    c |= w.equals("kerralla") ? KERRALLA : 0;
    c |= w.equals("sitten") ? SITTEN : 0;
    c |=
        Suggestion.SHORT_CONDITIONALS.contains(w) || w.endsWith("isi") || w.endsWith("isin")
            ? CONDITIONAL
            : 0;
    c |= Suggestion.WHY.contains(w) ? WHY : 0;
    c |= Suggestion.HOW.contains(w) ? HOW : 0;
    c |= Suggestion.HOW_RHETORICAL.contains(w) ? HOW_RHETORICAL : 0;
    c |= w.equals("jos") ? IF : 0;
    c |= w.equals("olisin") || w.equals("oisin") ? FIRST_PERSON_OLLA : 0;
    c |= Irony.PARTICLES.contains(w) ? PARTICLE : 0;
    c |= Irony.OPENER_ENDS.contains(w) ? OPENER_END : 0;
    c |= Irony.THANKS.contains(w) ? THANKS : 0;
    c |= Irony.DISMISSIVE.contains(w) ? DISMISSIVE : 0;
    c |= ThenAndNow.THEN.contains(w) ? THEN : 0;
    c |= ThenAndNow.NOW.contains(w) ? NOW : 0;
    c |= ThenAndNow.NOT_THEN_AFTER.contains(w) ? KUIN : 0;
    c |= SentimentClassifier.CONCESSIVE.contains(w) ? CONCESSIVE : 0;
    return c;
  }
}
