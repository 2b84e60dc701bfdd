package fi.palvelututka.models.privacy;

import fi.palvelututka.models.text.Normalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in (Finnish) review quotes by placeholders before they are shown to
 * consultants: names of people → {@value #NAME_PLACEHOLDER}, phone numbers → {@value
 * #PHONE_PLACEHOLDER}, e-mail addresses → {@value #EMAIL_PLACEHOLDER}, Finnish vehicle registration
 * plates → {@value #PLATE_PLACEHOLDER}, Finnish personal identity codes → {@value
 * #HETU_PLACEHOLDER} and IBANs → {@value #IBAN_PLACEHOLDER}.
 *
 * <p>Everything but names is found by precompiled patterns plus checks in code (digit counts and
 * prefixes of phone numbers, dates of identity codes, checksums of IBANs, a stop list of
 * abbreviations that look like plates). Names are found with the word lists of {@value
 * #NAMES_RESOURCE}: a capitalised word whose form reduces to a listed name ("Pekalle" → Pekka,
 * "Virtasen" → Virtanen, "Makinen" → Mäkinen) is a name unless the name is also an ordinary word,
 * place or brand, which are masked only when the context shows a person (not first in its sentence,
 * after a title such as "myyjä" or "lääkäri", next to another name). An unlisted capitalised word
 * is taken for a name only after a title or next to a known name ("asentaja Kalevi Vääräniemi").
 * Consecutive words of one name become one placeholder.
 *
 * <p>Immutable and thread-safe; {@link #shipped()} loads the lists once per JVM.
 */
public final class PersonalDataMasker {

  /** Classpath resource of the name lists. */
  public static final String NAMES_RESOURCE = "palvelututka/models/person-names-fi.txt";

  public static final String NAME_PLACEHOLDER = "[nimi]";
  public static final String PHONE_PLACEHOLDER = "[puhelin]";
  public static final String EMAIL_PLACEHOLDER = "[sähköposti]";
  public static final String PLATE_PLACEHOLDER = "[rekisterinumero]";
  public static final String HETU_PLACEHOLDER = "[hetu]";
  public static final String IBAN_PLACEHOLDER = "[tilinumero]";

  /** Keys of {@link Result#counts()}, in this order. */
  public static final List<String> KINDS =
      List.of("name", "phone", "email", "plate", "hetu", "iban");

  private static final int NAME = 0;
  private static final int PHONE = 1;
  private static final int EMAIL = 2;
  private static final int PLATE = 3;
  private static final int HETU = 4;
  private static final int IBAN = 5;

  /**
   * The masked text and how many items of each kind were replaced (every key of {@link #KINDS},
   * zero included).
   */
  public record Result(String text, Map<String, Integer> counts) {
    public Result {
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Items replaced in all. */
    public int total() {
      int t = 0;
      for (int c : counts.values()) {
        t += c;
      }
      return t;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Patterns

  private static final Pattern EMAIL_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+(?:@|\\s?[(\\[]at[)\\]]\\s?)"
              + "[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(?![\\p{L}\\p{N}-])");

  /** Two letters, two check digits, then groups of four (uppercase BBAN), optionally spaced. */
  private static final Pattern IBAN_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?"
              + "(?![\\p{L}\\p{N}])");

  /** DDMMYY, century sign, individual number, check character. */
  private static final Pattern HETU_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}-])(\\d{2})(\\d{2})\\d{2}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Ya-y]"
              + "(?![\\p{L}\\p{N}])");

  private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  /**
   * Candidate phone numbers: +358 / 00358 and the area code without its 0, "(09)", or 0 and a
   * non-zero digit; then digits with single spaces or hyphens between. Checked further in code.
   */
  private static final Pattern PHONE_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_/#@+\\-])(?<!\\d[.,])"
              + "(?:(?:\\+|00)[ ]?358[ -]?(?:\\(0\\)[ ]?)?[1-9]|\\(0[1-9]\\d{0,2}\\)[ ]?\\d|0[1-9])"
              + "(?:[ -]?\\d){4,10}");

  private static final Pattern CLOCK_RANGE = Pattern.compile("(\\d\\d)(\\d\\d)-(\\d\\d)(\\d\\d)");

  private static final Pattern PLATE_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_\\-.@/])([A-ZÅÄÖ]{2,3}|[a-zåäö]{2,3})-([1-9]\\d{0,2})"
              + "(?![\\p{L}\\p{N}]|[.,/:\\-]\\d|-\\p{L}|\\s?%)");

  /**
   * A plate without hyphen right after a word that announces one ("rekkari ABC123", "auto abc123");
   * separated by a space only in upper case ("auto ABC 123", but not "auto oli jo 2 viikkoa").
   */
  private static final Pattern PLATE_CONTEXT_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}])(?i:rekkari|rekisteri|rekisterinumero|rekisterikilpi|kilpi|kilven|auto)"
              + "\\p{L}{0,6}(?:\\s*[:=]\\s*|\\s+(?i:on|oli|nro|numero)\\s+|\\s+)"
              + "(([A-ZÅÄÖ]{2,3})[ -]?[1-9]\\d{0,2}|([a-zåäö]{2,3})-?[1-9]\\d{0,2})"
              + "(?![\\p{L}\\p{N}]|[.,/:\\-]\\d|\\s?%)");

  /**
   * Letter parts of "ABC-123" that are abbreviations, units, product names or short Finnish words
   * ("auto oli JO 2 viikkoa"), not plates.
   */
  private static final Set<String> NOT_PLATES =
      Set.of(
          "AC", "AI", "ALE", "ALV", "AM", "API", "ATK", "AVI", "BBC", "BMW", "CD", "CL", "CM",
          "CNN", "CO", "CV", "DB", "DC", "DL", "DNA", "DVD", "ECG", "EKG", "ELY", "EM", "EU", "EUR",
          "EY", "FI", "GB", "GPS", "GT", "HD", "HIV", "HKL", "HLÖ", "HPV", "HR", "HSL", "HUS", "HV",
          "HZ", "ID", "IQ", "IT", "IVF", "KE", "KG", "KK", "KLO", "KM", "KPL", "KV", "KW", "KY",
          "LA", "LED", "LTD", "LVI", "MA", "MB", "MG", "MHZ", "ML", "MM", "MMS", "MP", "MTV", "NHL",
          "NRO", "OK", "OP", "OY", "PC", "PDF", "PE", "PH", "PIN", "PM", "PR", "PS", "PT", "PUH",
          "RS", "RY", "SAK", "SIM", "SM", "SMS", "SOK", "SU", "SUV", "TB", "TE", "TI", "TO", "TOP",
          "TV", "UK", "USB", "USD", "UV", "VIP", "VKO", "VR", "VRK", "VW", "WC", "XL", "XS", "XXL",
          "YLE", "EI", "HE", "JA", "JO", "JOS", "KUN", "ME", "MUT", "NE", "NO", "NYT", "OLI", "ON",
          "SE", "SEN", "SIT", "TAI", "VAI", "YKS", "YLI");

  // ---------------------------------------------------------------------------------------------
  // Names

  private enum Tier {
    /** Only a name: masked when capitalised. */
    PLAIN,
    /** Also an ordinary word: masked when capitalised inside a sentence, or in context. */
    WORD,
    /** Also a place or brand: masked only in context. */
    PLACE
  }

  private record Name(boolean first, boolean surname, Tier tier) {
    Name merge(Name o) {
      return new Name(
          first || o.first, surname || o.surname, tier.compareTo(o.tier) >= 0 ? tier : o.tier);
    }
  }

  /** A word form analysed as a name: the name and the case ending taken off ("" = nominative). */
  private record Hit(Name name, String ending) {}

  /** Case endings, longest first (both vowel-harmony variants). */
  private static final String[] ENDINGS = {
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "tta", "ttä", "ksi", "ten", "ta",
    "tä", "na", "nä", "an", "en", "in", "on", "un", "yn", "än", "ön", "a", "ä", "n", "t"
  };

  private static final String[] CLITICS = {"kaan", "kään", "kin", "han", "hän"};

  /** Endings after which a place-or-brand name is still read as a person (not "in/from X"). */
  private static final Set<String> NOT_NOMINAL =
      Set.of("ssa", "ssä", "sta", "stä", "an", "en", "in", "on", "un", "yn", "än", "ön");

  /**
   * Cases in which a place-or-brand name after a title is read as a person: "myyjä Elisa", not
   * "asentaja Elisalta" (a technician from Elisa).
   */
  private static final Set<String> PLACE_AFTER_TITLE =
      Set.of("", "n", "a", "ä", "ta", "tä", "tta", "ttä");

  /** Cases a person's name is hardly ever in: in X, into X ("Helmessä" is the salon Helmi). */
  private static final Set<String> INNER =
      Set.of("ssa", "ssä", "an", "en", "in", "on", "un", "yn", "än", "ön");

  private static final String[] TITLE_ENDINGS = {
    "", "n", "lle", "lta", "ltä", "lla", "llä", "a", "ä", "ta", "tä", "na", "nä", "ksi", "t", "mme",
    "nne", "ni", "lleni", "ltani", "ltäni"
  };

  private static final class Lexicon {
    final Map<String, Name> names = new HashMap<>();
    final Set<String> titleForms = new HashSet<>();
    final Set<String> businessForms = new HashSet<>();
    final Set<String> sentenceInitial = new HashSet<>();
    final Set<String> sentenceInitialPlain = new HashSet<>();
    final Set<String> keep = new HashSet<>();
  }

  private final Map<String, Name> names;
  private final Set<String> titleForms;
  private final Set<String> businessForms;
  private final Set<String> sentenceInitial;
  private final Set<String> sentenceInitialPlain;
  private final Set<String> keep;
  private final Set<String> eStemNames;

  private PersonalDataMasker(Lexicon lex) {
    this.names = Map.copyOf(lex.names);
    this.titleForms = Set.copyOf(lex.titleForms);
    this.businessForms = Set.copyOf(lex.businessForms);
    this.sentenceInitial = Set.copyOf(lex.sentenceInitial);
    this.sentenceInitialPlain = Set.copyOf(lex.sentenceInitialPlain);
    this.keep = Set.copyOf(lex.keep);
    Set<String> e = new HashSet<>();
    lex.names.forEach(
        (w, name) -> {
          if (name.surname && w.endsWith("i")) {
            e.add(w); // Niemi: Niemen, Lahti: Lahden, Mäki: Mäen
          }
        });
    this.eStemNames = Set.copyOf(e);
  }

  private static final class ShippedHolder {
    static final PersonalDataMasker INSTANCE = load();

    private static PersonalDataMasker load() {
      try (InputStream in =
          PersonalDataMasker.class.getClassLoader().getResourceAsStream(NAMES_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(NAMES_RESOURCE + " is not on the classpath");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            lines.add(line);
          }
        }
        return fromLines(lines);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + NAMES_RESOURCE, e);
      }
    }
  }

  /** The masker over the shipped name lists, loaded once per JVM on first use. */
  public static PersonalDataMasker shipped() {
    return ShippedHolder.INSTANCE;
  }

  /** A masker over word lists in the format of {@value #NAMES_RESOURCE}. */
  public static PersonalDataMasker fromLines(List<String> lines) {
    Lexicon lex = new Lexicon();
    String section = "";
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1);
        continue;
      }
      String[] f = line.split("\\s+");
      String word = f[0].toLowerCase(Locale.ROOT);
      switch (section) {
        case "first", "surname" -> {
          Tier tier = Tier.PLAIN;
          if (f.length > 1) {
            tier =
                switch (f[1]) {
                  case "~" -> Tier.WORD;
                  case "!" -> Tier.PLACE;
                  default -> throw new IllegalArgumentException("Unknown flag in: " + line);
                };
          }
          boolean first = section.equals("first");
          Name n = new Name(first, !first, tier);
          lex.names.merge(word, n, Name::merge);
          String plain = plain(word);
          if (!plain.equals(word)) {
            lex.names.merge(plain, n, Name::merge);
          }
        }
        case "title" -> addForms(lex.titleForms, word);
        case "title-form" -> lex.titleForms.add(word);
        case "business" -> addForms(lex.businessForms, word);
        case "sentence-initial" -> {
          if (f.length > 1 && f[1].equals("*")) {
            lex.sentenceInitialPlain.add(word);
          } else {
            lex.sentenceInitial.add(word);
            lex.sentenceInitial.add(plain(word));
          }
        }
        case "keep" -> {
          for (String w : f) {
            lex.keep.add(w.toLowerCase(Locale.ROOT));
            lex.keep.add(plain(w.toLowerCase(Locale.ROOT)));
          }
        }
        default -> throw new IllegalArgumentException("Entry outside a known section: " + line);
      }
    }
    return new PersonalDataMasker(lex);
  }

  private static void addForms(Set<String> forms, String lemma) {
    String weak = weaken(lemma);
    for (String e : TITLE_ENDINGS) {
      forms.add(lemma + e);
      forms.add(plain(lemma + e));
      if (weak != null) {
        forms.add(weak + e);
        forms.add(plain(weak + e));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // API

  /** The text with personal data replaced by placeholders; {@code null} for {@code null}. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return run(text, new int[KINDS.size()]);
  }

  /** The masked text and the number of replacements of each kind; {@code null} for {@code null}. */
  public Result maskWithCounts(String text) {
    if (text == null) {
      return null;
    }
    int[] counts = new int[KINDS.size()];
    String masked = text.isEmpty() ? text : run(text, counts);
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      m.put(KINDS.get(i), counts[i]);
    }
    return new Result(masked, m);
  }

  private String run(String text, int[] counts) {
    boolean digits = false;
    boolean at = false;
    boolean hyphen = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '@' || c == '(' || c == '[') {
        at = true;
      } else if (c == '-') {
        hyphen = true;
      }
    }
    String t = text;
    if (at) {
      t = replaceAll(t, EMAIL_PATTERN, EMAIL_PLACEHOLDER, counts, EMAIL);
    }
    if (digits) {
      t = maskIbans(t, counts);
      t = maskHetus(t, counts);
      t = maskPhones(t, counts);
      if (hyphen) {
        t = maskPlates(t, counts);
      }
      t = maskContextPlates(t, counts);
    }
    return maskNames(t, counts);
  }

  private static String replaceAll(
      String text, Pattern p, String placeholder, int[] counts, int kind) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int last = 0;
    do {
      sb.append(text, last, m.start()).append(placeholder);
      counts[kind]++;
      last = m.end();
    } while (m.find());
    return sb.append(text, last, text.length()).toString();
  }

  // ---------------------------------------------------------------------------------------------
  // IBAN, henkilötunnus

  private static String maskIbans(String text, int[] counts) {
    Matcher m = IBAN_PATTERN.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      if (!validIban(m.group())) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, m.start()).append(IBAN_PLACEHOLDER);
      counts[IBAN]++;
      last = m.end();
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  static boolean validIban(String s) {
    String c = s.replace(" ", "").toUpperCase(Locale.ROOT);
    if (c.startsWith("FI")) {
      // Finnish: always 18 characters; masked even with a wrong check digit (a mistyped IBAN is
      // still an account number)
      return c.length() == 18 && c.substring(2).chars().allMatch(Character::isDigit);
    }
    if (c.length() < 15 || c.length() > 34) {
      return false;
    }
    String r = c.substring(4) + c.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < r.length(); i++) {
      char ch = r.charAt(i);
      int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
      mod = (v > 9 ? mod * 100 + v : mod * 10 + v) % 97;
    }
    return mod == 1;
  }

  private static String maskHetus(String text, int[] counts) {
    Matcher m = HETU_PATTERN.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      int day = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      char check = Character.toUpperCase(m.group().charAt(10));
      if (day < 1 || day > 31 || month < 1 || month > 12 || HETU_CHECK.indexOf(check) < 0) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, m.start()).append(HETU_PLACEHOLDER);
      counts[HETU]++;
      last = m.end();
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Phone numbers

  private static String maskPhones(String text, int[] counts) {
    Matcher m = PHONE_PATTERN.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      from = m.end();
      int start = m.start();
      // inside a longer run of grouped digits ("DE00 3704 0044 0532 0130 00", "1 040 000")
      boolean groupedBefore =
          start >= 2
              && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '-')
              && Character.isDigit(text.charAt(start - 2))
              && start - 1 != last;
      int end = groupedBefore ? -1 : phoneEnd(text, start, m.end());
      if (end < 0) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, start).append(PHONE_PLACEHOLDER);
      counts[PHONE]++;
      last = end;
      from = end; // a second number may follow right after a shortened one
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  /**
   * Where the phone number that starts at {@code start} ends, or -1 when the candidate is not one.
   * Trailing digit groups are dropped while the number is too long ("040 123 4567 2020").
   */
  private static int phoneEnd(String text, int start, int end) {
    if (precededByNonPhoneWord(text, start)) {
      return -1;
    }
    int e = end;
    while (true) {
      String cand = text.substring(start, e);
      int len = nationalLength(cand);
      if (len >= 8 && len <= 11 && endsCleanly(text, e) && !looksLikeDateOrTimes(cand)) {
        return e;
      }
      if (len <= 8) {
        return -1;
      }
      int cut = Math.max(cand.lastIndexOf(' '), cand.lastIndexOf('-'));
      if (cut <= 3) {
        return -1;
      }
      e = start + cut;
    }
  }

  /** Digits of the number written nationally (0 + area code + subscriber number). */
  private static int nationalLength(String cand) {
    String c = cand.replace("(0)", "");
    int digits = 0;
    for (int i = 0; i < c.length(); i++) {
      if (Character.isDigit(c.charAt(i))) {
        digits++;
      }
    }
    if (c.startsWith("+")) {
      return digits - 3 + 1; // 358 → 0
    }
    if (c.startsWith("00")) {
      return digits - 5 + 1; // 00358 → 0
    }
    return digits;
  }

  private static boolean endsCleanly(String text, int e) {
    if (e >= text.length()) {
      return true;
    }
    char c = text.charAt(e);
    if (Character.isLetterOrDigit(c)) {
      return false;
    }
    if (e + 1 < text.length()) {
      char d = text.charAt(e + 1);
      if ((c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && Character.isDigit(d)) {
        return false;
      }
      if (c == ' ' && (d == '€' || d == '%')) {
        return false;
      }
    }
    return c != '€' && c != '%';
  }

  /** Words before a number that make it a time or a reference number, not a phone number. */
  private static final Set<String> NOT_PHONE_BEFORE =
      Set.of(
          "klo",
          "kello",
          "asiakasnumero",
          "asiakasnro",
          "tilausnumero",
          "tilausnro",
          "viitenumero",
          "viite",
          "laskunumero",
          "sarjanumero",
          "tuotenumero",
          "tapausnumero",
          "seurantanumero",
          "lähetysnumero",
          "tilaus",
          "tilauksen",
          "kuitti",
          "kuitin");

  private static boolean precededByNonPhoneWord(String text, int start) {
    int i = start - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
      i--;
    }
    int wordEnd = i + 1;
    while (i >= 0 && Character.isLetter(text.charAt(i))) {
      i--;
    }
    return NOT_PHONE_BEFORE.contains(text.substring(i + 1, wordEnd).toLowerCase(Locale.ROOT));
  }

  private static boolean looksLikeDateOrTimes(String cand) {
    Matcher clock = CLOCK_RANGE.matcher(cand);
    if (clock.matches()) {
      return Integer.parseInt(clock.group(1)) < 24
          && Integer.parseInt(clock.group(2)) < 60
          && Integer.parseInt(clock.group(3)) < 24
          && Integer.parseInt(clock.group(4)) < 60;
    }
    String[] g = cand.split("[ -]");
    return g.length == 3
        && g[0].length() == 2
        && g[1].length() == 2
        && g[2].length() == 4
        && (g[2].startsWith("19") || g[2].startsWith("20"))
        && Integer.parseInt(g[1]) >= 1
        && Integer.parseInt(g[1]) <= 12;
  }

  // ---------------------------------------------------------------------------------------------
  // Registration plates

  private static String maskPlates(String text, int[] counts) {
    Matcher m = PLATE_PATTERN.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      if (NOT_PLATES.contains(m.group(1).toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, m.start()).append(PLATE_PLACEHOLDER);
      counts[PLATE]++;
      last = m.end();
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  private static String maskContextPlates(String text, int[] counts) {
    Matcher m = PLATE_CONTEXT_PATTERN.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      String letters = m.group(2) != null ? m.group(2) : m.group(3);
      if (NOT_PLATES.contains(letters.toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, m.start(1)).append(PLATE_PLACEHOLDER);
      counts[PLATE]++;
      last = m.end(1);
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Names: tokens and context

  private static final byte GAP_SPACE = 0;
  private static final byte GAP_HYPHEN = 1;
  private static final byte GAP_DOT_SPACE = 2;
  private static final byte GAP_OTHER = 3;

  /** Words of one text and what is known about them; one per call. */
  private final class Tokens {
    final String text;
    int n;
    int[] start = new int[32];
    int[] end = new int[32];
    String[] lower = new String[32];
    boolean[] cap = new boolean[32];
    boolean[] sentenceStart = new boolean[32];
    byte[] gap = new byte[32];
    Hit[] hit;
    boolean[] mask;
    boolean[] chain;

    Tokens(String text) {
      this.text = text;
      int i = 0;
      int len = text.length();
      while (i < len) {
        if (!Character.isLetter(text.charAt(i))) {
          i++;
          continue;
        }
        int s = i;
        while (i < len
            && (Character.isLetter(text.charAt(i))
                || ((text.charAt(i) == '\'' || text.charAt(i) == '’')
                    && i + 1 < len
                    && Character.isLetter(text.charAt(i + 1))))) {
          i++;
        }
        add(s, i);
      }
      hit = new Hit[n];
      mask = new boolean[n];
      chain = new boolean[n];
    }

    private void add(int s, int e) {
      if (n == start.length) {
        int c = n * 2;
        start = Arrays.copyOf(start, c);
        end = Arrays.copyOf(end, c);
        lower = Arrays.copyOf(lower, c);
        cap = Arrays.copyOf(cap, c);
        sentenceStart = Arrays.copyOf(sentenceStart, c);
        gap = Arrays.copyOf(gap, c);
      }
      start[n] = s;
      end[n] = e;
      lower[n] = text.substring(s, e).toLowerCase(Locale.ROOT);
      cap[n] = Character.isUpperCase(text.charAt(s));
      int from = n == 0 ? 0 : end[n - 1];
      gap[n] = n == 0 ? GAP_OTHER : gapType(text, from, s);
      sentenceStart[n] = n == 0 || boundary(text, from, s);
      n++;
    }

    /** Capitalised like a name: "Pekka", "O'Neill", not "HSL" or "pekka". */
    boolean nameStyle(int i) {
      int s = start[i];
      return cap[i] && (end[i] - s == 1 || Character.isLowerCase(text.charAt(s + 1)));
    }

    boolean initial(int i) {
      return end[i] - start[i] == 1 && cap[i];
    }

    boolean titleBefore(int i) {
      return i > 0 && gap[i] == GAP_SPACE && isTitle(lower[i - 1]);
    }

    boolean businessBefore(int i) {
      if (i > 0 && gap[i] == GAP_SPACE) {
        if (isBusiness(lower[i - 1])) {
          return true;
        }
        return i > 1 && gap[i - 1] == GAP_SPACE && cap[i - 1] && isBusiness(lower[i - 2]);
      }
      return false;
    }

    /** "Aalto-yliopisto", "Elisa-liittymä": the word is the first part of a compound. */
    boolean compoundHead(int i) {
      return i + 1 < n && gap[i + 1] == GAP_HYPHEN && (!cap[i + 1] || hit[i + 1] == null);
    }

    boolean keepWord(int i) {
      return isKept(lower[i]);
    }

    boolean sentenceInitialWord(int i) {
      String w = lower[i];
      return sentenceInitial.contains(w)
          || (sentenceInitialPlain.contains(w) && Normalizer.lacksUmlauts(text));
    }
  }

  private static byte gapType(String text, int from, int to) {
    if (to - from == 1 && text.charAt(from) == '-') {
      return GAP_HYPHEN;
    }
    int i = from;
    if (i < to && text.charAt(i) == '.') {
      i++;
      if (i == to) {
        return GAP_OTHER;
      }
      for (; i < to; i++) {
        if (!horizontalSpace(text.charAt(i))) {
          return GAP_OTHER;
        }
      }
      return GAP_DOT_SPACE;
    }
    if (i == to) {
      return GAP_OTHER;
    }
    for (; i < to; i++) {
      if (!horizontalSpace(text.charAt(i))) {
        return GAP_OTHER;
      }
    }
    return GAP_SPACE;
  }

  private static boolean horizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0';
  }

  /** Whether a sentence (or a line, or a list item after an emoji) starts after this gap. */
  private static boolean boundary(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '.', '!', '?', ':', ';', '…', '\n', '\r', '•' -> {
          return true;
        }
        default -> {
          int type = Character.getType(c);
          if (type == Character.SURROGATE || type == Character.OTHER_SYMBOL) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private String maskNames(String text, int[] counts) {
    Tokens tk = new Tokens(text);
    int n = tk.n;
    if (n == 0) {
      return text;
    }
    for (int i = 0; i < n; i++) {
      if (tk.cap[i] && !isKept(tk.lower[i])) {
        tk.hit[i] = analyse(tk.lower[i]);
      }
    }
    // Direct evidence: the word itself, or the title before it.
    for (int i = 0; i < n; i++) {
      Hit h = tk.hit[i];
      if (tk.cap[i]) {
        boolean title = tk.titleBefore(i);
        if (h != null) {
          Tier tier = h.name.tier;
          if (!title && (tk.businessBefore(i) || (tier != Tier.PLAIN && tk.compoundHead(i)))) {
            continue; // "Ravintola Aino", "Aalto-yliopisto"
          }
          // an all-caps word ("TOIVO") is weaker evidence than a capitalised one ("Toivo")
          boolean nameStyle = tk.nameStyle(i);
          boolean m =
              switch (tier) {
                case PLAIN ->
                    title || !((tk.sentenceStart[i] || !nameStyle) && tk.sentenceInitialWord(i));
                case WORD ->
                    title || (nameStyle && !tk.sentenceStart[i] && !INNER.contains(h.ending));
                case PLACE -> title && PLACE_AFTER_TITLE.contains(h.ending);
              };
          if (m) {
            tk.mask[i] = true;
            tk.chain[i] = h.name.first;
          }
        } else if (title
            && tk.nameStyle(i)
            && !tk.keepWord(i)
            && !innerLocative(tk.lower[i])
            && !isTitle(tk.lower[i])
            && !isBusiness(tk.lower[i])) {
          tk.mask[i] = true;
          tk.chain[i] = true;
        }
      } else if (i > 0 && tk.gap[i] == GAP_SPACE) {
        // lower case: only after a title ("myyjä pekka") or as "pekka virtanen"
        boolean title = tk.titleBefore(i);
        Name prev = tk.cap[i - 1] ? null : names.get(tk.lower[i - 1]);
        boolean afterFirst = prev != null && prev.first && prev.tier == Tier.PLAIN;
        if (!title && !afterFirst) {
          continue;
        }
        Hit lh = analyse(tk.lower[i]);
        if (lh == null
            || lh.name.tier != Tier.PLAIN
            || tk.sentenceInitialWord(i)
            || tk.keepWord(i)) {
          continue;
        }
        if (title) {
          tk.hit[i] = lh;
          tk.mask[i] = true;
          tk.chain[i] = lh.name.first;
        } else if (lh.name.surname && !tk.sentenceInitialWord(i - 1)) {
          tk.hit[i - 1] = new Hit(prev, "");
          tk.hit[i] = lh;
          tk.mask[i - 1] = true;
          tk.mask[i] = true;
        }
      }
    }
    // Context: full names, a surname after a first name, a first name before a surname, initials.
    for (int round = 0; round < 4; round++) {
      boolean changed = false;
      for (int i = 0; i + 1 < n; i++) {
        int j = i + 1;
        byte g = tk.gap[j];
        if (g == GAP_DOT_SPACE
            && tk.initial(i)
            && !tk.mask[i]
            && tk.mask[j]
            && (tk.hit[j] == null || tk.hit[j].name.surname)) {
          tk.mask[i] = true; // "P. Virtanen"
          changed = true;
          continue;
        }
        if (g != GAP_SPACE && g != GAP_HYPHEN) {
          continue;
        }
        if (tk.mask[i] && tk.mask[j]) {
          continue;
        }
        Hit a = tk.hit[i];
        Hit b = tk.hit[j];
        if (tk.cap[i] && tk.cap[j] && a != null && b != null && pair(a, b, g)) {
          tk.mask[i] = true;
          tk.mask[j] = true;
          tk.chain[j] = b.name.first;
          changed = true;
          continue;
        }
        if (a != null
            && b == null
            && !tk.mask[j]
            && g == GAP_SPACE
            && tk.cap[i]
            && a.name.first
            && a.ending.isEmpty()
            && tk.nameStyle(j)
            && surnameShape(tk.lower[j])
            && !tk.keepWord(j)) {
          tk.mask[i] = true; // "Toivo Kuusinen", "Elisa Kukkonen"
          tk.mask[j] = true;
          changed = true;
          continue;
        }
        if (tk.mask[i] && !tk.mask[j] && tk.cap[j]) {
          if (tk.initial(j) && g == GAP_SPACE && !(j + 1 < n && tk.gap[j + 1] == GAP_HYPHEN)) {
            tk.mask[j] = true; // "Pekka V."
            changed = true;
            continue;
          }
          if (!tk.chain[i]) {
            continue;
          }
          if (b != null) {
            if (b.name.tier != Tier.PLACE || !NOT_NOMINAL.contains(b.ending)) {
              tk.mask[j] = true;
              tk.chain[j] = b.name.first;
              changed = true;
            }
          } else if (tk.nameStyle(j)
              && !tk.keepWord(j)
              && !isTitle(tk.lower[j])
              && !isBusiness(tk.lower[j])) {
            tk.mask[j] = true; // "Kalevi Vääräniemi"
            changed = true;
          }
          continue;
        }
        if (tk.mask[j]
            && !tk.mask[i]
            && g == GAP_SPACE
            && b != null
            && b.name.surname
            && a == null
            && tk.nameStyle(i)
            && !tk.sentenceStart[i]
            && !tk.keepWord(i)
            && !isTitle(tk.lower[i])
            && !isBusiness(tk.lower[i])) {
          tk.mask[i] = true; // "kiitos Pirjetta Virtaselle"
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    // Output: consecutive words of one name become one placeholder.
    StringBuilder sb = null;
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (!tk.mask[i]) {
        continue;
      }
      int k = i;
      while (k + 1 < n
          && tk.mask[k + 1]
          && (tk.gap[k + 1] == GAP_SPACE
              || tk.gap[k + 1] == GAP_HYPHEN
              || (tk.gap[k + 1] == GAP_DOT_SPACE && tk.initial(k)))) {
        k++;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, tk.start[i]).append(NAME_PLACEHOLDER);
      counts[NAME]++;
      last = tk.end[k];
      i = k;
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  /** Two capitalised known names next to each other that make one person's name. */
  private static boolean pair(Hit a, Hit b, byte gap) {
    boolean bOk = b.name.tier != Tier.PLACE || !NOT_NOMINAL.contains(b.ending);
    if (!a.ending.isEmpty() || !bOk) {
      return false;
    }
    if (a.name.first && b.name.surname) {
      return true; // "Onni Virtanen", "Usko Koskiselle"
    }
    if (a.name.surname && b.name.first && b.ending.isEmpty()) {
      return true; // "Virtanen Pekka"
    }
    return gap == GAP_HYPHEN && a.name.first && b.name.first; // "Marja-Leena"
  }

  /** A -nen surname or a form of one: "Kuusinen", "Kuusiselle", "Kuusista". */
  private static boolean surnameShape(String w) {
    if (w.length() < 6) {
      return false;
    }
    if (w.endsWith("nen")) {
      return true;
    }
    for (String e : ENDINGS) {
      if (w.endsWith(e)) {
        String s = w.substring(0, w.length() - e.length());
        if (s.endsWith("se") || (s.endsWith("s") && (e.equals("ta") || e.equals("tä")))) {
          return s.length() >= 4 && vowel(s.charAt(s.length() - (s.endsWith("se") ? 3 : 2)));
        }
      }
    }
    return false;
  }

  private static boolean innerLocative(String w) {
    return w.endsWith("ssa") || w.endsWith("ssä") || w.endsWith("sta") || w.endsWith("stä");
  }

  private boolean isTitle(String w) {
    if (titleForms.contains(w)) {
      return true;
    }
    // compounds: hammas|lääkäri, sairaan|hoitajalle, huolto|mies
    for (int k = 1; k + 4 <= w.length(); k++) {
      if (titleForms.contains(w.substring(k))) {
        return true;
      }
    }
    return false;
  }

  private boolean isBusiness(String w) {
    if (businessForms.contains(w)) {
      return true;
    }
    for (int k = 1; k + 5 <= w.length(); k++) {
      if (businessForms.contains(w.substring(k))) {
        return true;
      }
    }
    return false;
  }

  private boolean isKept(String w) {
    if (keep.contains(w)) {
      return true;
    }
    for (String e : ENDINGS) {
      // stems of at least 4 letters: "Taina" is not "tai" + -na
      if (w.length() - e.length() >= 4 && w.endsWith(e)) {
        if (findLemma(w.substring(0, w.length() - e.length()), keep, keep) != null) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Names: inflection

  /** The listed name this lower-case word form is a form of, or null. */
  private Hit analyse(String w) {
    Name n = names.get(w);
    if (n != null) {
      return new Hit(n, "");
    }
    Hit h = analyseEndings(w);
    if (h != null) {
      return h;
    }
    for (String clitic : CLITICS) {
      if (w.length() - clitic.length() >= 3 && w.endsWith(clitic)) {
        String base = w.substring(0, w.length() - clitic.length());
        n = names.get(base);
        if (n != null) {
          return new Hit(n, "");
        }
        h = analyseEndings(base);
        if (h != null) {
          return h;
        }
      }
    }
    return null;
  }

  private Hit analyseEndings(String w) {
    Set<String> dict = names.keySet();
    Hit inner = null;
    for (String e : ENDINGS) {
      if (w.length() - e.length() >= 2 && w.endsWith(e)) {
        String stem = w.substring(0, w.length() - e.length());
        if (e.length() == 2
            && e.charAt(1) == 'n'
            && stem.charAt(stem.length() - 1) != e.charAt(0)) {
          continue; // an illative repeats the stem vowel: Pekka|an, Kalle|en
        }
        String lemma = findLemma(stem, dict, eStemNames);
        if (lemma != null) {
          Hit h = new Hit(names.get(lemma), e);
          if (!INNER.contains(e)) {
            return h;
          }
          if (inner == null) {
            inner = h; // "Laineen" is Laine's (lainee|n) rather than into Laine (laine|en)
          }
        }
      }
    }
    return inner;
  }

  /**
   * The lemma in {@code dict} whose inflection stem is {@code s}, or null. Undoes what Finnish
   * inflection does to names: the -se- stem of -nen names (Virtase-), the -kse- stem of -s names
   * (Tuomakse-), the i of consonant-final names (Kristiani-), the ee of e-names (Lainee-), the e
   * stem of old i-words (Nieme-, Lahde-, Mäe-; only for lemmas in {@code eStem}, as names like Olli
   * keep their i: Ollin) and weak consonant grades (Peka-, Lehdo-, Ranna-).
   */
  static String findLemma(String s, Set<String> dict, Set<String> eStem) {
    int n = s.length();
    if (n < 2) {
      return null;
    }
    if (dict.contains(s)) {
      return s;
    }
    char last = s.charAt(n - 1);
    String c;
    if (n >= 4) {
      if (s.endsWith("kse") || s.endsWith("ksi")) {
        c = s.substring(0, n - 3) + "s";
        if (dict.contains(c)) {
          return c;
        }
      }
      if (s.endsWith("se") || s.endsWith("si")) {
        c = s.substring(0, n - 2) + "nen";
        if (dict.contains(c)) {
          return c;
        }
      }
      if (last == 's') {
        c = s.substring(0, n - 1) + "nen";
        if (dict.contains(c)) {
          return c;
        }
      }
      if (last == 'i' && !vowel(s.charAt(n - 2))) {
        c = s.substring(0, n - 1);
        if (dict.contains(c)) {
          return c;
        }
      }
      if (s.endsWith("ee")) {
        c = s.substring(0, n - 1);
        if (dict.contains(c)) {
          return c;
        }
      }
    }
    if (!vowel(last)) {
      return null;
    }
    String strong = strengthen(s);
    if (strong != null && dict.contains(strong)) {
      return strong;
    }
    if (last == 'e') {
      c = s.substring(0, n - 1) + "i";
      if (eStem.contains(c)) {
        return c;
      }
      if (strong != null) {
        c = strong.substring(0, strong.length() - 1) + "i";
        if (eStem.contains(c)) {
          return c;
        }
      }
      if (n >= 3 && vowel(s.charAt(n - 2))) {
        c = s.substring(0, n - 1) + "ki"; // Mäe- → Mäki
        if (eStem.contains(c)) {
          return c;
        }
      }
    }
    return null;
  }

  /** The strong grade of a stem in the weak grade (Peka → Pekka, Ranna → Ranta), or null. */
  static String strengthen(String s) {
    int n = s.length();
    if (n < 3) {
      return null;
    }
    char v = s.charAt(n - 1);
    char c1 = s.charAt(n - 2);
    char c2 = s.charAt(n - 3);
    String head = s.substring(0, n - 2);
    String tail = String.valueOf(v);
    if ((c1 == 'k' || c1 == 'p' || c1 == 't') && c2 != c1) {
      return head + c1 + c1 + tail;
    }
    if (c1 == c2) {
      switch (c1) {
        case 'n', 'l', 'r' -> {
          return head + 't' + tail;
        }
        case 'm' -> {
          return head + 'p' + tail;
        }
        default -> {
          return null;
        }
      }
    }
    if (c1 == 'g' && c2 == 'n') {
      return head + 'k' + tail;
    }
    if (c1 == 'd') {
      return head + 't' + tail;
    }
    if (c1 == 'v' && vowel(c2)) {
      return head + 'p' + tail;
    }
    if (c1 == 'j' && (c2 == 'l' || c2 == 'r')) {
      return head + 'k' + tail;
    }
    return null;
  }

  /** The weak grade of a lemma in the strong grade (kokki → koki, isäntä → isännä), or null. */
  static String weaken(String s) {
    int n = s.length();
    if (n < 3 || !vowel(s.charAt(n - 1))) {
      return null;
    }
    char c1 = s.charAt(n - 2);
    char c2 = s.charAt(n - 3);
    String head = s.substring(0, n - 3);
    String tail = s.substring(n - 1);
    if ((c1 == 'k' || c1 == 'p' || c1 == 't') && c2 == c1) {
      return head + c1 + tail;
    }
    if (c1 == 't' && (c2 == 'n' || c2 == 'l' || c2 == 'r')) {
      return head + c2 + c2 + tail;
    }
    if (c1 == 'k' && c2 == 'n') {
      return head + "ng" + tail;
    }
    if (c1 == 'p' && c2 == 'm') {
      return head + "mm" + tail;
    }
    if (c1 == 't' && c2 == 'h') {
      return head + "hd" + tail;
    }
    return null;
  }

  private static boolean vowel(char c) {
    return switch (c) {
      case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'å' -> true;
      default -> false;
    };
  }

  /** ä → a, ö → o, å → a: the spelling of texts typed without them. */
  static String plain(String lower) {
    return lower.replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
  }
}
