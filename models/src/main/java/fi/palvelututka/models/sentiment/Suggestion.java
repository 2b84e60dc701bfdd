package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.TokenType;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Suggestions and rhetorical questions in a review sentence, for {@link ReviewRule#SUGGESTION}: a
 * reviewer who tells the business what to do better, or asks why it did what it did, complains,
 * whatever words the sentence uses. {@link Wish} covers "olisi voinut olla parempi"; this covers
 * the other shapes.
 *
 * <ul>
 *   <li>a first-person conditional of wishing or missing: "Toivoisin, että ...", "kaipaisin
 *       selkeämpää tietoa", "toivois";
 *   <li>"olisi kiva / hienoa / hyvä, jos ..." (a conditional of "olla" with "jos" at most {@value
 *       #IF_WINDOW} words on);
 *   <li>"kunpa", "jospa", "olisipa" (but a first person's regret of not coming sooner is praise:
 *       "Olisinpa löytänyt tämän jo vuosia sitten", "Kunpa olisin tiennyt tästä aiemmin");
 *   <li>"kannattaisi" ("Ajanvaraukseen kannattaisi panostaa"), "voisitteko", "voisiko", "voisitte";
 *   <li>"ehdotan", "ehdottaisin", "parannusehdotus", "kehitysehdotus";
 *   <li>"ensi / seuraavalla kerralla" with a conditional or "toivottavasti" ("Ens kerralla vois
 *       kysyä asiakkaalta", "Toivottavasti seuraavalla kerralla muistatte kastikkeet"), and "toivon
 *       / toivottavasti ... jatkossa" ("jatkossakin" wishes more of the same: not a complaint), not
 *       when more of the same is wished ("yhtä", "taas", "jälleen", "uudestaan");
 *   <li>a rhetorical question: a sentence ending in "?" that begins with "miksi", "miksei", "kuka",
 *       "kenen", "eikö", or "miten / kuinka / mikä / mitä" with "voi", "järki" or "ihmeessä" right
 *       after, and has no positive lexicon word ("Miksi tilaus vahvistetaan, jos tuotetta ei ole?",
 *       "Kenen idea oli poistaa puhelinnumero?", "Miten voi olla näin vaikeaa?"). With "aiemmin" or
 *       "aikaisemmin" it regrets not having come sooner ("Miksi en ole tullut tänne aikaisemmin?")
 *       and is praise.
 * </ul>
 *
 * One cue per sentence, and one more for each positive lexicon word after the suggestion word (at
 * most {@value #MAX_WISHED}): what it wishes for was missing ("Olisi hienoa, jos pukuhuoneet
 * siivottaisiin useammin", "Kaipaisin selkeämpää tietoa"). Stateless and thread-safe.
 */
final class Suggestion {

  /** Most positive words after a suggestion that each add a complaint cue. */
  static final int MAX_WISHED = 2;

  /** Words after a conditional of "olla" within which "jos" must come. */
  static final int IF_WINDOW = 3;

  static final Set<String> WISHING =
      Set.of(
          "toivoisin",
          "toivoisimme",
          "toivois",
          "toivoisi",
          "kaipaisin",
          "kaipaisimme",
          "kaipais",
          "odottaisin",
          "odottaisimme");

  static final Set<String> SUGGESTING =
      Set.of(
          "kannattaisi",
          "kannattais",
          "kannattaisiko",
          "voisitteko",
          "voisitte",
          "voisitko",
          "voisiko",
          "voisko",
          "voitaisiinko",
          "ehdotan",
          "ehdotamme",
          "ehdottaisin",
          "ehdotus",
          "parannusehdotus",
          "kehitysehdotus",
          "kehitysidea");

  static final Set<String> OPTATIVE =
      Set.of("kunpa", "kumpa", "jospa", "olisinpa", "oisinpa", "olisipa", "oispa");

  static final Set<String> OLLA_CONDITIONAL = Set.of("olisi", "olis", "oisi", "ois");

  /** Colloquial conditionals in -is (other -is words are adjectives: "valmis", "kallis"). */
  static final Set<String> SHORT_CONDITIONALS =
      Set.of("ois", "olis", "vois", "sais", "pitäis", "pitais", "tarttis", "kannattais", "tulis");

  static final Set<String> NEXT_TIME = Set.of("ensi", "ens", "seuraavalla", "seuraavan");

  static final Set<String> HOPING = Set.of("toivottavasti", "toivon", "toivomme", "toivottavsti");

  static final Set<String> FROM_NOW_ON = Set.of("jatkossa", "vastedes", "tulevaisuudessa");

  static final Set<String> SAME_AGAIN =
      Set.of("yhtä", "yhta", "taas", "jälleen", "uudestaan", "uudelleen", "samanlaista", "samaa");

  static final Set<String> SOONER = Set.of("aiemmin", "aikaisemmin", "aikasemmin", "aiemmi");

  static final Set<String> WHY = Set.of("miksi", "miks", "miksei", "kuka", "kenen", "eikö");

  static final Set<String> HOW = Set.of("miten", "kuinka", "mikä", "mitä", "mika", "mita");

  static final Set<String> HOW_RHETORICAL =
      Set.of("voi", "järki", "järkeä", "jarki", "jarkea", "ihmeessä", "ihmeessa", "hittoa");

  private Suggestion() {}

  /**
   * The cue of one sentence, added to {@code cues} ({negative, positive}).
   *
   * @param words a word token's features (lexicon score, {@link ReviewWords} classes)
   */
  static void addCues(
      Sentence s, Function<Token, SentimentFeatures.WordFeatures> words, int[] cues) {
    List<Token> ts = s.tokens();
    int n = ts.size();
    boolean complaint = false;
    boolean praise = false;
    boolean nextTime = false;
    boolean hoping = false;
    boolean fromNowOn = false;
    boolean conditional = false;
    boolean sameAgain = false;
    boolean sooner = false;
    boolean positive = false;
    boolean optative = false;
    boolean firstPerson = false;
    boolean agoSeen = false;
    int firstWord = -1;
    int trigger = -1; // where the first suggestion word is
    int previous = 0; // the class bits of the word before
    for (int i = 0; i < n; i++) {
      Token t = ts.get(i);
      if (!t.isWord()) {
        continue;
      }
      SentimentFeatures.WordFeatures f = words.apply(t);
      int c = f.classes;
      if (firstWord < 0) {
        firstWord = i;
      }
      if ((c & ReviewWords.SUGGEST) != 0) {
        complaint = true;
        trigger = trigger < 0 ? i : trigger;
      } else if ((c & ReviewWords.OPTATIVE) != 0) {
        optative = true;
        firstPerson |= (c & ReviewWords.OPTATIVE_FIRST_PERSON) != 0;
        trigger = trigger < 0 ? i : trigger;
      } else if ((c & ReviewWords.OLLA_CONDITIONAL) != 0 && ifWithin(ts, i, words)) {
        complaint = true;
        trigger = trigger < 0 ? i : trigger;
      } else if ((c & ReviewWords.KERRALLA) != 0 && (previous & ReviewWords.NEXT_TIME) != 0) {
        nextTime = true;
      } else if ((c & ReviewWords.HOPING) != 0) {
        hoping = true;
        trigger = trigger < 0 ? i : trigger;
      } else if ((c & ReviewWords.FROM_NOW_ON) != 0) {
        fromNowOn = true;
      } else if ((c & ReviewWords.SAME_AGAIN) != 0) {
        sameAgain = true;
      } else if ((c & ReviewWords.SOONER) != 0) {
        sooner = true;
      } else if ((c & ReviewWords.SITTEN) != 0) {
        agoSeen = true;
      }
      if (optative && (c & ReviewWords.FIRST_PERSON_OLLA) != 0) {
        firstPerson = true;
      }
      conditional |= (c & ReviewWords.CONDITIONAL) != 0;
      if (!t.negated() && f.score > 0) {
        positive = true;
      }
      previous = c;
    }
    if (optative) {
      if (sooner || (firstPerson && agoSeen)) {
        praise = true; // "Olisinpa löytänyt tämän jo aiemmin / vuosia sitten"
      } else {
        complaint = true;
      }
    }
    if (!sameAgain && ((nextTime && (conditional || hoping)) || (hoping && fromNowOn))) {
      complaint = true;
    }
    if (!complaint && !praise && firstWord >= 0 && question(ts)) {
      int c = words.apply(ts.get(firstWord)).classes;
      boolean why = (c & ReviewWords.WHY) != 0;
      if (!why && (c & ReviewWords.HOW) != 0) {
        for (int j = firstWord + 1; j < Math.min(n, firstWord + 3); j++) {
          why |=
              ts.get(j).isWord()
                  && (words.apply(ts.get(j)).classes & ReviewWords.HOW_RHETORICAL) != 0;
        }
      }
      if (why && sooner) {
        praise = true; // "Miksi en ole tullut tänne aikaisemmin?"
      } else if (why && !positive) {
        complaint = true;
      }
    }
    if (complaint) {
      // what it wishes for was missing: the positive words after the wish count against too
      // ("Olisi hienoa, jos ...", "Kaipaisin selkeämpää tietoa", "Kunpa palautus onnistuisi")
      int wished = 0;
      for (int i = Math.max(trigger, 0); i < n && wished < MAX_WISHED; i++) {
        Token t = ts.get(i);
        if (t.isWord() && !t.negated() && words.apply(t).score > 0) {
          wished++;
        }
      }
      cues[0] += 1 + wished;
    } else if (praise) {
      cues[1] += 2; // against the negation's or the conditional's pull, and for the praise
    }
  }

  /** Whether "jos" comes at most {@link #IF_WINDOW} words after position {@code i}. */
  private static boolean ifWithin(
      List<Token> ts, int i, Function<Token, SentimentFeatures.WordFeatures> words) {
    int seen = 0;
    for (int j = i + 1; j < ts.size() && seen < IF_WINDOW; j++) {
      Token t = ts.get(j);
      if (!t.isWord()) {
        continue;
      }
      if ((words.apply(t).classes & ReviewWords.IF) != 0) {
        return true;
      }
      seen++;
    }
    return false;
  }

  private static boolean question(List<Token> ts) {
    for (int i = ts.size() - 1; i >= 0; i--) {
      Token t = ts.get(i);
      if (t.type() == TokenType.EMOJI || t.type() == TokenType.EMOTICON) {
        continue;
      }
      return t.type() == TokenType.PUNCT && t.text().startsWith("?");
    }
    return false;
  }
}
