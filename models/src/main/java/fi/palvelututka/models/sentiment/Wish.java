package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Negation;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.TokenType;
import java.util.List;

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
 * <p>The word classes ({@link Negation#WISH_AUXILIARY}, {@link Negation#WISH_PERFECT}, {@link
 * Negation#EXPECTING}, {@link Negation#COMPARATIVE_FORM}) are role bits of the analyzer's words,
 * computed once per word form.
 *
 * <p>Stateless and thread-safe.
 */
final class Wish {

  /** Words after the conditional within which its comparative or participle must come. */
  static final int WINDOW = 4;

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
      int role = t.word().scopeRole(); // the word classes below, computed once per word form
      if (left > 0) {
        if ((role & Negation.COMPARATIVE_FORM) != 0
            || (perfect && (role & Negation.EXPECTING) != 0)) {
          cues[negated ? 1 : 0]++;
          left = 0;
          continue;
        }
        left--;
      }
      boolean aux = (role & Negation.WISH_AUXILIARY) != 0;
      boolean perf = (role & Negation.WISH_PERFECT) != 0;
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
}
