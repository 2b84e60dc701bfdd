package fi.palvelututka.models.lang;

import fi.palvelututka.models.ModelVersion;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.Normalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language of a review text: Apache OpenNLP's language detector ({@code langdetect-183.bin} from
 * {@code org.apache.opennlp:opennlp-models-langdetect}, 103 languages, character n-grams), with
 * rules for review text, where texts are often too short for character statistics:
 *
 * <ol>
 *   <li>URLs, e-mail addresses, @handles and #tags are not language. Text with fewer than {@value
 *       #MIN_LETTERS} letters left (emoji only, "5/5", "ok", a link) is {@value #UNDETERMINED}.
 *   <li>Text mostly in a non-Latin script (Cyrillic, CJK, Arabic...) gets the detector's best
 *       language.
 *   <li>Short text (fewer than {@value #SHORT_LETTERS} letters) is decided by its words when they
 *       say something: words from the short cue lists of English, Swedish, Estonian and German
 *       ({@code language-cues.tsv}) against words of the Finnish analyzer's vocabulary (ä/ö
 *       restored). More cue words of one language than Finnish words: that language; Finnish words
 *       and no foreign word or letter (õ, ü, å, ß...): Finnish.
 *   <li>Longer text that is clearly Finnish, with at least {@value #CLEARLY_FINNISH_SHARE} of its
 *       words in the Finnish vocabulary and no cue word or letter of another language, is Finnish
 *       without running the detector (the confidence is then that share). This is the common case;
 *       it saves the detector's cost, and on the dev and test sets it routes exactly as the
 *       detector did.
 *   <li>Otherwise the detector's best language, except that Finnish wins when its probability is at
 *       least {@value #FINNISH_PRIOR} of the best one's (the reviews are about businesses in
 *       Finland).
 * </ol>
 *
 * <p>Codes are ISO 639-1 where one exists ({@code fi}, {@code sv}, {@code et}), else the detector's
 * ISO 639-3 code. Only the first {@value #MAX_CHARS} characters are read: enough for the language,
 * and the cost stays flat for long reviews. Quality on held-out data: {@code
 * models/eval/language-test.md} ({@code models evaluate-language}).
 *
 * <p>Not thread-safe: create one per thread or Spark partition ({@link #shipped()} is cheap after
 * the first call; the models are loaded once per JVM).
 */
public final class LanguageIdentifier {

  /** Classpath resource of the detector model (root of the opennlp-models-langdetect jar). */
  public static final String RESOURCE = "langdetect-183.bin";

  public static final String MODEL_NAME = "langdetect-183";
  public static final String FINNISH = "fi";
  public static final String UNDETERMINED = "und";

  /** Fewer letters than this (after links and handles are removed): {@value #UNDETERMINED}. */
  public static final int MIN_LETTERS = 3;

  /** Finnish wins when p(fin) ≥ this × p(best). */
  public static final double FINNISH_PRIOR = 0.8;

  /** Texts with fewer letters than this are decided by their words where they can be. */
  public static final int SHORT_LETTERS = 40;

  /** Classpath resource of the cue words of other languages. */
  public static final String CUES_RESOURCE = "palvelututka/models/language-cues.tsv";

  private static final java.util.regex.Pattern NOT_LANGUAGE =
      java.util.regex.Pattern.compile(
          "(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\S+|[@#][\\p{L}\\p{N}_]+");

  /** Characters of a text that the detector reads. */
  public static final int MAX_CHARS = 400;

  /** The identified language and the detector's confidence for it (0 when undetermined). */
  public record Guess(String language, double confidence) {}

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private final LanguageDetectorME detector;
  private final ModelVersion version;
  private final java.util.function.Predicate<String> finnishWord;
  private final Map<String, List<String>> cues;

  /**
   * @param finnishWord whether a lowercase word is a known Finnish word
   * @param cues lowercase word → the other languages (ISO 639-1) it is a common word of
   */
  public LanguageIdentifier(
      LanguageDetectorModel model,
      ModelVersion version,
      java.util.function.Predicate<String> finnishWord,
      Map<String, List<String>> cues) {
    this.detector = new LanguageDetectorME(model);
    this.version = version;
    this.finnishWord = finnishWord;
    this.cues = cues;
  }

  private static final class Holder {
    static final LanguageDetectorModel MODEL;
    static final ModelVersion VERSION;

    static {
      try (InputStream in =
          LanguageIdentifier.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Language detector model "
                  + RESOURCE
                  + " is not on the classpath (dependency"
                  + " org.apache.opennlp:opennlp-models-langdetect)");
        }
        byte[] bytes = in.readAllBytes();
        VERSION = ModelVersion.of(MODEL_NAME, bytes);
        MODEL = new LanguageDetectorModel(new ByteArrayInputStream(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
    }
  }

  private static final class CuesHolder {
    static final Map<String, List<String>> CUES = readCues();
  }

  /**
   * An identifier over the detector model on the classpath and the shipped Finnish analyzer's
   * vocabulary, loaded once per JVM.
   */
  public static LanguageIdentifier shipped() {
    Normalizer n = AnalyzerModels.shipped().normalizer();
    return new LanguageIdentifier(
        Holder.MODEL,
        Holder.VERSION,
        w -> {
          if (n.known(w)) {
            return true;
          }
          String r = n.normalize(w, true);
          // when normalizing changes nothing it returns the same instance: no second lookup of
          // a miss (an equal copy would only cost that lookup)
          return r != w && n.known(r);
        },
        CuesHolder.CUES);
  }

  static Map<String, List<String>> readCues() {
    Map<String, List<String>> m = new HashMap<>();
    try (InputStream in =
        LanguageIdentifier.class.getClassLoader().getResourceAsStream(CUES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CUES_RESOURCE + " is not on the classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        for (String w : f[1].trim().split("\\s+")) {
          m.computeIfAbsent(w, k -> new ArrayList<>(2)).add(f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + CUES_RESOURCE, e);
    }
    return m;
  }

  /**
   * False when {@link #NOT_LANGUAGE} cannot match: no '@', '#', "http" or "www.". Saves its regex
   * (costly: "\\S+@" backtracks over every word) on most reviews.
   */
  static boolean mayHaveNonLanguage(String s) {
    return s.indexOf('@') >= 0 || s.indexOf('#') >= 0 || s.contains("http") || s.contains("www.");
  }

  public ModelVersion version() {
    return version;
  }

  public Guess identify(String text) {
    if (text == null) {
      return new Guess(UNDETERMINED, 0.0);
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (mayHaveNonLanguage(sample)) {
      sample = NOT_LANGUAGE.matcher(sample).replaceAll(" ");
    }
    int letters = 0;
    int latin = 0;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
        if (latinLetter(cp)) {
          latin++;
        }
      }
      i += Character.charCount(cp);
    }
    if (letters < MIN_LETTERS) {
      return new Guess(UNDETERMINED, 0.0);
    }
    if (latin * 2 >= letters && letters >= SHORT_LETTERS) {
      Words words = words(sample.toLowerCase(Locale.ROOT));
      if (words.clearlyFinnish()) {
        // the detector would agree (checked on the dev and test sets): skip its cost
        return new Guess(FINNISH, (double) words.finnish / words.words);
      }
    }
    Language[] ranked = detector.predictLanguages(sample);
    Language best = ranked[0];
    if (latin * 2 < letters) {
      for (Language l : ranked) {
        if (!l.getLang().equals("fin")) {
          return new Guess(iso1(l.getLang()), l.getConfidence());
        }
      }
    }
    double fin = 0;
    for (Language l : ranked) {
      if (l.getLang().equals("fin")) {
        fin = l.getConfidence();
        break;
      }
    }
    if (letters < SHORT_LETTERS) {
      Guess byWords = words(sample.toLowerCase(Locale.ROOT)).guess(fin);
      if (byWords != null) {
        return byWords;
      }
    }
    if (best.getLang().equals("fin") || fin >= FINNISH_PRIOR * best.getConfidence()) {
      return new Guess(FINNISH, fin);
    }
    return new Guess(iso1(best.getLang()), best.getConfidence());
  }

  /**
   * Share of known Finnish words from which a long text is taken as Finnish without the detector,
   * when it has no cue word of another language and no letter outside Finnish spelling.
   */
  public static final double CLEARLY_FINNISH_SHARE = 0.5;

  /** Word counts of a lower-cased text: Finnish vocabulary, cue words, foreign letters. */
  private final class Words {
    int words;
    int finnish;
    int foreign;
    Map<String, Integer> byLanguage;

    /** The language the words of a short text show, or null when they show none. */
    Guess guess(double finConfidence) {
      String top = null;
      int topCount = 0;
      if (byLanguage != null) {
        for (Map.Entry<String, Integer> e : byLanguage.entrySet()) {
          if (e.getValue() > topCount
              || (e.getValue() == topCount && e.getKey().compareTo(top) < 0)) {
            top = e.getKey();
            topCount = e.getValue();
          }
        }
      }
      if (top != null && topCount > finnish) {
        return new Guess(top, 0.0);
      }
      if (finnish > 0 && foreign == 0 && 2 * finnish >= words) {
        return new Guess(FINNISH, finConfidence);
      }
      return null;
    }

    boolean clearlyFinnish() {
      return foreign == 0 && words > 0 && finnish >= CLEARLY_FINNISH_SHARE * words;
    }
  }

  private Words words(String lower) {
    Words c = new Words();
    int n = lower.length();
    int i = 0;
    while (i < n) {
      // a word: a run of letters (what \p{L}+ finds), without a regex
      int cp = lower.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int from = i;
      while (i < n && Character.isLetter(cp = lower.codePointAt(i))) {
        i += Character.charCount(cp);
      }
      String w = lower.substring(from, i);
      c.words++;
      List<String> langs = cues.get(w);
      if (langs != null) {
        c.foreign++;
        if (c.byLanguage == null) {
          c.byLanguage = new HashMap<>();
        }
        for (String l : langs) {
          c.byLanguage.merge(l, 1, Integer::sum);
        }
      } else if (!finnishLetters(w)) {
        c.foreign++;
      } else if (finnishWord.test(w)) {
        c.finnish++;
      }
    }
    return c;
  }

  /**
   * Whether a letter is of the Latin script. Letters below U+0080 and from U+00C0 to U+024F
   * (Latin-1 letters, Latin Extended-A and -B) all are, without {@link
   * Character.UnicodeScript#of}'s binary search; the three letters between (ª, µ, º) and all others
   * are looked up.
   */
  static boolean latinLetter(int letter) {
    if (letter < 0x80 || (letter >= 0xC0 && letter < 0x250)) {
      return true;
    }
    return Character.UnicodeScript.of(letter) == Character.UnicodeScript.LATIN;
  }

  /** Only letters Finnish words are written with (a–z, ä, ö; å in names is rare enough). */
  static boolean finnishLetters(String lowerWord) {
    for (int i = 0; i < lowerWord.length(); i++) {
      char c = lowerWord.charAt(i);
      if (!((c >= 'a' && c <= 'z') || c == 'ä' || c == 'ö')) {
        return false;
      }
    }
    return true;
  }

  /** ISO 639-1 code for the detector's ISO 639-3 code, or the 639-3 code when there is none. */
  public static String iso1(String iso3) {
    return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> m = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        m.put(new Locale(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code known to the JDK
      }
    }
    // individual languages the detector uses for macrolanguages
    m.put("ekk", "et");
    m.put("lvs", "lv");
    m.put("cmn", "zh");
    m.put("pes", "fa");
    m.put("pnb", "pa");
    m.put("plt", "mg");
    return m;
  }
}
