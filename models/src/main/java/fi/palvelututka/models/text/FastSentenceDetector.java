package fi.palvelututka.models.text;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.sentdetect.SDContextGenerator;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.lang.Factory;
import opennlp.tools.util.StringList;

/**
 * OpenNLP's {@link SentenceDetectorME} with the same decisions and a cheaper abbreviation check.
 *
 * <p>{@code SentenceDetectorME.isAcceptableBreak} lower-cases the whole text and searches it for
 * every abbreviation of the model's dictionary, at every candidate sentence end: on a 300-character
 * review that was about a tenth of the whole tagger's time. An abbreviation can only veto a break
 * when an occurrence of it starts at most its own length before the candidate, so this override
 * looks only there, comparing characters in place, and at each start only at the abbreviations that
 * begin with the character found there. The result is the same for every input ({@code
 * FastSentenceDetectorTest} compares both on review text, on text dense with abbreviations and at
 * every abbreviation of the model).
 */
final class FastSentenceDetector extends SentenceDetectorME {

  /** Abbreviations as the dictionary compares them (lower-cased unless case-sensitive). */
  private final String[] abbreviations;

  /**
   * The first characters of the abbreviations (as compared), sorted, and the abbreviations that
   * begin with each: looked up by binary search, with no {@code Character} boxed per look (ä and ö
   * are outside the JDK's cache of boxed characters).
   */
  private final char[] firsts;

  private final String[][] byFirst;

  /** The longest abbreviation's length. */
  private final int longest;

  /** An empty abbreviation (matches anywhere): then every abbreviation is tried everywhere. */
  private final boolean hasEmpty;

  private final boolean caseSensitive;

  // OpenNLP's constructor that takes a Factory is deprecated: see AbbreviationSetFactory
  @SuppressWarnings("deprecation")
  FastSentenceDetector(SentenceModel model) {
    super(model, new AbbreviationSetFactory(model.getAbbreviations()));
    Dictionary dict = model.getAbbreviations();
    List<String> abbs = new ArrayList<>();
    this.caseSensitive = dict != null && dict.isCaseSensitive();
    if (dict != null) {
      for (StringList entry : dict) {
        String token = entry.getToken(0);
        abbs.add(caseSensitive ? token : lower(token));
      }
    }
    this.abbreviations = dict == null ? null : abbs.toArray(new String[0]);
    TreeMap<Character, List<String>> groups = new TreeMap<>();
    int max = 0;
    boolean empty = false;
    for (String abb : abbs) {
      if (abb.isEmpty()) {
        empty = true;
      } else {
        groups.computeIfAbsent(abb.charAt(0), k -> new ArrayList<>()).add(abb);
        max = Math.max(max, abb.length());
      }
    }
    this.firsts = new char[groups.size()];
    this.byFirst = new String[groups.size()][];
    int g = 0;
    for (Map.Entry<Character, List<String>> e : groups.entrySet()) {
      firsts[g] = e.getKey();
      byFirst[g++] = e.getValue().toArray(new String[0]);
    }
    this.longest = max;
    this.hasEmpty = empty;
  }

  /**
   * OpenNLP's factory of context generators, handing them an {@link AbbreviationSet} instead of the
   * dictionary's own string view. That view wraps each string it is asked about in a {@code
   * StringList}, which interns it in a concurrent map and lower-cases it through a stream; the
   * context generator asks four times per candidate sentence end, and that was about 5% of the
   * tagger's time. (The constructor of {@link SentenceDetectorME} that takes this factory is
   * deprecated in favour of the model's own factory, which OpenNLP makes anew by class name and
   * only from allowed packages; it builds the detector exactly as the model's factory does.)
   */
  private static final class AbbreviationSetFactory extends Factory {
    private final Set<String> abbreviations;

    AbbreviationSetFactory(Dictionary dict) {
      this.abbreviations = dict == null ? Set.of() : new AbbreviationSet(dict);
    }

    @Override
    public SDContextGenerator createSentenceContextGenerator(String language, Set<String> abbs) {
      return super.createSentenceContextGenerator(language, abbreviations);
    }

    @Override
    public SDContextGenerator createSentenceContextGenerator(Set<String> abbs, char[] eos) {
      return super.createSentenceContextGenerator(abbreviations, eos);
    }
  }

  /**
   * A dictionary's {@link Dictionary#asStringSet()} with the same answers and no allocation per
   * question. The view finds an entry in a hash set of {@code StringList}s: the hash is that of the
   * lower-cased text (code point by code point), the match exact for a case-sensitive dictionary
   * and {@code String.compareToIgnoreCase} for another. Here the entries are grouped by that same
   * hash, computed over the asked string without building the lower-cased copy, and each entry of
   * the group is compared as the view compares it.
   */
  static final class AbbreviationSet extends AbstractSet<String> {

    private final Set<String> view;
    private final boolean caseSensitive;

    /** The distinct hashes of the single-word entries, sorted, and the entries with each. */
    private final int[] hashes;

    private final String[][] entries;

    AbbreviationSet(Dictionary dict) {
      this.view = dict.asStringSet();
      this.caseSensitive = dict.isCaseSensitive();
      TreeMap<Integer, List<String>> byHash = new TreeMap<>();
      for (StringList e : dict) {
        if (e.size() == 1) { // a longer entry never equals one string
          String t = e.getToken(0);
          byHash.computeIfAbsent(lowerHash(t), k -> new ArrayList<>()).add(t);
        }
      }
      hashes = new int[byHash.size()];
      entries = new String[byHash.size()][];
      int i = 0;
      for (Map.Entry<Integer, List<String>> e : byHash.entrySet()) {
        hashes[i] = e.getKey();
        entries[i++] = e.getValue().toArray(new String[0]);
      }
    }

    /** {@code StringUtil.toLowerCase(s).hashCode()}, without building the string. */
    static int lowerHash(String s) {
      int h = 0;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        int lower = Character.toLowerCase(cp);
        if (Character.isBmpCodePoint(lower)) {
          h = 31 * h + lower;
        } else {
          h = 31 * (31 * h + Character.highSurrogate(lower)) + Character.lowSurrogate(lower);
        }
      }
      return h;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof String s)) {
        return false;
      }
      int group = Arrays.binarySearch(hashes, lowerHash(s));
      if (group < 0) {
        return false;
      }
      for (String e : entries[group]) {
        if (caseSensitive ? e.equals(s) : e.compareToIgnoreCase(s) == 0) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Iterator<String> iterator() {
      return view.iterator();
    }

    @Override
    public int size() {
      return view.size();
    }
  }

  private static String lower(String s) {
    return s.codePoints()
        .map(Character::toLowerCase)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @Override
  protected boolean isAcceptableBreak(CharSequence s, int fromIndex, int candidateIndex) {
    if (abbreviations == null) {
      return true;
    }
    if (hasEmpty) {
      return acceptableByEveryAbbreviation(s, fromIndex, candidateIndex);
    }
    // The (abbreviation, start) pairs the original tries: starts from candidateIndex - length to
    // candidateIndex, not before fromIndex, the abbreviation inside the text. Only abbreviations
    // whose first character is the one at the start can match there, so each start looks at those
    // alone.
    int from = Math.max(fromIndex, candidateIndex - longest);
    for (int idx = from; idx <= candidateIndex && idx < s.length(); idx++) {
      char c = s.charAt(idx);
      int group = Arrays.binarySearch(firsts, caseSensitive ? c : Character.toLowerCase(c));
      if (group < 0) {
        continue;
      }
      for (String abb : byFirst[group]) {
        int len = abb.length();
        if (idx >= candidateIndex - len
            && idx <= s.length() - len
            && matchesAt(s, abb, idx)
            && vetoes(s, abb, idx, fromIndex, candidateIndex)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Each abbreviation at each start it could veto from (the first form of this check). */
  private boolean acceptableByEveryAbbreviation(CharSequence s, int fromIndex, int candidateIndex) {
    for (String abb : abbreviations) {
      int len = abb.length();
      int first = Math.max(fromIndex, candidateIndex - len);
      int last = Math.min(candidateIndex, s.length() - len);
      for (int idx = first; idx <= last; idx++) {
        if (matchesAt(s, abb, idx) && vetoes(s, abb, idx, fromIndex, candidateIndex)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The original's two conditions for an occurrence of {@code abb} at {@code idx}. */
  private static boolean vetoes(
      CharSequence s, String abb, int idx, int fromIndex, int candidateIndex) {
    if (idx == fromIndex && candidateIndex + 1 - idx == abb.length()) {
      return true; // the text from fromIndex to the candidate is the abbreviation itself
    }
    char prev = s.charAt(idx == fromIndex ? idx : idx - 1);
    return idx + abb.length() >= candidateIndex
        && (Character.isWhitespace(prev) || isApostrophe(prev) || prev == '(');
  }

  private boolean matchesAt(CharSequence s, String abb, int idx) {
    for (int i = 0; i < abb.length(); i++) {
      char c = s.charAt(idx + i);
      if ((caseSensitive ? c : Character.toLowerCase(c)) != abb.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '`' || c == '\u00b4';
  }
}
