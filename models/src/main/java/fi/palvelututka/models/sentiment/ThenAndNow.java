package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.TokenType;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Then and now, for {@link ReviewRule#THEN_AND_NOW}: what a review says was so before, set against
 * now, judges the present by its opposite. "Ennen täällä sai hyvää kebabia, nykyään liha on kuivaa"
 * complains; "Ennen joutui jonottamaan, nyt kaikki hoituu" praises; "Harmi, sillä aikoinaan
 * suosittelin tätä kaikille" complains.
 *
 * <p>The past part runs from "ennen" (not "ennen kuin"), "aiemmin", "ennemmin" or "aikoinaan" to
 * "nyt", "nykyään", "nykyisin" or "enää" in the same sentence, or to the end of the sentence when
 * the next one begins with such a word ("Ennen palvelu oli loistavaa. Nykyään ..."); after
 * "aikoinaan" to the end of its clause without one ("aikanaan" without a "nyt" may as well be "in
 * due time": "Paketti tulee aikanaan"). The sign of its lexicon words (a negated one flipped) gives
 * {@value #CUES} cues of the opposite polarity (one against the past words' own pull, one for the
 * present); what the review says of now is scored as usual.
 *
 * <p>Stateless and thread-safe.
 */
final class ThenAndNow {

  static final Set<String> THEN = Set.of("ennen", "aiemmin", "ennemmin", "aikoinaan", "aikanaan");

  static final Set<String> NOW =
      Set.of("nyt", "nykyään", "nykyisin", "nykyaan", "nykyää", "enää", "enaa");

  /** The words after which "ennen" is a conjunction or a postposition, not "formerly". */
  static final Set<String> NOT_THEN_AFTER = Set.of("kuin", "ku", "kun");

  /** Cues of a judged past: one against its own words' pull, one for the present. */
  static final int CUES = 2;

  private ThenAndNow() {}

  /** Adds the cues of sentence {@code i} of {@code all} to {@code cues} ({negative, positive}). */
  static void addCues(
      List<Sentence> all,
      int i,
      Function<Token, SentimentFeatures.WordFeatures> words,
      int[] cues) {
    List<Token> ts = all.get(i).tokens();
    int then = -1;
    for (int k = 0; k < ts.size(); k++) {
      Token t = ts.get(k);
      if (!t.isWord()) {
        continue;
      }
      int c = words.apply(t).classes;
      if (then < 0 && (c & ReviewWords.THEN) != 0 && !conjunction(ts, k, words)) {
        then = k;
      } else if (then >= 0 && (c & ReviewWords.NOW) != 0) {
        addCue(ts, then + 1, k, words, cues);
        return;
      }
    }
    if (then < 0) {
      return;
    }
    if (i + 1 < all.size() && beginsWithNow(all.get(i + 1), words)) {
      addCue(ts, then + 1, ts.size(), words, cues);
    } else if (ts.get(then).norm().equals("aikoinaan")) {
      int end = then + 1;
      while (end < ts.size()
          && !(ts.get(end).type() == TokenType.PUNCT && ts.get(end).text().equals(","))
          && !ts.get(end).norm().equals("mutta")) {
        end++;
      }
      addCue(ts, then + 1, end, words, cues);
    }
  }

  private static boolean conjunction(
      List<Token> ts, int k, Function<Token, SentimentFeatures.WordFeatures> words) {
    return k + 1 < ts.size()
        && ts.get(k).norm().equals("ennen")
        && ts.get(k + 1).isWord()
        && (words.apply(ts.get(k + 1)).classes & ReviewWords.KUIN) != 0;
  }

  private static boolean beginsWithNow(
      Sentence s, Function<Token, SentimentFeatures.WordFeatures> words) {
    int seen = 0;
    for (Token t : s.tokens()) {
      if (!t.isWord()) {
        continue;
      }
      if ((words.apply(t).classes & ReviewWords.NOW) != 0) {
        return true;
      }
      if (++seen == 2) {
        return false;
      }
    }
    return false;
  }

  private static void addCue(
      List<Token> ts,
      int from,
      int to,
      Function<Token, SentimentFeatures.WordFeatures> words,
      int[] cues) {
    int sum = 0;
    for (int k = from; k < to; k++) {
      Token t = ts.get(k);
      if (t.isWord()) {
        int v = Integer.signum(words.apply(t).score);
        sum += t.negated() ? -v : v;
      }
    }
    if (sum > 0) {
      cues[0] += CUES;
    } else if (sum < 0) {
      cues[1] += CUES;
    }
  }
}
