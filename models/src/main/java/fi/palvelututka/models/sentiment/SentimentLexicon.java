package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Negation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A polarity lexicon of Finnish base forms (AFINN-fi: word → score in -5..+5). Single words only;
 * the few multi-word entries of AFINN are skipped. Immutable and thread-safe.
 */
public final class SentimentLexicon {

  public static final String AFINN_RELATIVE_PATH = "fi-lexicons/AFINN-fi-165.txt";

  private final Map<String, Integer> scores;

  public SentimentLexicon(Map<String, Integer> scores) {
    this.scores = Collections.unmodifiableMap(new HashMap<>(scores)); // misses probe cheaply
  }

  public static SentimentLexicon empty() {
    return new SentimentLexicon(Map.of());
  }

  /**
   * Parses {@code word<TAB>score} lines; blank lines and lines starting with {@code #} are skipped.
   */
  public static SentimentLexicon parse(String tsv) throws IOException {
    Map<String, Integer> m = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new StringReader(tsv))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.lastIndexOf('\t');
        if (tab <= 0) {
          throw new IOException("Bad lexicon line " + no + " (no tab): " + line);
        }
        String word = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
        if (word.indexOf(' ') >= 0) {
          continue;
        }
        try {
          m.put(word, Integer.parseInt(line.substring(tab + 1).strip()));
        } catch (NumberFormatException e) {
          throw new IOException("Bad lexicon score on line " + no + ": " + line, e);
        }
      }
    }
    return new SentimentLexicon(m);
  }

  /**
   * This lexicon without negation words ("ei", "en", "älä", ... as {@link Negation#isNegator} knows
   * them): AFINN-fi scores "ei" −1 (the English list's "no"), but negation is modelled as a scope
   * that flips the words after it, and as a polarity of its own it makes "ei huono" or "ei voi kuin
   * suositella" read as a complaint.
   */
  public SentimentLexicon withoutNegators() {
    Map<String, Integer> m = new HashMap<>(scores);
    m.keySet().removeIf(Negation::isNegator);
    return new SentimentLexicon(m);
  }

  /**
   * This lexicon with the entries of {@code supplement} that it lacks (its own scores win where
   * both have a word).
   */
  public SentimentLexicon plus(SentimentLexicon supplement) {
    Map<String, Integer> m = new HashMap<>(supplement.scores);
    m.putAll(scores);
    return new SentimentLexicon(m);
  }

  /** The lexicon as {@code word<TAB>score} lines, sorted. */
  public String toTsv() {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(scores).forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    return sb.toString();
  }

  /**
   * Score of a word: of its form when the lexicon lists the form, else of its lemma; 0 when
   * unknown. The form comes first because an entry for a form is the more specific one, and the
   * lemma may be a wrong guess: the abessive "ongelmitta" (without problems) is lemmatized to
   * "ongelma" (a problem), "mahtavaa" (great) to "mahtaa".
   */
  public int score(String lemma, String norm) {
    Integer s = scores.get(norm);
    if (s == null) {
      s = scores.get(lemma);
    }
    return s == null ? 0 : s;
  }

  public int size() {
    return scores.size();
  }
}
