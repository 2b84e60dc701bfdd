package fi.palvelututka.models.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalizes social-media Finnish word forms: lower case; letters repeated three or more times
 * ("ihanaaaa", "kiiiitos") reduced to the known word; and, for texts typed without ä and ö at all,
 * words mapped back to their ä/ö spelling ("hyva" → "hyvä", "myohassa" → "myöhässä") where the
 * evidence is clear: the ä/ö form is known, and the plain form is unknown or much rarer in the
 * training corpora (decided at training time, stored in {@code restore}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Normalizer {

  private final Set<String> known;
  private final Map<String, String> restore;

  /**
   * @param known lower-cased word forms seen in the corpora
   * @param restore plain (ä→a, ö→o, å→a) spelling → the ä/ö form it stands for
   */
  public Normalizer(Set<String> known, Map<String, String> restore) {
    // HashSet/HashMap, not Set.copyOf: the immutable sets probe linearly, and lookups often miss
    this.known = Collections.unmodifiableSet(new HashSet<>(known));
    this.restore = Collections.unmodifiableMap(new HashMap<>(restore));
  }

  public boolean known(String lower) {
    return known.contains(lower);
  }

  public int vocabularySize() {
    return known.size();
  }

  /** True when the text has no ä, ö or å at all (the writer's keyboard or habit lacks them). */
  public static boolean lacksUmlauts(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case 'ä', 'ö', 'å', 'Ä', 'Ö', 'Å' -> {
          return false;
        }
        default -> {
          // keep looking
        }
      }
    }
    return true;
  }

  /** Normalized form of one word token. */
  public String normalize(String word, boolean restoreUmlauts) {
    String w = word.toLowerCase(Locale.ROOT);
    if (hasRun(w)) {
      w = squeeze(w);
    }
    if (restoreUmlauts) {
      String r = restore.get(w);
      if (r != null) {
        return r;
      }
    }
    return w;
  }

  /** Plain spelling of a form: ä→a, ö→o, å→a. */
  public static String plain(String lower) {
    return lower.replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
  }

  private static boolean hasRun(String w) {
    for (int i = 2; i < w.length(); i++) {
      if (w.charAt(i) == w.charAt(i - 1) && w.charAt(i) == w.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  /** Runs of 3+ letters to 2, or to 1 if only that is a known word. */
  String squeeze(String w) {
    String two = reduceRuns(w, 2);
    if (known.contains(two)) {
      return two;
    }
    String one = reduceRuns(w, 1);
    if (known.contains(one)) {
      return one;
    }
    // prefer the plain ä/ö spelling match too: "hyvaaaa" -> "hyva" -> (restored later)
    if (restore.containsKey(one)) {
      return one;
    }
    return two;
  }

  private static String reduceRuns(String w, int keep) {
    StringBuilder sb = new StringBuilder(w.length());
    int i = 0;
    while (i < w.length()) {
      char c = w.charAt(i);
      int j = i;
      while (j < w.length() && w.charAt(j) == c) {
        j++;
      }
      int run = j - i;
      int n = run >= 3 ? keep : run;
      for (int k = 0; k < n; k++) {
        sb.append(c);
      }
      i = j;
    }
    return sb.toString();
  }
}
