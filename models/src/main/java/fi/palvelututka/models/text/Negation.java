package fi.palvelututka.models.text;

import java.util.Set;

/**
 * Finnish negation scope. The negation verb (ei, en, et, emme, ette, eivät; imperative älä, älkää,
 * älköön; with clitics eikä, enkä, eikö, ...; fused ettei, jottei, ellei, jollei) governs the
 * connegative verb and its complements that follow it. A word is in scope when it follows a
 * negation verb within the same clause, at most {@link #WINDOW} words on: the scope ends at
 * punctuation, at a clause-linking conjunction ("mutta", "vaan", "koska", "kun", "ja", ...), and at
 * "kuin" ("ei voi kuin suositella" = can only recommend, which is not negated praise).
 *
 * <p>Stateless and thread-safe.
 */
public final class Negation {

  /** Words in scope after a negation verb, at most. */
  public static final int WINDOW = 4;

  static final Set<String> NEGATORS =
      Set.of(
          "ei", "en", "et", "emme", "ette", "eivät", "eivat", "älä", "älkää", "älköön", "älkööt",
          "eikä", "enkä", "etkä", "emmekä", "ettekä", "eivätkä", "eikö", "enkö", "etkö", "emmekö",
          "ettekö", "eivätkö", "ettei", "jottei", "ellei", "jollei", "eihän", "enhän", "eipä",
          "enpä", "eikös", "eiks", "emmä");

  static final Set<String> SCOPE_BREAKERS =
      Set.of(
          "mutta",
          "mut",
          "vaan",
          "koska",
          "kun",
          "ja",
          "sekä",
          "tai",
          "vaikka",
          "joten",
          "sillä",
          "eli",
          "että",
          "jotta",
          "jos",
          "kuin",
          "paitsi",
          "silti",
          "kuitenkin");

  private Negation() {}

  public static boolean isNegator(String norm) {
    return NEGATORS.contains(norm);
  }

  public static boolean breaksScope(String norm) {
    return SCOPE_BREAKERS.contains(norm);
  }
}
