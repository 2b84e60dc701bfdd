package fi.palvelututka.models.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The analysis of one word form, which depends on the form alone (and on whether the text lacks
 * ä/ö): its normalized form, lemma and negation role. {@link FinnishAnalyzer} keeps one per form it
 * has seen and gives the same object to every token of that form ({@link Token#word()}).
 *
 * <p><b>Memo slots.</b> The stages after the analyzer derive more from a word that depends on the
 * word alone: the theme patterns its lemma and form touch, its lexicon score, its tokens in the
 * sentiment model. Each used to look that up in a hash map of its own, four or five lookups per
 * token, and the hits were most of the tagger's hashing. A stage now keeps what it derived in a
 * slot of the word, under a key object of its own (the pattern set, the lexicon, the model), and
 * finds it again with the analyzer's one lookup. A slot under another key is never read, so two
 * models over one analyzer do not mix.
 *
 * <p>A word keeps at most {@value #MAX_SLOTS} slots; a new key beyond that replaces the oldest. The
 * keys are models, and a slot keeps its key alive: an analyzer used with one model after another
 * (cross-validation trains one per fold) would otherwise keep every one of them in memory for as
 * long as its word cache holds the word.
 *
 * <p>Equality is the analysis (norm, lemma, negation roles), not the slots. NOT thread-safe, like
 * the analyzer that made it: the slots are written without synchronization.
 */
public final class Word {

  private final String norm;
  private final String lemma;
  private final boolean negator;
  private final boolean breaksScope;

  /** {@link Negation#role} of the form: derived from norm and lemma. */
  private final int scopeRole;

  /** Most memo slots a word keeps. The tagger fills three (theme patterns, sentiment, idioms). */
  static final int MAX_SLOTS = 4;

  /** Key, value, key, value, ..., oldest first; null until the first slot is filled. */
  private Object[] memo;

  public Word(String norm, String lemma, boolean negator, boolean breaksScope) {
    this.norm = norm;
    this.lemma = lemma;
    this.negator = negator;
    this.breaksScope = breaksScope;
    this.scopeRole = Negation.role(norm, lemma);
  }

  public String norm() {
    return norm;
  }

  public String lemma() {
    return lemma;
  }

  public boolean negator() {
    return negator;
  }

  public boolean breaksScope() {
    return breaksScope;
  }

  /** The form's {@link Negation#role} bits (what scope it opens or may fall in). */
  public int scopeRole() {
    return scopeRole;
  }

  /** The value kept under {@code key} (compared by identity), or null. */
  public Object memo(Object key) {
    Object[] m = memo;
    if (m != null) {
      for (int i = 0; i < m.length; i += 2) {
        if (m[i] == key) {
          return m[i + 1];
        }
      }
    }
    return null;
  }

  /** Keeps {@code value} under {@code key} (compared by identity), replacing an earlier one. */
  public void memo(Object key, Object value) {
    Objects.requireNonNull(key, "key");
    Object[] m = memo;
    if (m == null) {
      memo = new Object[] {key, value};
      return;
    }
    for (int i = 0; i < m.length; i += 2) {
      if (m[i] == key) {
        m[i + 1] = value;
        return;
      }
    }
    if (m.length >= 2 * MAX_SLOTS) {
      System.arraycopy(m, 2, m, 0, m.length - 2); // the oldest slot goes
    } else {
      m = Arrays.copyOf(m, m.length + 2);
      memo = m;
    }
    m[m.length - 2] = key;
    m[m.length - 1] = value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Word w
        && negator == w.negator
        && breaksScope == w.breaksScope
        && norm.equals(w.norm)
        && lemma.equals(w.lemma);
  }

  @Override
  public int hashCode() {
    return Objects.hash(norm, lemma, negator, breaksScope);
  }

  @Override
  public String toString() {
    return "Word[" + norm + ", " + lemma + (negator ? ", negator" : "") + "]";
  }
}
