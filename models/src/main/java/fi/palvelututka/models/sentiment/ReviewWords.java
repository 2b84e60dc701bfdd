package fi.palvelututka.models.sentiment;

import java.util.List;
import java.util.Set;

/**
 * The word classes the review rules look for ({@link Suggestion}, {@link Irony}, {@link
 * ThenAndNow}, the concessive adverbs of {@link ReviewRule#CONTRAST_ADVERB}, the remedy verbs of
 * {@link ReviewRule#REMEDY}), as bits computed once per word form and kept with its lexicon score
 * ({@link SentimentFeatures.WordFeatures#classes}): the rules walk every sentence of every review,
 * and a dozen set lookups per token cost the tagger about a tenth of its time.
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
  static final int REMEDY = 1 << 25;

  /**
   * A lexicon word whose negation says nothing good or bad of a business ({@link #NO_NEGATED_CUE}
   * lemmas): AFINN-fi entries translated from English words that are something else in Finnish
   * ("pystyä" −2, "pitää" −2: "ei pysty lukemaan", "ei pidä paikkaansa"), or that describe ("iso",
   * "suuri") or only structure a sentence ("asia", "kyllä").
   */
  static final int NOT_JUDGING = 1 << 26;

  /**
   * An apology ({@link #APOLOGIES}): AFINN-fi scores it negative (the English "sorry"), but in a
   * service review an apology is owed, and its absence is the complaint: "kukaan ei edes pyytänyt
   * anteeksi", "Ei minkäänlaista pahoittelua".
   */
  static final int APOLOGY = 1 << 27;

  /** Lemmas of {@link #NOT_JUDGING}. */
  static final Set<String> NO_NEGATED_CUE =
      Set.of(
          "pystyä",
          "pysty",
          "pitää",
          "iso",
          "suuri",
          "vaikuttaa",
          "asia",
          "kyllä",
          "jäädä",
          "uskoa",
          "usko",
          "tuntea",
          "tunne",
          "yksin",
          "tapa",
          "kuten",
          "liittyä",
          "erota",
          "jumala",
          "merkitys",
          "ihme");

  /** Lemmas of {@link #APOLOGY}. */
  static final Set<String> APOLOGIES =
      Set.of("anteeksi", "anteeksipyyntö", "pahoittelu", "pahoittelut", "pahoitella");

  private ReviewWords() {}

  /** Word classes listed by form, and the bit of each (same order). */
  private static final List<Set<String>> FORM_CLASSES =
      List.of(
          Suggestion.WISHING,
          Suggestion.SUGGESTING,
          Suggestion.OPTATIVE,
          Suggestion.OLLA_CONDITIONAL,
          Suggestion.HOPING,
          Suggestion.FROM_NOW_ON,
          Suggestion.SAME_AGAIN,
          Suggestion.SOONER,
          Suggestion.NEXT_TIME,
          Set.of("kerralla"),
          Set.of("sitten"),
          Suggestion.SHORT_CONDITIONALS,
          Suggestion.WHY,
          Suggestion.HOW,
          Suggestion.HOW_RHETORICAL,
          Set.of("jos"),
          Set.of("olisin", "oisin"),
          Irony.PARTICLES,
          Irony.OPENER_ENDS,
          Irony.THANKS,
          Irony.DISMISSIVE,
          ThenAndNow.THEN,
          ThenAndNow.NOW,
          ThenAndNow.NOT_THEN_AFTER,
          SentimentClassifier.CONCESSIVE);

  private static final int[] FORM_BITS = {
    SUGGEST,
    SUGGEST,
    OPTATIVE,
    OLLA_CONDITIONAL,
    HOPING,
    FROM_NOW_ON,
    SAME_AGAIN,
    SOONER,
    NEXT_TIME,
    KERRALLA,
    SITTEN,
    CONDITIONAL,
    WHY,
    HOW,
    HOW_RHETORICAL,
    IF,
    FIRST_PERSON_OLLA,
    PARTICLE,
    OPENER_END,
    THANKS,
    DISMISSIVE,
    THEN,
    NOW,
    KUIN,
    CONCESSIVE
  };

  /** The class bits of a lemma ({@link #NOT_JUDGING}, {@link #APOLOGY}). */
  static int lemmaClasses(String lemma) {
    if (NO_NEGATED_CUE.contains(lemma)) {
      return NOT_JUDGING;
    }
    return APOLOGIES.contains(lemma) ? APOLOGY : 0;
  }

  /** The class bits of a normalized word form. */
  static int classes(String w) {
    int c = 0;
    for (int k = 0; k < FORM_CLASSES.size(); k++) {
      if (FORM_CLASSES.get(k).contains(w)) {
        c |= FORM_BITS[k];
      }
    }
    if ((c & OPTATIVE) != 0 && w.endsWith("inpa")) {
      c |= OPTATIVE_FIRST_PERSON; // "olisinpa"
    }
    for (String stem : SentimentClassifier.REMEDY_STEMS) {
      if (w.startsWith(stem)) {
        c |= REMEDY;
        break;
      }
    }
    if (w.endsWith("isi") || w.endsWith("isin")) {
      c |= CONDITIONAL; // "olisi", "tekisi", "voisin"; the colloquial -is forms are listed
    }
    return c;
  }
}
