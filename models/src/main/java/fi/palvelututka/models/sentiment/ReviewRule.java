package fi.palvelututka.models.sentiment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decision rules of the review mode (review documents and their sentences) beyond the calibrated
 * scores and the theme cues. A model bundle names the rules it was fitted with ({@code
 * review_rules}); a bundle without the key uses none, as before the rules existed.
 */
public enum ReviewRule {
  /**
   * A lexicon word inside a negation scope is a review cue of the opposite polarity, counted with
   * the theme taxonomy's complaint and praise cues: "ei huono", "ei ongelmia" praise; "ei kannata",
   * "en ollut tyytyväinen" complain. Forum sentences (the training data) give a negated lexicon
   * word little weight either way; in reviews it nearly always judges.
   */
  NEGATED_LEXICON,

  /**
   * Reviews with a contrast word ("mutta", "kuitenkin", "tosin", "vaikka", ...) get their own
   * "mixed" threshold, and for the mixed decision their sentences are also scored clause by clause,
   * cut before a clause-initial contrast conjunction ("Pizza hyvää | mutta hinta liian kova"): a
   * review that praises and complains nearly always says so with such a word.
   */
  CONTRAST,

  /**
   * A wish is a complaint cue: a conditional of "olla", "voida", "saada", "pitää" with a
   * comparative after it ("Ruoka ois voinu olla lämpimämpää", "Henkilökunta voisi hymyillä
   * useammin"), or a conditional perfect of expecting or hoping ("Olisin toivonut, että ..."); in a
   * negation scope it is praise ("En olisi voinut toivoa parempaa"). See {@link Wish}.
   */
  WISH,

  /**
   * An evaluative idiom or stock phrase of the bundle's idiom list ("nostaa hattua", "Kankkulan
   * kaivoon", "jättää toivomisen varaa") is a review cue of its polarity; negated, of the opposite
   * one. A bundle without an idiom list gives none.
   */
  IDIOMS,

  /**
   * Irony: a sentence that opens with praise about what its rest complains of ("Ihanaa, että pankki
   * perii nyt 3 euroa kuussa", "No kiva, kortinlukija ei toimi taas"), or that thanks dismissively
   * ("Kiitos vaan"), rolls its eyes (🙃) or quotes the business back ("parannettu" hinnasto) in a
   * review that complains elsewhere, gets complaint cues. See {@link Irony}.
   */
  IRONY,

  /**
   * A sentence with a concessive adverb ("kuitenkin", "tosin", "sen sijaan") and no cue or lexicon
   * word of its own turns against the sentence before it: one cue of the opposite polarity
   * ("Hammaslääkäri oli lempeä. Ajan saaminen vei kuitenkin kuusi viikkoa.").
   */
  CONTRAST_ADVERB,

  /**
   * A negative lexicon word negated together with a verb of putting things right is still a
   * complaint, not praise: "ei myönnä virhettä", "ei korjannut vikaa", "ei hyvittänyt viivästystä"
   * (with {@link #NEGATED_LEXICON}, which would count it as praise, like "ei virheitä").
   */
  REMEDY,

  /**
   * Suggestions and rhetorical questions are complaint cues: "Toivoisin, että ...", "Olisi kiva,
   * jos ...", "Kunpa ...", "Ajanvaraukseen kannattaisi panostaa", "Voisitteko ...", "Ens kerralla
   * vois kysyä", "Miksi tilaus vahvistetaan, jos tuotetta ei ole?". See {@link Suggestion}.
   */
  SUGGESTION,

  /**
   * What a review says was so before, set against now, is a cue of the opposite polarity: "Ennen
   * täällä sai hyvää kebabia, nykyään ..." complains. See {@link ThenAndNow}.
   */
  THEN_AND_NOW;

  /** Parses a comma-separated list ("negated_lexicon,contrast"); blank or "none" is no rule. */
  public static Set<ReviewRule> parse(String csv) {
    EnumSet<ReviewRule> s = EnumSet.noneOf(ReviewRule.class);
    if (csv == null) {
      return s;
    }
    for (String p : csv.split(",")) {
      String n = p.strip();
      if (!n.isEmpty() && !n.equalsIgnoreCase("none")) {
        s.add(ReviewRule.valueOf(n.toUpperCase(Locale.ROOT)));
      }
    }
    return s;
  }

  /** The inverse of {@link #parse}: lower-case names, comma-separated; "none" when empty. */
  public static String format(Set<ReviewRule> rules) {
    return rules.isEmpty()
        ? "none"
        : rules.stream()
            .sorted()
            .map(r -> r.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(","));
  }
}
