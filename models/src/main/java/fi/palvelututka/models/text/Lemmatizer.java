package fi.palvelututka.models.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finnish lemmatizer without a POS tagger: a form → lemma dictionary built from UD Finnish (most
 * frequent lemma per lower-cased form), and for unknown forms suffix rules learned from the same
 * dictionary (longest known word ending → "strip n characters, append s"), so that an unseen
 * compound such as "asiakaspalvelussa" is handled like its head "palvelussa". Chosen over OpenNLP's
 * LemmatizerME with a POS tagger by measurement (models/eval/analyzer-fi.md): similar accuracy, an
 * order of magnitude faster.
 *
 * <p>Immutable and thread-safe.
 */
public final class Lemmatizer {

  /** A suffix rule: remove {@code strip} chars from the end, then append {@code append}. */
  public record Rule(int strip, String append) {
    public String apply(String form) {
      return form.substring(0, form.length() - strip) + append;
    }

    public static Rule between(String form, String lemma) {
      int p = 0;
      int max = Math.min(form.length(), lemma.length());
      while (p < max && form.charAt(p) == lemma.charAt(p)) {
        p++;
      }
      return new Rule(form.length() - p, lemma.substring(p));
    }
  }

  /** Longest word ending considered by the suffix rules. */
  public static final int MAX_SUFFIX = 7;

  /** Shortest stem left in front of a matched ending. */
  static final int MIN_STEM = 2;

  private final Map<String, String> dictionary;
  private final java.util.Set<String> lemmas;
  private final Map<String, Rule> suffixRules;

  public Lemmatizer(Map<String, String> dictionary, Map<String, Rule> suffixRules) {
    // HashMap, not Map.copyOf: the immutable maps probe linearly, and most lookups here miss
    this.dictionary = Collections.unmodifiableMap(new HashMap<>(dictionary));
    this.lemmas = Collections.unmodifiableSet(new HashSet<>(dictionary.values()));
    this.suffixRules = Collections.unmodifiableMap(new HashMap<>(suffixRules));
  }

  public int dictionarySize() {
    return dictionary.size();
  }

  /** True when the lower-cased form is in the dictionary. */
  public boolean known(String lowerForm) {
    return dictionary.containsKey(lowerForm);
  }

  /**
   * Lemma of a lower-cased word form: the dictionary's; else the form itself when it is a known
   * lemma (an unseen nominative such as "myyjä" must not lose its ending); else suffix rules.
   */
  public String lemma(String lowerForm) {
    String l = dictionary.get(lowerForm);
    if (l != null) {
      return l;
    }
    if (lemmas.contains(lowerForm)) {
      return lowerForm;
    }
    return guess(lowerForm);
  }

  /** The suffix-rule guess, ignoring the dictionary. */
  public String guess(String lowerForm) {
    int n = lowerForm.length();
    for (int k = Math.min(MAX_SUFFIX, n - MIN_STEM); k >= 1; k--) {
      Rule r = suffixRules.get(lowerForm.substring(n - k));
      if (r != null && r.strip() <= n - 1) {
        return r.apply(lowerForm);
      }
    }
    return lowerForm;
  }

  /**
   * Learns the suffix rules from (form, lemma, count) entries: for every word ending up to {@link
   * #MAX_SUFFIX} characters, the rule seen most often (by token count) among forms with that
   * ending. An ending is kept only where its rule differs from what a shorter ending would give,
   * which keeps the table small.
   */
  public static Map<String, Rule> learnSuffixRules(List<Entry> entries) {
    Map<String, Map<Rule, Long>> counts = new HashMap<>();
    for (Entry e : entries) {
      if (e.form().length() < MIN_STEM + 1 || !e.form().chars().allMatch(Character::isLetter)) {
        continue;
      }
      Rule r = Rule.between(e.form(), e.lemma());
      int n = e.form().length();
      for (int k = 1; k <= Math.min(MAX_SUFFIX, n - MIN_STEM); k++) {
        counts
            .computeIfAbsent(e.form().substring(n - k), x -> new HashMap<>())
            .merge(r, e.count(), Long::sum);
      }
    }
    Map<String, Rule> best = new HashMap<>();
    counts.forEach(
        (suffix, m) ->
            best.put(
                suffix,
                m.entrySet().stream()
                    .max(
                        Map.Entry.<Rule, Long>comparingByValue()
                            .thenComparing(x -> -x.getKey().strip()))
                    .orElseThrow()
                    .getKey()));
    // prune: keep an ending only if its rule differs from its parent ending's rule
    Map<String, Rule> pruned = new HashMap<>();
    best.forEach(
        (suffix, rule) -> {
          Rule parent = suffix.length() == 1 ? null : best.get(suffix.substring(1));
          if (!rule.equals(parent)) {
            pruned.put(suffix, rule);
          }
        });
    return pruned;
  }

  /** A dictionary entry: lower-cased form, lemma, token count. */
  public record Entry(String form, String lemma, long count) {
    public Entry {
      form = form.toLowerCase(Locale.ROOT);
    }
  }
}
