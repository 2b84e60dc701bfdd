package fi.palvelututka.models.sentiment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text into the token sequence the sentiment categorizer sees. Training and tagging must use
 * exactly this class, so it is part of the model contract: changing it requires retraining.
 *
 * <p>Tokens: lower-cased words (letters, digits, inner hyphens/apostrophes), emoticons such as ":)"
 * and ":(", emoji (each a token), runs of "!" and "?" (as "!" / "!!" and "?"). Words after a
 * Finnish negation verb (ei, en, et, emme, ette, eivät, älä, ...) up to the next punctuation, at
 * most {@link #NEGATION_WINDOW} words, are also emitted with a "neg_" prefix so that "hyvä" and "ei
 * hyvä" become different features.
 *
 * <p>Stateless and thread-safe.
 */
public final class SentimentFeatures {

  static final int NEGATION_WINDOW = 3;

  static final Set<String> NEGATION_VERBS =
      Set.of(
          "ei", "en", "et", "emme", "ette", "eivät", "eivat", "älä", "älkää", "älköön", "eikä",
          "enkä", "etkä", "emmekä", "ettekä", "eivätkä", "eikö", "enkö", "etkö", "eivätkö", "ettei",
          "jottei", "jollei");

  // Order matters: emoticons before punctuation, words last.
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<emoticon>[:;=][-'^o]?[)(\\]\\[dDpP|*]+|[xX][dD]+(?![\\p{L}\\p{N}])|<3)"
              + "|(?<word>[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*)"
              + "|(?<excl>!+)"
              + "|(?<quest>\\?+)"
              + "|(?<stop>[.,;:])",
          Pattern.UNICODE_CHARACTER_CLASS);

  private SentimentFeatures() {}

  public static String[] tokens(String text) {
    if (text == null || text.isEmpty()) {
      return new String[0];
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFC);
    List<String> out = new ArrayList<>();
    int negLeft = 0;
    Matcher m = TOKEN.matcher(t);
    int last = 0;
    while (m.find()) {
      addEmoji(t, last, m.start(), out);
      last = m.end();
      if (m.group("emoticon") != null) {
        out.add(emoticonClass(m.group("emoticon")));
      } else if (m.group("word") != null) {
        String w = squeeze(m.group("word").toLowerCase(Locale.ROOT));
        if (negLeft > 0) {
          out.add("neg_" + w);
          negLeft--;
        } else {
          out.add(w);
        }
        if (NEGATION_VERBS.contains(w)) {
          negLeft = NEGATION_WINDOW;
        }
      } else if (m.group("excl") != null) {
        out.add(m.group("excl").length() > 1 ? "!!" : "!");
        negLeft = 0;
      } else if (m.group("quest") != null) {
        out.add("?");
        negLeft = 0;
      } else {
        negLeft = 0;
      }
    }
    addEmoji(t, last, t.length(), out);
    return out.toArray(new String[0]);
  }

  /** Maps emoticons to a few classes so that ":)" and ":-)" share a feature. */
  static String emoticonClass(String e) {
    if (e.equals("<3")) {
      return "EMO_HEART";
    }
    char mouth = e.charAt(e.length() - 1);
    return switch (mouth) {
      case ')', ']', 'D', 'd', '*' -> "EMO_HAPPY";
      case '(', '[' -> "EMO_SAD";
      case 'P', 'p' -> "EMO_TONGUE";
      default -> "EMO_SKEPTIC";
    };
  }

  /** Collapses letters repeated three or more times: "ihanaaaa" → "ihanaa". */
  static String squeeze(String w) {
    if (w.length() < 3) {
      return w;
    }
    StringBuilder sb = new StringBuilder(w.length());
    int run = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      run = (i > 0 && w.charAt(i - 1) == c) ? run + 1 : 1;
      if (run <= 2) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void addEmoji(String t, int from, int to, List<String> out) {
    for (int i = from; i < to; ) {
      int cp = t.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.OTHER_SYMBOL && cp > 0x2000) {
        out.add(new String(Character.toChars(cp)));
      }
      i += Character.charCount(cp);
    }
  }
}
