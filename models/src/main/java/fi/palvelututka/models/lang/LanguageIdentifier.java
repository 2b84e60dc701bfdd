package fi.palvelututka.models.lang;

import fi.palvelututka.models.ModelVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language of a review text: Apache OpenNLP's language detector ({@code langdetect-183.bin} from
 * {@code org.apache.opennlp:opennlp-models-langdetect}, 103 languages, character n-grams) with two
 * rules for review text:
 *
 * <ul>
 *   <li>text with fewer than {@value #MIN_LETTERS} letters (emoji only, "5/5", "ok") is {@value
 *       #UNDETERMINED}: no detector can tell its language;
 *   <li>a Finnish prior: the reviews are about businesses in Finland, so Finnish wins when its
 *       probability is at least {@value #FINNISH_PRIOR} of the best language's. This repairs short
 *       and colloquial Finnish ("Ihan perus.", "Paras sali!") that the detector, trained on
 *       newspaper-like text, gives to Estonian or Cebuano with near-equal scores.
 * </ul>
 *
 * <p>Codes are ISO 639-1 where one exists ({@code fi}, {@code sv}, {@code et}), else the detector's
 * ISO 639-3 code. Only the first {@value #MAX_CHARS} characters are read: enough for the language,
 * and the cost stays flat for long reviews.
 *
 * <p>Not thread-safe: create one per thread or Spark partition ({@link #shipped()} is cheap after
 * the first call; the model is loaded once per JVM).
 */
public final class LanguageIdentifier {

  /** Classpath resource of the detector model (root of the opennlp-models-langdetect jar). */
  public static final String RESOURCE = "langdetect-183.bin";

  public static final String MODEL_NAME = "langdetect-183";
  public static final String FINNISH = "fi";
  public static final String UNDETERMINED = "und";

  /** Fewer letters than this: {@value #UNDETERMINED}. */
  public static final int MIN_LETTERS = 3;

  /** Finnish wins when p(fin) ≥ this × p(best). */
  public static final double FINNISH_PRIOR = 0.5;

  /** Characters of a text that the detector reads. */
  public static final int MAX_CHARS = 400;

  /** The identified language and the detector's confidence for it (0 when undetermined). */
  public record Guess(String language, double confidence) {
    public boolean finnish() {
      return FINNISH.equals(language);
    }
  }

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private final LanguageDetectorME detector;
  private final ModelVersion version;

  private LanguageIdentifier(LanguageDetectorModel model, ModelVersion version) {
    this.detector = new LanguageDetectorME(model);
    this.version = version;
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

  /** An identifier over the detector model on the classpath, loaded once per JVM. */
  public static LanguageIdentifier shipped() {
    return new LanguageIdentifier(Holder.MODEL, Holder.VERSION);
  }

  public ModelVersion version() {
    return version;
  }

  public Guess identify(String text) {
    if (text == null) {
      return new Guess(UNDETERMINED, 0.0);
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (letters(sample) < MIN_LETTERS) {
      return new Guess(UNDETERMINED, 0.0);
    }
    Language[] ranked = detector.predictLanguages(sample);
    Language best = ranked[0];
    if (!best.getLang().equals("fin")) {
      for (Language l : ranked) {
        if (l.getLang().equals("fin")) {
          if (l.getConfidence() >= FINNISH_PRIOR * best.getConfidence()) {
            return new Guess(FINNISH, l.getConfidence());
          }
          break;
        }
      }
    }
    return new Guess(iso1(best.getLang()), best.getConfidence());
  }

  /** ISO 639-1 code for the detector's ISO 639-3 code, or the 639-3 code when there is none. */
  public static String iso1(String iso3) {
    return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
  }

  static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        n++;
      }
      i += Character.charCount(cp);
    }
    return n;
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
