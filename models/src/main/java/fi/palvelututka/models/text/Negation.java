package fi.palvelututka.models.text;

import java.util.List;
import java.util.Set;

/**
 * Finnish negation scope. The negation verb (ei, en, et, emme, ette, eivät; imperative älä, älkää,
 * älköön; with clitics eikä, enkä, eikö, ...; fused ettei, jottei, ellei, jollei) governs the
 * connegative verb and its complements that follow it. A word is in scope when it follows a
 * negation verb within the same clause, at most {@link #WINDOW} words on: the scope ends at
 * punctuation, at a clause-linking conjunction ("mutta", "vaan", "koska", "kun", "ja", ...), and at
 * "kuin" ("ei voi kuin suositella" = can only recommend, which is not negated praise).
 *
 * <p>Three more shapes of Finnish negation, each a scope of its own (ended by the same breakers):
 *
 * <ul>
 *   <li><b>Fronted</b> ({@link #FRONTED_WINDOW} words): the existential negative puts its subject
 *       or object, in the partitive, before the verb: "Ongelmia ei ollut", "Mitään moitittavaa ei
 *       löytynyt", "Kiitosta ei kuulunut". The words right before "ei" / "en" / ... ({@link
 *       #FRONTABLE}; not "eikä", "ettei", "et") are in scope when the verb after it is one of
 *       being, appearing or getting ({@link #EXISTENTIAL}) and each word is a partitive ({@link
 *       #partitive}; not a pronoun), or, before "ei voi" / "ei tarvitse" / "ei kannata" ({@link
 *       #MODAL}), any form ending in -a/-ä (an infinitive: "Valittaa ei voi"). A nominative subject
 *       ("Ruoka ei ollut hyvää"), an elative ("Myöhästymisestä ei ilmoitettu") and the object of
 *       another verb ("Hajonnutta imuria ei oteta takaisin") are not.
 *   <li><b>Without</b> ({@link #WITHOUT_WINDOW} words): "ilman" and "vailla" negate what follows
 *       ("ilman ongelmia", "ilman anteeksipyyntöä"), for the sentiment features only ({@link
 *       WithoutScope}).
 *   <li><b>Irrealis</b> ({@link #IRREALIS_WINDOW} words): after a conditional ("olisi", "voisi",
 *       "saisi", "pitäisi", ...), the complement of "olla" / "ollut" is what was wanted and
 *       missing: "Olisi voinut olla parempi", "Palvelu saisi olla ystävällisempää", "Olisi ollut
 *       kiva tietää". Inside a negation scope it cancels it: "Ei olisi voinut olla parempi" is
 *       praise.
 * </ul>
 *
 * <p>Stateless and thread-safe ({@link WithoutScope} instances are not: one per sentence).
 */
public final class Negation {

  /** Words in scope after a negation verb, at most. */
  public static final int WINDOW = 4;

  /** Words before a negation verb in a fronted scope, at most. */
  public static final int FRONTED_WINDOW = 3;

  /**
   * Words in scope after "ilman" / "vailla", at most. This scope is the sentiment features' alone
   * ({@link WithoutScope}): the analyzer's {@link Token#negated} flag leaves it out, because the
   * theme patterns that concern "without" name the word themselves ("ilman lisämaksua").
   */
  public static final int WITHOUT_WINDOW = 2;

  /** Words in an irrealis scope after "olla" / "ollut", at most. */
  public static final int IRREALIS_WINDOW = 3;

  /** {@link #role} bits. */
  public static final int WITHOUT = 1;

  public static final int CONDITIONAL = 2;
  public static final int COPULA = 4;
  public static final int PARTITIVE = 8;

  /** A form ending in -a/-ä, which may be an infinitive (a partitive is one too). */
  public static final int INFINITIVE = 16;

  public static final int MODAL = 32;

  /**
   * A comparative in the partitive ("parempaa", "nopeampia"): never in a negation, fronted or
   * without scope. With a negation it nearly always means "nothing better": "Parempaa ei voi
   * toivoa", "Ei ole parempaa paikkaa". In an irrealis scope it is what was wanted: "Ruoka olisi
   * voinut olla lämpimämpää".
   */
  public static final int COMPARATIVE = 64;

  /**
   * A negation verb that can have words fronted before it in its clause. Not "eikä" (and not),
   * "ettei", "ellei", ...: they begin a clause, and the words before them are the previous one's.
   */
  public static final int FRONTABLE = 128;

  /** A connegative verb after which fronted words are in the negation's scope. */
  public static final int EXISTENTIAL = 256;

  /**
   * Word classes of a wish (the review rule in {@code sentiment.Wish}): a conditional of olla,
   * voida, saada, pitää not in the first person ({@link #WISH_AUXILIARIES}); a conditional that
   * makes a perfect ({@link #WISH_PERFECTS}); a past participle of expecting or hoping ({@link
   * #EXPECTING_PARTICIPLES}); any comparative form ({@link #comparative}).
   */
  public static final int WISH_AUXILIARY = 512;

  public static final int WISH_PERFECT = 1024;
  public static final int EXPECTING = 2048;
  public static final int COMPARATIVE_FORM = 4096;

  /**
   * A negation verb fused with "että" ({@link #INNER_NEGATORS}: "ettei", "etten", "etteikö"): after
   * another negation in its sentence, the two cancel ("En voi sanoa, etten olisi ollut
   * tyytyväinen", "Ei sillä, etteikö ruoka olisi ollut hyvää"), and it opens no scope.
   */
  public static final int INNER_NEGATOR = 8192;

  /**
   * A relative pronoun ({@link #RELATIVES}): a negation verb right after it, after another negation
   * in the sentence, cancels it too ("Ei ole ketään, kuka ei tykkäisi näistä").
   */
  public static final int RELATIVE = 16384;

  /**
   * The abessive of the third infinitive, -matta / -mättä ("without doing"): itself a negation, so
   * in a negation scope the two cancel ("Ei voi olla suosittelematta" recommends).
   */
  public static final int ABESSIVE = 32768;

  /** {@link #EXPECTATIONS}: opens an irrealis scope at its "olla", as a conditional does. */
  public static final int EXPECTATION = 65536;

  /** {@link #CANCEL_ENDS}: after it, a negation verb no longer cancels the one before. */
  public static final int CANCEL_END = 131072;

  /**
   * {@link #COMPARISONS}: a conditional right after it is a comparison, not a wish ("kohdeltiin
   * ikään kuin olisin ollut pelkkä vaiva", "parempi kuin olisin uskonut"), and opens no irrealis
   * scope.
   */
  public static final int COMPARISON = 262144;

  static final Set<String> COMPARISONS = Set.of("kuin");

  static final Set<String> INNER_NEGATORS =
      Set.of("ettei", "etten", "ettet", "ettemme", "ettette", "etteivät", "etteikö", "ettenkö");

  /**
   * Conjunctions after which a negation verb no longer cancels the one before them: a new statement
   * ("..., mutta ettei hän edes kysynyt, oli liikaa").
   */
  static final Set<String> CANCEL_ENDS =
      Set.of("mutta", "mut", "vaan", "ja", "joten", "koska", "vaikka", "tai", "sekä");

  static final Set<String> RELATIVES =
      Set.of("kuka", "joka", "mikä", "jota", "ketä", "jotka", "ketkä", "jolla", "jolle");

  static final Set<String> FRONTABLE_NEGATORS =
      Set.of("ei", "en", "emme", "ette", "eivät", "eivat", "emmä"); // "et" is also "että"

  static final Set<String> WITHOUT_WORDS = Set.of("ilman", "vailla");

  /** Conditional forms that make the "olla" after them irrealis. */
  static final Set<String> CONDITIONALS =
      Set.of(
          "olisi",
          "olis",
          "oisi",
          "ois",
          "olisin",
          "olisit",
          "olisimme",
          "olisitte",
          "olisivat",
          "oltais",
          "oltaisiin",
          "voisi",
          "vois",
          "voisivat",
          "saisi",
          "sais",
          "saisivat",
          "pitäisi",
          "pitäis",
          "pitäisivät",
          "täytyisi",
          "kannattaisi",
          "tarvitsisi",
          "tulisi",
          "voisitte",
          "saisitte");

  /**
   * The past of "pitää" as "be supposed to": like a conditional, it makes the "olla" after it
   * irrealis ("Vaihdon piti olla helppoa" did not come true); but it is no conditional ("...,
   * vaikka piti odottaa" happened) and no wish auxiliary.
   */
  static final Set<String> EXPECTATIONS = Set.of("piti");

  /**
   * Conditionals of a wish: the {@link #CONDITIONALS} but the first- and second-person forms of
   * "olla" (which wish only as the perfect of {@link #WISH_PERFECTS}) and "kannattaisi", "tulisi"
   * (advice; also "would come"), with the passive "voitaisiin" and the ä-less "pitaisi".
   */
  static final Set<String> WISH_AUXILIARIES = wishAuxiliaries();

  private static Set<String> wishAuxiliaries() {
    Set<String> s = new java.util.HashSet<>(CONDITIONALS);
    s.removeAll(Set.of("olisin", "olisit", "olisimme", "olisitte", "kannattaisi", "tulisi"));
    s.addAll(Set.of("voitaisiin", "pitaisi"));
    return Set.copyOf(s);
  }

  /**
   * Conditionals that, followed by a participle of {@link #EXPECTING_PARTICIPLES}, make a perfect.
   */
  static final Set<String> WISH_PERFECTS =
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
  static final Set<String> EXPECTING_PARTICIPLES =
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

  static final Set<String> COPULAS = Set.of("olla", "ollut", "ollu", "olleet", "oltu");

  /** Connegative modals before which a fronted infinitive is negated ("Valittaa ei voi"). */
  static final Set<String> MODALS =
      Set.of(
          "voi",
          "voinut",
          "voinu",
          "tarvitse",
          "tarvinnut",
          "tarvinnu",
          "kannata",
          "kannattanut",
          "pysty",
          "pystynyt");

  /**
   * Connegative verbs of being, appearing and getting, after which the words fronted before the
   * negation verb are in its scope: "Ongelmia ei ollut", "Kiitosta ei kuulunut", "Apua ei saanut".
   * After another verb a fronted object is not what is negated: "hajonnutta imuria ei oteta
   * takaisin" (the broken vacuum cleaner is not taken back) says nothing good of it.
   */
  static final Set<String> EXISTENTIALS =
      Set.of(
          "ole",
          "oo",
          "ollut",
          "ollu",
          "olleet",
          "löydy",
          "löytynyt",
          "löytyny",
          "loydy",
          "loytynyt",
          "tule",
          "tullut",
          "tullu",
          "tulleet",
          "näy",
          "näkynyt",
          "nay",
          "nakynyt",
          "kuulu",
          "kuulunut",
          "kuulunu",
          "ilmene",
          "ilmennyt",
          "jää",
          "jäänyt",
          "jääny",
          "jaa",
          "jaanyt",
          "heru",
          "herunut",
          "sattunut",
          "esiintynyt",
          "saa",
          "saanut",
          "saanu",
          "saatu",
          "saada",
          "annettu",
          "tarjottu",
          "kuulla",
          "näkyä");

  /** Lemmas that are never a fronted partitive in scope: pronouns. */
  static final Set<String> PRONOUNS =
      Set.of(
          "minä", "sinä", "hän", "me", "te", "he", "se", "ne", "tämä", "tuo", "nämä", "nuo", "joka",
          "mikä", "kuka", "itse", "mä", "sä", "tää", "toi", "nää", "noi");

  static final Set<String> NEGATORS =
      Set.of(
          "ei",
          "en",
          "et",
          "emme",
          "ette",
          "eivät",
          "eivat",
          "älä",
          "älkää",
          "älköön",
          "älkööt",
          "eikä",
          "enkä",
          "etkä",
          "emmekä",
          "ettekä",
          "eivätkä",
          "eikö",
          "enkö",
          "etkö",
          "emmekö",
          "ettekö",
          "eivätkö",
          "ettei",
          "etten",
          "ettet",
          "ettemme",
          "ettette",
          "etteivät",
          "etteikö",
          "ettenkö",
          "jottei",
          "ellei",
          "jollei",
          "eihän",
          "enhän",
          "eipä",
          "enpä",
          "eikös",
          "eiks",
          "emmä");

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

  /** The negation verb of the second person, which spoken Finnish also uses for "että". */
  public static final String ET = "et";

  /**
   * Words that may stand between "et" and its connegative verb, at most {@link #ET_SKIP} of them:
   * the second-person pronoun ("et sä voi") and adverbs ("et ikinä saa", "et kyllä kadu").
   */
  static final Set<String> ET_BETWEEN =
      Set.of(
          "sä",
          "sinä",
          "sää",
          "ikinä",
          "koskaan",
          "enää",
          "edes",
          "ees",
          "kyllä",
          "kyl",
          "varmasti",
          "varmaan",
          "yhtään",
          "ihan",
          "millään",
          "mitenkään",
          "välttämättä",
          "oikeesti",
          "oikeasti",
          "kai",
          "vielä",
          "sitten",
          "sit",
          "nyt",
          "just",
          "tosiaan",
          "siis",
          "ehkä",
          "näköjään",
          "mitään",
          "muuten",
          "sitä",
          "tätä",
          "niitä",
          "häntä",
          "mua",
          "sua",
          "minua",
          "sinua");

  static final int ET_SKIP = 2;

  /**
   * Whether a word may stand between "et" and its connegative verb: {@link #ET_BETWEEN}, or a word
   * with the negative-polarity clitic -kaan / -kään ("et kuitenkaan vaivaudu").
   */
  static boolean etBetween(String norm) {
    return ET_BETWEEN.contains(norm) || norm.endsWith("kaan") || norm.endsWith("kään");
  }

  /** Spoken connegatives the lemmatizer does not know as verbs: "et tuu pettymään". */
  static final Set<String> SPOKEN_CONNEGATIVES =
      Set.of(
          "oo", "tuu", "mee", "tarvii", "tarvi", "tartte", "viiti", "kehtaa", "raaski", "jaksa",
          "pety");

  /**
   * Whether a word form can be the connegative verb of a negation verb ("et"): the present
   * connegative, a vowel-final stem shorter than its infinitive that shares at least its first two
   * letters ("ole" of "olla", "halua" of "haluta", "ymmärrä" of "ymmärtää", "kadu" of "katua",
   * "tarvitse" of "tarvita", "opi" of "oppia"), or a spoken one ({@link #SPOKEN_CONNEGATIVES}); a
   * past participle ("ollut", "päässyt", "ehtinyt", "kannattanu"). Not the past tense ("oli",
   * "tuli"), the present third person ("tulee", "haluaa": as long as the infinitive), a conditional
   * ("olis kiva et vois varata netissä" is "että"), a noun (its lemma is no -a/-ä infinitive, or
   * the form is the lemma itself: "vika") or a pronoun ("mitä").
   */
  public static boolean connegative(String norm, String lemma) {
    if (SPOKEN_CONNEGATIVES.contains(norm)) {
      return true;
    }
    int n = norm.length();
    int l = lemma.length();
    if (n >= 6
        && participle(norm)
        && (norm.equals(lemma) || lemma.endsWith("a") || lemma.endsWith("ä"))) {
      return true; // "tajunnut", also when the lemmatizer does not know it
    }
    if (n < 2 || l < 3 || PRONOUNS.contains(lemma) || norm.equals(lemma)) {
      return false;
    }
    char le = lemma.charAt(l - 1);
    if (le != 'a' && le != 'ä') {
      return false; // no verb's infinitive
    }
    if (participle(norm)) {
      return sharedPrefix(norm, lemma) >= 2;
    }
    if (norm.endsWith("isi") || norm.endsWith("is")) {
      return false; // a conditional: "olis kiva et vois varata netissä" is "että"
    }
    char last = norm.charAt(n - 1);
    boolean shorter = n < l || norm.endsWith("itse"); // "tarvitse" of "tarvita"
    if (!vowel(last) || !shorter) {
      return false;
    }
    if (last == 'i' && !norm.equals("voi") && !lemma.endsWith("ia") && !lemma.endsWith("iä")) {
      return false; // the past tense ("oli", "tuli"), not the stem of an -iA verb ("opi", "ehdi")
    }
    return sharedPrefix(norm, lemma) >= 2; // "kadu" of "katua"
  }

  /** Endings of a past participle: -nut, -nyt, -nu, -ny, -lut, -sut, -rut, ..., -neet, -lleet. */
  private static final List<String> PARTICIPLE_ENDINGS =
      List.of(
          "nut", "nyt", "nu", "ny", "lut", "lyt", "rut", "ryt", "sut", "syt", "neet", "lleet",
          "sseet");

  private static boolean participle(String norm) {
    return endsWithAny(norm, PARTICIPLE_ENDINGS);
  }

  private static boolean endsWithAny(String norm, List<String> endings) {
    for (String e : endings) {
      if (norm.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  private static int sharedPrefix(String a, String b) {
    int m = Math.min(a.length(), b.length());
    int i = 0;
    while (i < m && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private Negation() {}

  /**
   * The "without" scope along one sentence's tokens: feed every token in order to {@link #next}; it
   * says whether the token is in the scope of an "ilman" / "vailla" before it. A new one per
   * sentence.
   */
  public static final class WithoutScope {
    private int left;

    /** Whether {@code t} is in a "without" scope (never a partitive comparative). */
    public boolean next(Token t) {
      if (!t.isWord() || t.word() == null) {
        if (t.type() == TokenType.PUNCT) {
          left = 0;
        }
        return false;
      }
      Word w = t.word();
      if (w.breaksScope() || w.negator()) {
        left = 0;
        return false;
      }
      boolean in = left > 0 && (w.scopeRole() & COMPARATIVE) == 0;
      left = (w.scopeRole() & WITHOUT) != 0 ? WITHOUT_WINDOW : Math.max(0, left - 1);
      return in;
    }
  }

  public static boolean isNegator(String norm) {
    return NEGATORS.contains(norm);
  }

  public static boolean breaksScope(String norm) {
    return SCOPE_BREAKERS.contains(norm);
  }

  /** Word classes listed by form, and the role bit of each (same order). */
  private static final java.util.List<Set<String>> FORM_CLASSES =
      java.util.List.of(
          FRONTABLE_NEGATORS,
          INNER_NEGATORS,
          RELATIVES,
          EXPECTATIONS,
          CANCEL_ENDS,
          COMPARISONS,
          WITHOUT_WORDS,
          CONDITIONALS,
          COPULAS,
          WISH_AUXILIARIES,
          WISH_PERFECTS,
          EXPECTING_PARTICIPLES);

  private static final int[] FORM_ROLES = {
    FRONTABLE,
    INNER_NEGATOR,
    RELATIVE,
    EXPECTATION,
    CANCEL_END,
    COMPARISON,
    WITHOUT,
    CONDITIONAL,
    COPULA,
    WISH_AUXILIARY,
    WISH_PERFECT,
    EXPECTING
  };

  /** The scope role bits of a word form ({@link #WITHOUT}, {@link #CONDITIONAL}, ...). */
  public static int role(String norm, String lemma) {
    int r = 0;
    for (int k = 0; k < FORM_CLASSES.size(); k++) {
      if (FORM_CLASSES.get(k).contains(norm)) {
        r |= FORM_ROLES[k];
      }
    }
    if (comparative(norm)) {
      r |= COMPARATIVE_FORM;
    }
    if (norm.length() >= 7 && (norm.endsWith("matta") || norm.endsWith("mättä"))) {
      r |= ABESSIVE;
    }
    if (MODALS.contains(norm)) {
      r |= MODAL | EXISTENTIAL;
    } else if (EXISTENTIALS.contains(norm)) {
      r |= EXISTENTIAL;
    }
    int n = norm.length();
    char last = n == 0 ? ' ' : norm.charAt(n - 1);
    if (norm.endsWith("mpaa")
        || norm.endsWith("mpää")
        || norm.endsWith("mpia")
        || norm.endsWith("mpiä")) {
      r |= COMPARATIVE;
    } else if (n >= 4 && (last == 'a' || last == 'ä') && !PRONOUNS.contains(lemma)) {
      r |= INFINITIVE;
      if (partitive(norm, lemma)) {
        r |= PARTITIVE;
      }
    }
    return r;
  }

  /**
   * Whether a form ending in -a/-ä is shaped like a partitive, whether or not the lemmatizer knew
   * it ("jonoa" stays "jonoa"): -a/-ä after a vowel ("jonoa", "ruokaa", "ongelmia"), -ta/-tä after
   * a vowel ("virheitä"), -ta/-tä right after the base form of a consonant stem ("kiitosta" of
   * "kiitos", "lämmintä" of "lämmin", "kevyttä" of "kevyt"; otherwise -sta is the elative,
   * "palautuksesta" of "palautus": "myöhästymisestä ei ilmoitettu" is about the delay, not a delay
   * that did not happen), -tta/-ttä of an e-stem ("aihetta" of "aihe") and of a -si word ("vettä"
   * of "vesi"), -ja/-jä of an inflected plural ("vikoja"). Nominatives mostly end in a consonant
   * and -a ("ruoka", "pizza", "henkilökunta"), and -ja of a nominative is an agent noun
   * ("tarjoilija").
   */
  static boolean partitive(String norm, String lemma) {
    int n = norm.length();
    char p = norm.charAt(n - 2);
    char pp = norm.charAt(n - 3);
    if (vowel(p)) {
      return true;
    }
    if (p == 't') {
      if (vowel(pp)) {
        return true;
      }
      int l = lemma.length();
      if (l < 3) {
        return false;
      }
      // -si words: "vettä" (vesi), "uutta" (uusi), "vuotta" (vuosi)
      if (lemma.endsWith("si")) {
        return pp == 't' && n == l + 1 && norm.startsWith(lemma.substring(0, l - 2));
      }
      if (!norm.startsWith(lemma)) {
        return false;
      }
      // a consonant stem right after its base form: "kiitosta" (kiitos), "lämmintä" (lämmin),
      // "kevyttä" (kevyt); an e-stem with -tta: "aihetta" (aihe), "huonetta" (huone)
      char end = lemma.charAt(l - 1);
      return (n == l + 2 && !vowel(end)) || (n == l + 3 && end == 'e' && pp == 't');
    }
    return p == 'j' && !norm.equals(lemma);
  }

  private static boolean vowel(char c) {
    return "aeiouyäö".indexOf(c) >= 0;
  }

  /** Endings of a comparative ({@link #comparative}). */
  private static final List<String> COMPARATIVE_ENDINGS =
      List.of("mpi", "mpaa", "mpää", "mpia", "mpiä", "mpana", "mpänä", "mmin", "mmän", "mman");

  /**
   * Whether a normalized word form is a comparative: -mpi, -mpaa, -mpia, -mpana (adjectives), -mmin
   * (adverbs: "useammin", "nopeemmin"), -mmän ("enemmän"), or one of {@link #COMPARATIVE_WORDS}.
   * Words too short to be one ("lampi", "kammi") are not.
   */
  public static boolean comparative(String norm) {
    if (COMPARATIVE_WORDS.contains(norm)) {
      return true;
    }
    int n = norm.length();
    if (n < 6) {
      return false;
    }
    return endsWithAny(norm, COMPARATIVE_ENDINGS);
  }
}
