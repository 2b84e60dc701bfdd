package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Wishes in a review sentence, for {@link ReviewRule#WISH}: what a reviewer says should have been,
 * or should be, different is a complaint, whatever words it uses.
 *
 * <ul>
 *   <li>a conditional of "olla", "voida", "saada", "pitää" (third person or passive: "olisi",
 *       "ois", "voisi", "saisivat", "pitäisi", ...) followed in its clause, at most {@value
 *       #WINDOW} words on, by a comparative ("Ruoka ois voinu olla lämpimämpää", "Henkilökunta vois
 *       hymyillä useemmin", "Kaupassa voisi olla enemmän kassoja auki", "Laitteet saisivat olla
 *       uudempia");
 *   <li>a conditional perfect of expecting or hoping ("Olisin toivonut, että ...", "olisimme
 *       odottaneet", "ois kaivannu").
 * </ul>
 *
 * A wish whose conditional is in a negation scope is praise: "Ei olisi voinut olla parempi", "En
 * olisi voinut toivoa kauniimpaa". First-person conditionals of other verbs are left alone ("Voisin
 * käydä täällä useammin", "Kävisin joka viikko" praise the place), and so is "tulisi" (also "would
 * come").
 *
 * <p>Stateless and thread-safe.
 */
final class Wish {

  /** Words after the conditional within which its comparative or participle must come. */
  static final int WINDOW = 4;

  /** Conditionals of a wish: olla, voida, saada, pitää and the like, not in the first person. */
  static final Set<String> AUXILIARIES =
      Set.of(
          "olisi",
          "olis",
          "oisi",
          "ois",
          "olisivat",
          "oltais",
          "oltaisiin",
          "voisi",
          "vois",
          "voisivat",
          "voitaisiin",
          "voisitte",
          "saisi",
          "sais",
          "saisivat",
          "saisitte",
          "pitäisi",
          "pitäis",
          "pitaisi",
          "pitäisivät",
          "täytyisi",
          "tarvitsisi");

  /** Conditionals that, followed by a participle of {@link #EXPECTING}, make a perfect. */
  static final Set<String> PERFECT =
      Set.of(
          "olisi",
          "olis",
          "oisi",
          "ois",
          "olisin",
          "oisin",
          "olisimme",
          "oltais",
          "olisivat",
          "olisitte",
          "olisit");

  /** Past participles of expecting, hoping and missing. */
  static final Set<String> EXPECTING =
      Set.of(
          "toivonut",
          "toivonu",
          "toivoneet",
          "toivottu",
          "odottanut",
          "odottanu",
          "odottaneet",
          "odotettu",
          "kaivannut",
          "kaivannu",
          "kaivanneet");

  /** Comparative words that no suffix test finds. */
  static final Set<String> COMPARATIVE_WORDS =
      Set.of("lisää", "enempi", "enempää", "enemmän", "enemman", "vähemmän", "vahemman");

  private Wish() {}

  /**
   * Review cues of the wishes in {@code s}, added to {@code cues} ({negative, positive}): one
   * negative per wish, one positive per negated wish.
   */
  static void addCues(Sentence s, int[] cues) {
    List<Token> ts = s.tokens();
    int left = 0;
    boolean perfect = false;
    boolean negated = false;
    for (Token t : ts) {
      if (t.type() == TokenType.PUNCT) {
        left = 0;
        continue;
      }
      if (!t.isWord() || t.word() == null) {
        continue;
      }
      if (t.word().breaksScope()) {
        left = 0;
        continue;
      }
      String norm = t.norm();
      if (left > 0) {
        if (comparative(norm) || (perfect && EXPECTING.contains(norm))) {
          cues[negated ? 1 : 0]++;
          left = 0;
          continue;
        }
        left--;
      }
      boolean aux = AUXILIARIES.contains(norm);
      boolean perf = PERFECT.contains(norm);
      if (aux || perf) {
        left = WINDOW;
        perfect = perf;
        // a first-person conditional wishes only as a perfect of expecting ("olisin toivonut")
        if (!aux) {
          left = 2;
        }
        negated = t.negated();
      }
    }
  }

  /**
   * Whether a normalized word form is a comparative: -mpi, -mpaa, -mpia, -mpana (adjectives), -mmin
   * (adverbs: "useammin", "nopeemmin"), -mmän ("enemmän"), or one of {@link #COMPARATIVE_WORDS}.
   * Words too short to be one ("lampi", "kammi") are not.
   */
  static boolean comparative(String norm) {
    if (COMPARATIVE_WORDS.contains(norm)) {
      return true;
    }
    int n = norm.length();
    if (n < 6) {
      return false;
    }
    return norm.endsWith("mpi")
        || norm.endsWith("mpaa")
        || norm.endsWith("mpää")
        || norm.endsWith("mpia")
        || norm.endsWith("mpiä")
        || norm.endsWith("mpana")
        || norm.endsWith("mpänä")
        || norm.endsWith("mmin")
        || norm.endsWith("mmän")
        || norm.endsWith("mman");
  }
}
