package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.TokenType;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Irony in a review sentence, for {@link ReviewRule#IRONY}: praise words that mean a complaint.
 *
 * <ul>
 *   <li>an <b>ironic opener</b>: the sentence begins (after at most two particles such as "no",
 *       "jes", "tosi") with a positive lexicon word, at most one more word, and then a comma, a
 *       colon, "että" or "kun" ("Ihanaa, että pankki perii nyt 3 euroa kuussa", "Mahtavaa palvelua:
 *       konttori suljettiin", "No kiva, kortinlukija ei toimi taas"), and the rest of the sentence
 *       says something negative: a negative lexicon word, a negation verb or a complaint cue;
 *   <li>thanks with a dismissive particle ("Kiitos vaan", "kiitti vaa") in a sentence with no other
 *       positive lexicon word: nothing to thank for;
 *   <li>a <b>marker</b>: thanks with a dismissive particle, an irony emoji (🙃 🙄 😒), or a word or
 *       two in quotation marks (the business's own words quoted back: "kotiinkuljetus", "asiakkaan
 *       etu", "työn alla"); a marker counts only in a review that also complains elsewhere (a
 *       complaint cue or a negative lexicon word in another sentence) or has a second marker.
 * </ul>
 *
 * Each ironic sentence gets {@value #CUES} complaint cues: enough to outweigh its praise word.
 *
 * <p>Stateless and thread-safe.
 */
final class Irony {

  /** Complaint cues an ironic sentence gets. */
  static final int CUES = 2;

  /** Particles an ironic opener may start with. */
  static final Set<String> PARTICLES =
      Set.of(
          "no", "jes", "jee", "voi", "oi", "ai", "kas", "tosi", "todella", "kyllä", "kyl",
          "kylläpä", "niin", "aivan", "ihan", "just", "taas", "jälleen", "että", "onpa", "olipa",
          "onhan");

  /** Words after which an opener's praise word turns to what it is about. */
  static final Set<String> OPENER_ENDS = Set.of("että", "et", "kun", "ku", "etta");

  static final Set<String> THANKS =
      Set.of("kiitos", "kiitti", "kiitoksia", "kiitokset", "kiits", "kiitoksii");

  static final Set<String> DISMISSIVE = Set.of("vaan", "vain", "vaa");

  static final Set<String> IRONY_EMOJI = Set.of("🙃", "🙄", "😒");

  /** Most words a quoted span may have to count as quoting the business back. */
  static final int QUOTED_WORDS = 3;

  private Irony() {}

  /** What {@link #of} found in one sentence. */
  /**
   * @param opener an ironic opener
   * @param marker a marker (counts with context)
   * @param bareThanks dismissive thanks in a sentence without another positive word (irony when the
   *     rest of the review praises nothing either)
   */
  record Found(boolean opener, boolean marker, boolean bareThanks) {}

  /**
   * The irony of one sentence.
   *
   * @param words a word token's features (lexicon score, {@link ReviewWords} classes)
   * @param complaintCues the sentence's complaint cues found so far
   */
  static Found of(
      Sentence s, Function<Token, SentimentFeatures.WordFeatures> words, int complaintCues) {
    List<Token> ts = s.tokens();
    boolean marker = false;
    int quoteOpen = -1;
    int wordsInQuote = 0;
    int positives = 0;
    boolean dismissiveThanks = false;
    for (int i = 0; i < ts.size(); i++) {
      Token t = ts.get(i);
      int c = 0;
      if (t.isWord()) {
        SentimentFeatures.WordFeatures f = words.apply(t);
        c = f.classes;
        if (!t.negated() && f.score > 0 && (c & ReviewWords.THANKS) == 0) {
          positives++;
        }
      }
      if (t.type() == TokenType.EMOJI && IRONY_EMOJI.contains(t.text())) {
        marker = true;
      } else if ((c & ReviewWords.THANKS) != 0
          && i + 1 < ts.size()
          && ts.get(i + 1).isWord()
          && (words.apply(ts.get(i + 1)).classes & ReviewWords.DISMISSIVE) != 0) {
        marker = true;
        dismissiveThanks = true;
      } else if (isQuote(t)) {
        if (quoteOpen >= 0 && wordsInQuote >= 1 && wordsInQuote <= QUOTED_WORDS) {
          marker = true;
        }
        quoteOpen = quoteOpen >= 0 ? -1 : i;
        wordsInQuote = 0;
      } else if (quoteOpen >= 0 && t.isWord()) {
        wordsInQuote++;
      }
    }
    return new Found(opener(ts, words, complaintCues), marker, dismissiveThanks && positives == 0);
  }

  private static boolean isQuote(Token t) {
    if (t.type() != TokenType.PUNCT || t.text().length() != 1) {
      return false;
    }
    char c = t.text().charAt(0);
    return c == '"' || c == '\u201c' || c == '\u201d' || c == '\u201e' || c == '\u00bb';
  }

  /** Whether the sentence opens with praise about something its rest complains of. */
  private static boolean opener(
      List<Token> ts, Function<Token, SentimentFeatures.WordFeatures> words, int complaintCues) {
    int i = 0;
    int n = ts.size();
    int particles = 0;
    while (i < n
        && particles < 2
        && ts.get(i).isWord()
        && (words.apply(ts.get(i)).classes & ReviewWords.PARTICLE) != 0) {
      i++;
      particles++;
      if (i < n && ts.get(i).type() == TokenType.PUNCT && ts.get(i).text().equals(",")) {
        i++; // "Jes, ..."
      }
    }
    if (i >= n || !ts.get(i).isWord() || words.apply(ts.get(i)).score <= 0) {
      return false;
    }
    int praise = i;
    // the praise word, at most one more word, then "," ":" "että" "kun"
    int end = -1;
    for (int j = praise + 1; j <= praise + 2 && j < n; j++) {
      Token t = ts.get(j);
      if (t.type() == TokenType.PUNCT && (t.text().equals(",") || t.text().equals(":"))) {
        end = j;
        break;
      }
      if (t.isWord() && (words.apply(t).classes & ReviewWords.OPENER_END) != 0) {
        end = j;
        break;
      }
      if (!t.isWord()) {
        return false;
      }
    }
    if (end < 0) {
      return false;
    }
    // the rest complains (a complaint cue, a negation, a negative word or a negated positive one)
    // and praises nothing (a positive word, or a negated negative one)
    boolean complains = complaintCues > 0;
    for (int j = end + 1; j < n; j++) {
      Token t = ts.get(j);
      int v = t.isWord() ? words.apply(t).score : 0;
      if (v != 0 && (v > 0) != t.negated()) {
        return false;
      }
      complains |= t.negator() || v != 0;
    }
    return complains;
  }
}
