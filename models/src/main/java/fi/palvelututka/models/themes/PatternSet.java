package fi.palvelututka.models.themes;

import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The taxonomy's evidence patterns compiled into lookup tables, and the matcher that finds them in
 * an analysed sentence. Immutable and thread-safe.
 *
 * <h2>Pattern syntax</h2>
 *
 * A pattern is a space-separated list of elements. It matches a sentence when every element matches
 * a different token of the sentence and all those tokens lie within a window of {@code elements +
 * }{@value #EXTRA_WINDOW} tokens, in any order (Finnish word order is free: "ei vastattu
 * puhelimeen" and "puhelimeen ei vastattu" are the same pattern). An element is one or more
 * alternatives separated by {@code |}; an alternative is matched against the token's lemma and its
 * normalized form (lower case, repeated letters squeezed, ä/ö restored):
 *
 * <ul>
 *   <li>{@code jonottaa}: equal;
 *   <li>{@code jono*}: starts with ("jonotus", "jonottaa");
 *   <li>{@code *jono}: ends with, for compound heads ("puhelinjono", "jono");
 *   <li>{@code *jono*}: contains;
 *   <li>{@code NEG}: a negation verb ("ei", "en", "eikä", "ettei", ...);
 *   <li>a leading {@code ~} ({@code ~jonottaa}): the token must be in the scope of a negation;
 *   <li>a leading {@code !} ({@code !innolla}): the pattern does not match a sentence that has such
 *       a token anywhere ("odottaa" but not "odottaa innolla");
 *   <li>a leading {@code =} ({@code =viivästys}): this token's negation scope does not flip the
 *       polarity ("kukaan ei kertonut viivästyksestä" stays a complaint).
 * </ul>
 *
 * Negation: a complaint or praise pattern without {@code NEG} or {@code ~} whose matched tokens
 * include one in negation scope (other than {@code =} elements) has its polarity flipped
 * ("ystävällinen" is praise, "ei ollut kovin ystävällinen" a complaint; "jonottaa" a complaint, "ei
 * tarvinnut jonottaa" praise).
 */
public final class PatternSet {

  /** Window slack: a pattern of n elements must match within n + this many tokens. */
  public static final int EXTRA_WINDOW = 4;

  /** Polarity kinds of a pattern; NEUTRAL takes the polarity from the sentence's sentiment. */
  public enum Kind {
    COMPLAINT,
    PRAISE,
    NEUTRAL
  }

  /**
   * A compiled pattern: its category, kind, source text, the element ids that must match and the
   * ones that must not occur in the sentence.
   */
  public record Pattern(
      int category,
      Kind kind,
      String source,
      int[] elements,
      int[] forbidden,
      boolean explicitNegation) {}

  /**
   * One match of a pattern in a sentence: the matched token indexes (ascending), and whether a
   * matched token that may flip the polarity is in negation scope.
   */
  public record Match(Pattern pattern, int[] tokens, boolean negatedCue) {}

  private enum AltKind {
    EXACT,
    PREFIX,
    SUFFIX,
    CONTAINS
  }

  private record Element(
      boolean negator, boolean requireNegated, boolean forbidden, boolean noFlip) {}

  private final List<String> categoryIds;
  private final List<Pattern> patterns;
  private final Element[] elements;

  /** {@link Element#requireNegated} by element id (read for every element of every word). */
  private final boolean[] requireNegated;

  private final Map<String, int[]> exact;
  private final CharTrie prefix;
  private final CharTrie suffix;
  private final CharTrie contains;
  private final int[] negElements;

  /** Patterns indexed by their first element that is not NEG (by element id; null: none). */
  private final Pattern[][] byAnchor;

  /** Per-thread working lists of {@link #match} (the set itself stays immutable). */
  private final ThreadLocal<Scratch> scratch;

  private PatternSet(
      List<String> categoryIds,
      List<Pattern> patterns,
      Element[] elements,
      Map<String, int[]> exact,
      Map<String, int[]> prefix,
      Map<String, int[]> suffix,
      String[] containsText,
      int[] containsElement,
      int[] negElements) {
    this.categoryIds = categoryIds;
    this.patterns = patterns;
    this.elements = elements;
    this.requireNegated = new boolean[elements.length];
    for (int e = 0; e < elements.length; e++) {
      requireNegated[e] = elements[e].requireNegated();
    }
    this.exact = exact;
    this.prefix = CharTrie.of(prefix, false);
    this.suffix = CharTrie.of(suffix, true);
    Map<String, List<Integer>> containing = new HashMap<>();
    for (int i = 0; i < containsText.length; i++) {
      containing.computeIfAbsent(containsText[i], k -> new ArrayList<>()).add(containsElement[i]);
    }
    this.contains = CharTrie.of(freeze(containing), false);
    this.negElements = negElements;
    Map<Integer, List<Pattern>> idx = new HashMap<>();
    for (Pattern p : patterns) {
      int anchor = p.elements()[0];
      for (int e : p.elements()) {
        if (!elements[e].negator()) {
          anchor = e;
          break;
        }
      }
      idx.computeIfAbsent(anchor, k -> new ArrayList<>()).add(p);
    }
    this.byAnchor = new Pattern[elements.length][];
    idx.forEach((e, ps) -> byAnchor[e] = ps.toArray(new Pattern[0]));
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(elements.length));
  }

  /**
   * Token indexes per element id, for the elements one sentence touched: a list per element, its
   * nodes in two flat arrays (a few kilobytes for all elements, where one small list object per
   * element made every token's element ids a walk through the heap).
   */
  private static final class Scratch {
    /** First and last node of each element's list (-1: the sentence has not touched it). */
    final int[] head;

    final int[] tail;

    /** List nodes: the token index, and the next node of the same element (-1: none). */
    int[] pos = new int[256];

    int[] next = new int[256];
    int used;

    final IntList touched = new IntList();

    /** The touched elements that anchor patterns, as bits by element id (read in id order). */
    final long[] anchors;

    Scratch(int elements) {
      head = new int[elements];
      tail = new int[elements];
      Arrays.fill(head, -1);
      anchors = new long[(elements + 63) >>> 6];
    }

    /** Adds token i to element e's list (once); true when it is the element's first token. */
    boolean add(int e, int i) {
      int last = tail[e];
      if (head[e] >= 0 && pos[last] == i) {
        return false;
      }
      if (used == pos.length) {
        pos = Arrays.copyOf(pos, used * 2);
        next = Arrays.copyOf(next, used * 2);
      }
      int node = used++;
      pos[node] = i;
      next[node] = -1;
      tail[e] = node;
      if (head[e] < 0) {
        head[e] = node;
        touched.add(e);
        return true;
      }
      next[last] = node;
      return false;
    }

    boolean has(int e) {
      return head[e] >= 0;
    }

    void clear() {
      for (int k = 0; k < touched.size; k++) {
        head[touched.data[k]] = -1;
      }
      touched.clear();
      used = 0;
      Arrays.fill(anchors, 0L);
    }
  }

  public List<Pattern> patterns() {
    return patterns;
  }

  public String categoryId(int category) {
    return categoryIds.get(category);
  }

  public int categoryCount() {
    return categoryIds.size();
  }

  /** Compiles all patterns of a taxonomy; a malformed pattern fails with its category named. */
  public static PatternSet compile(Taxonomy taxonomy) {
    List<String> ids = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    Map<String, Integer> elementIds = new LinkedHashMap<>();
    List<Element> elements = new ArrayList<>();
    Map<String, List<Integer>> exact = new HashMap<>();
    Map<String, List<Integer>> prefix = new HashMap<>();
    Map<String, List<Integer>> suffix = new HashMap<>();
    List<String> containsText = new ArrayList<>();
    List<Integer> containsElement = new ArrayList<>();
    List<Integer> neg = new ArrayList<>();
    for (ThemeCategory c : taxonomy.categories()) {
      int ci = ids.size();
      ids.add(c.id());
      for (Kind kind : Kind.values()) {
        List<String> src =
            switch (kind) {
              case COMPLAINT -> c.complaint();
              case PRAISE -> c.praise();
              case NEUTRAL -> c.neutral();
            };
        for (String raw : src) {
          String text = raw.strip();
          if (text.isEmpty()) {
            throw new IllegalArgumentException("Empty pattern in " + c.id() + "/" + kind);
          }
          String[] parts = text.split("\\s+");
          for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].equals("NEG") ? "NEG" : parts[i].toLowerCase(Locale.ROOT);
          }
          List<Integer> el = new ArrayList<>();
          List<Integer> forbidden = new ArrayList<>();
          boolean explicitNeg = false;
          boolean content = false;
          for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            Integer id = elementIds.get(part);
            if (id == null) {
              id = elements.size();
              Element e =
                  parseElement(part, id, exact, prefix, suffix, containsText, containsElement);
              if (e == null) {
                throw new IllegalArgumentException(
                    "Bad element '" + part + "' in pattern '" + raw + "' of " + c.id());
              }
              elements.add(e);
              elementIds.put(part, id);
              if (e.negator()) {
                neg.add(id);
              }
            }
            Element e = elements.get(id);
            if (e.forbidden()) {
              forbidden.add(id);
              continue;
            }
            explicitNeg |= e.negator() || e.requireNegated();
            content |= !e.negator();
            el.add(id);
          }
          if (!content) {
            throw new IllegalArgumentException(
                "Pattern '" + raw + "' of " + c.id() + " has no word element");
          }
          patterns.add(
              new Pattern(
                  ci,
                  kind,
                  raw.strip(),
                  el.stream().mapToInt(Integer::intValue).toArray(),
                  forbidden.stream().mapToInt(Integer::intValue).toArray(),
                  explicitNeg));
        }
      }
    }
    return new PatternSet(
        List.copyOf(ids),
        List.copyOf(patterns),
        elements.toArray(new Element[0]),
        freeze(exact),
        freeze(prefix),
        freeze(suffix),
        containsText.toArray(new String[0]),
        containsElement.stream().mapToInt(Integer::intValue).toArray(),
        neg.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Parses one element and indexes its alternatives under {@code id}; null when malformed. */
  private static Element parseElement(
      String part,
      int id,
      Map<String, List<Integer>> exact,
      Map<String, List<Integer>> prefix,
      Map<String, List<Integer>> suffix,
      List<String> containsText,
      List<Integer> containsElement) {
    if (part.equals("NEG")) {
      return new Element(true, false, false, false);
    }
    char lead = part.charAt(0);
    boolean requireNeg = lead == '~';
    boolean forbidden = lead == '!';
    boolean noFlip = lead == '=';
    String body = requireNeg || forbidden || noFlip ? part.substring(1) : part;
    for (String alt : body.split("\\|", -1)) {
      AltKind k = kindOf(alt);
      String w = alt.replace("*", "");
      if (w.isEmpty() || !w.matches("[\\p{L}\\p{N}'-]+") || k == null) {
        return null;
      }
      switch (k) {
        case EXACT -> exact.computeIfAbsent(w, x -> new ArrayList<>()).add(id);
        case PREFIX -> prefix.computeIfAbsent(w, x -> new ArrayList<>()).add(id);
        case SUFFIX -> suffix.computeIfAbsent(w, x -> new ArrayList<>()).add(id);
        case CONTAINS -> {
          containsText.add(w);
          containsElement.add(id);
        }
      }
    }
    return new Element(false, requireNeg, forbidden, noFlip);
  }

  private static AltKind kindOf(String alt) {
    boolean lead = alt.startsWith("*");
    boolean trail = alt.endsWith("*") && alt.length() > 1;
    String inner = alt.substring(lead ? 1 : 0, alt.length() - (trail ? 1 : 0));
    if (inner.contains("*")) {
      return null;
    }
    if (lead && trail) {
      return AltKind.CONTAINS;
    }
    if (lead) {
      return AltKind.SUFFIX;
    }
    return trail ? AltKind.PREFIX : AltKind.EXACT;
  }

  private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
    return out;
  }

  /** All pattern matches in one sentence (at most one per pattern: the first assignment found). */
  public List<Match> match(Sentence sentence) {
    List<Token> tokens = sentence.tokens();
    int n = tokens.size();
    Scratch w = scratch.get();
    try {
      for (int i = 0; i < n; i++) {
        Token t = tokens.get(i);
        if (!t.isWord()) {
          continue;
        }
        if (t.negator()) {
          touch(negElements, t, i, w);
        }
        touch(elementIds(t), t, i, w);
      }
      if (w.touched.size == 0) {
        return List.of();
      }
      // in element id order, so the matches come out in the same order for the same sentence
      List<Match> out = new ArrayList<>();
      long[] anchors = w.anchors;
      for (int word = 0; word < anchors.length; word++) {
        for (long bits = anchors[word]; bits != 0; bits &= bits - 1) {
          int e = (word << 6) + Long.numberOfTrailingZeros(bits);
          for (Pattern p : byAnchor[e]) {
            int[] found = find(p, w);
            if (found != null) {
              out.add(new Match(p, sorted(found), negatedCue(p, found, tokens)));
            }
          }
        }
      }
      return out;
    } finally {
      w.clear();
    }
  }

  /** Records token i under each of these elements it may stand for. */
  private void touch(int[] elements, Token t, int i, Scratch w) {
    for (int e : elements) {
      if (requireNegated[e] && !t.negated()) {
        continue;
      }
      if (w.add(e, i) && byAnchor[e] != null) {
        w.anchors[e >>> 6] |= 1L << e;
      }
    }
  }

  private static final int[] NO_IDS = new int[0];

  /**
   * The element ids a word token's lemma and form touch (the lemma's first), negation aside. They
   * depend on the word alone, so they are kept in the analyzer's {@link Word} under this pattern
   * set: each token costs no lookup of its own (the same few thousand words come back in every
   * review, and a lookup walks three tries from each character).
   */
  private int[] elementIds(Token t) {
    Word word = t.word();
    if (word != null && word.memo(this) instanceof int[] ids) {
      return ids;
    }
    IntList out = new IntList();
    lookup(t.lemma(), out);
    if (!t.norm().equals(t.lemma())) {
      lookup(t.norm(), out);
    }
    int[] ids = out.size == 0 ? NO_IDS : Arrays.copyOf(out.data, out.size);
    if (word != null) {
      word.memo(this, ids);
    }
    return ids;
  }

  private void lookup(String key, IntList out) {
    addAll(exact.get(key), out);
    prefix.collect(key, out);
    suffix.collect(key, out);
    // "*x*" elements: x starts somewhere in the key (each element once)
    int from = out.size;
    for (int i = 0; i < key.length(); i++) {
      contains.collectAt(key, i, out, from);
    }
  }

  /**
   * Prefixes (or, reversed, suffixes) and their element ids, looked up by walking a key's
   * characters once: no substring per candidate length. Ids come out shortest prefix first, as the
   * per-length map lookups gave them.
   */
  private static final class CharTrie {
    private char[] labels = new char[0];
    private CharTrie[] children = new CharTrie[0];
    private int[] ids;
    private final boolean reversed;

    private CharTrie(boolean reversed) {
      this.reversed = reversed;
    }

    static CharTrie of(Map<String, int[]> entries, boolean reversed) {
      CharTrie root = new CharTrie(reversed);
      entries.forEach(
          (key, ids) -> {
            CharTrie node = root;
            for (int i = 0; i < key.length(); i++) {
              node = node.child(key.charAt(reversed ? key.length() - 1 - i : i), true);
            }
            node.ids = ids;
          });
      return root;
    }

    private CharTrie child(char c, boolean create) {
      int i = Arrays.binarySearch(labels, c);
      if (i >= 0) {
        return children[i];
      }
      if (!create) {
        return null;
      }
      int at = -i - 1;
      char[] l = new char[labels.length + 1];
      CharTrie[] ch = new CharTrie[children.length + 1];
      System.arraycopy(labels, 0, l, 0, at);
      System.arraycopy(children, 0, ch, 0, at);
      l[at] = c;
      ch[at] = new CharTrie(reversed);
      System.arraycopy(labels, at, l, at + 1, labels.length - at);
      System.arraycopy(children, at, ch, at + 1, children.length - at);
      labels = l;
      children = ch;
      return ch[at];
    }

    /**
     * Adds the ids of every entry that starts at {@code start} in key, skipping ids already in out
     * from index {@code from} on (not reversed tries only).
     */
    void collectAt(String key, int start, IntList out, int from) {
      CharTrie node = this;
      int n = key.length();
      for (int i = start; i < n && node != null; i++) {
        node = node.child(key.charAt(i), false);
        if (node != null && node.ids != null) {
          for (int id : node.ids) {
            if (!out.contains(id, from)) {
              out.add(id);
            }
          }
        }
      }
    }

    /** Adds the ids of every entry that is a prefix (suffix) of key. */
    void collect(String key, IntList out) {
      addAll(ids, out); // an empty prefix
      CharTrie node = this;
      int n = key.length();
      for (int i = 0; i < n && node != null; i++) {
        node = node.child(key.charAt(reversed ? n - 1 - i : i), false);
        if (node != null) {
          addAll(node.ids, out);
        }
      }
    }
  }

  private static void addAll(int[] ids, IntList out) {
    if (ids != null) {
      for (int id : ids) {
        out.add(id);
      }
    }
  }

  private boolean negatedCue(Pattern p, int[] found, List<Token> tokens) {
    for (int i = 0; i < found.length; i++) {
      if (tokens.get(found[i]).negated() && !elements[p.elements()[i]].noFlip()) {
        return true;
      }
    }
    return false;
  }

  private static int[] sorted(int[] a) {
    int[] s = a.clone();
    Arrays.sort(s);
    return s;
  }

  /**
   * Distinct tokens, one per element (in element order), within the window; null when there are
   * none or a forbidden element occurs in the sentence.
   */
  private static int[] find(Pattern p, Scratch w) {
    for (int f : p.forbidden()) {
      if (w.has(f)) {
        return null;
      }
    }
    int[] el = p.elements();
    // most calls end here: an element the sentence lacks (checked before anything is allocated)
    for (int e : el) {
      if (!w.has(e)) {
        return null;
      }
    }
    int window = el.length + EXTRA_WINDOW;
    int[] chosen = new int[el.length];
    return assign(w, el, 0, chosen, window) ? chosen : null;
  }

  private static boolean assign(Scratch w, int[] el, int k, int[] chosen, int window) {
    if (k == el.length) {
      return true;
    }
    for (int node = w.head[el[k]]; node >= 0; node = w.next[node]) {
      int t = w.pos[node];
      boolean ok = true;
      for (int i = 0; i < k && ok; i++) {
        ok = chosen[i] != t && Math.abs(chosen[i] - t) < window;
      }
      if (ok) {
        chosen[k] = t;
        if (assign(w, el, k + 1, chosen, window)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A tiny growable int list (no boxing in the per-token loop). */
  static final class IntList {
    int[] data = new int[8];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    void clear() {
      size = 0;
    }

    boolean contains(int v, int from) {
      for (int i = from; i < size; i++) {
        if (data[i] == v) {
          return true;
        }
      }
      return false;
    }
  }
}
