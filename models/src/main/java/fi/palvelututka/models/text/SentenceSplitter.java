package fi.palvelututka.models.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence boundaries for Finnish review text: an OpenNLP {@link SentenceDetectorME} trained on UD
 * Finnish, plus rules for what reviews do and treebanks do not: a line break ends a sentence, so
 * does an emoji or emoticon followed by a capitalised word ("Kiva paikka 😊 Tulen uudestaan"), and
 * sentence punctuation without the following space ("Hyvä palvelu.Suosittelen"). Clear breaks ("!"
 * or "?" after a word, or the period of a long word that is no abbreviation, then a capital) are
 * cut without the model, which decides the rest: on real Finnish text the sentences are the model's
 * but for 1 text in 38,657, and on held-out UD data not worse ({@code SentenceSplitterTest}).
 *
 * <p>NOT thread-safe (SentenceDetectorME): one per thread or partition. A {@code null} model gives
 * the rule-only splitter (split after . ! ? followed by space and a capital), a baseline.
 */
public final class SentenceSplitter {

  private static final Pattern RULE_BREAK =
      Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"'])", Pattern.UNICODE_CHARACTER_CLASS);

  /** What does not make a sentence of its own: URLs, #tags, @mentions, emoticons. */
  private static final Pattern NOT_WORDS =
      Pattern.compile(
          "(?:https?://|www\\.)\\S+|[#@][\\p{L}\\p{N}_]+|[:;=][-'^o]?[)(\\]\\[DPp|/*]+|[xX][dD]+",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern LETTER = Pattern.compile("\\p{L}", Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * Shortest word whose period ends a sentence without asking the model (unless an abbreviation).
   */
  static final int MIN_WORD = 5;

  private final SentenceDetectorME model;
  private final boolean shortcuts;
  private final Set<String> abbreviations = new HashSet<>();

  public SentenceSplitter(SentenceModel model) {
    this(model, true);
  }

  /** {@code shortcuts} false: every block with inner sentence punctuation goes to the model. */
  SentenceSplitter(SentenceModel model, boolean shortcuts) {
    this.model = model == null ? null : new FastSentenceDetector(model);
    this.shortcuts = shortcuts;
    if (model != null) {
      FinnishTokenizer.addAbbreviationWords(model.getAbbreviations(), abbreviations);
    }
  }

  /** Sentence spans, trimmed, in order, non-overlapping, never empty. */
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    // 1. hard breaks (line breaks, emoji/emoticon + capital, missing space) cut the text into
    // blocks; a hand-written scan, as this runs on every review
    int n = text.length();
    int blockStart = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        block(text, blockStart, i, out);
        while (i < n && isLineBreak(text.charAt(i))) {
          i++;
        }
        blockStart = i;
        continue;
      }
      if (Character.isWhitespace(c) && i > blockStart && endsWithEmojiOrEmoticon(text, i)) {
        int j = i;
        while (j < n && Character.isWhitespace(text.charAt(j)) && !isLineBreak(text.charAt(j))) {
          j++;
        }
        if (j < n && Character.isUpperCase(text.charAt(j))) {
          block(text, blockStart, i, out);
          blockStart = j;
          i = j;
          continue;
        }
      }
      if ((c == '.' || c == '!' || c == '?') && missingSpaceAfter(text, i)) {
        int j = i;
        while (j < n && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) {
          j++;
        }
        block(text, blockStart, j, out);
        blockStart = j;
        i = j;
        continue;
      }
      i++;
    }
    block(text, blockStart, n, out);
    return attachFragments(text, out);
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  /** Text before whitespace at i ends with an emoji or an emoticon such as ":)". */
  private static boolean endsWithEmojiOrEmoticon(String text, int i) {
    int cp = text.codePointBefore(i);
    if (cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF || cp == 0xFE0F) {
      return true;
    }
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
      return true;
    }
    char last = text.charAt(i - 1);
    if (last == ')' || last == '(' || last == 'D' || last == 'P') {
      int k = i - 2;
      if (k >= 0 && text.charAt(k) == '-') {
        k--;
      }
      return k >= 0
          && (text.charAt(k) == ':' || text.charAt(k) == ';' || text.charAt(k) == '=')
          && (k == 0
              || Character.isWhitespace(text.charAt(k - 1))
              || !Character.isLetterOrDigit(text.charAt(k - 1)));
    }
    return false;
  }

  /**
   * "palvelu.Suosittelen": [.!?]{1,3} at i after two letters, then a capital and a small letter.
   */
  private static boolean missingSpaceAfter(String text, int i) {
    if (i < 2
        || !Character.isLetter(text.charAt(i - 1))
        || !Character.isLetter(text.charAt(i - 2))) {
      return false;
    }
    int j = i;
    while (j < text.length()
        && j - i < 3
        && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) {
      j++;
    }
    return j + 1 < text.length()
        && Character.isUpperCase(text.charAt(j))
        && Character.isLowerCase(text.charAt(j + 1));
  }

  /**
   * A piece with no words outside URLs, hashtags, mentions, emoji and emoticons ("😊", "#ruoka
   * https://...", ":D") belongs to the sentence before it.
   */
  /** Cheap test: a whitespace-separated chunk that starts with two letters (not "www."/"xD"). */
  private static boolean hasPlainWord(String text, Span s) {
    boolean chunkStart = true;
    for (int i = s.getStart(); i < s.getEnd() - 1; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        chunkStart = true;
        continue;
      }
      if (chunkStart
          && Character.isLetter(c)
          && Character.isLetter(text.charAt(i + 1))
          && !text.startsWith("www.", i)
          && !text.startsWith("http", i)
          && !((c == 'x' || c == 'X')
              && (text.charAt(i + 1) == 'd' || text.charAt(i + 1) == 'D'))) {
        return true;
      }
      chunkStart = false;
    }
    return false;
  }

  private static List<Span> attachFragments(String text, List<Span> spans) {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      if (!out.isEmpty()
          && !hasPlainWord(text, s)
          && !LETTER
              .matcher(NOT_WORDS.matcher(text.substring(s.getStart(), s.getEnd())).replaceAll(" "))
              .find()) {
        Span prev = out.remove(out.size() - 1);
        out.add(new Span(prev.getStart(), s.getEnd()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private void block(String text, int s, int e, List<Span> out) {
    if (model == null || !shortcuts) {
      detect(text, s, e, out);
      return;
    }
    // 2. clear breaks cut the block without the model; the model sees what is left
    int from = s;
    for (int i = s; i < e; i++) {
      int next = clearBreakAt(text, i, e);
      if (next > 0) {
        detect(text, from, i + 1 + runAfter(text, i, e), out);
        from = next;
        i = next - 1;
      }
    }
    detect(text, from, e, out);
  }

  /** Run of sentence punctuation continuing after i (0 when none). */
  private static int runAfter(String text, int i, int e) {
    int j = i + 1;
    while (j < e && isEos(text.charAt(j))) {
      j++;
    }
    return j - i - 1;
  }

  /**
   * If a clear sentence break starts at i, the index of the next sentence's first character, else
   * 0. Clear: "!" or "?" (runs too) after a letter, or one period after a word of at least {@value
   * #MIN_WORD} letters that is none of the model's abbreviations; then white space and a capital
   * letter. Everything else (periods after short words, numbers or initials, "...") is left to the
   * model.
   */
  private int clearBreakAt(String text, int i, int e) {
    char c = text.charAt(i);
    if (!isEos(c) || i == 0 || isEos(text.charAt(i - 1))) {
      return 0;
    }
    int j = i + 1 + runAfter(text, i, e);
    int k = j;
    while (k < e && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    if (k == j || k >= e || !Character.isUpperCase(text.charAt(k))) {
      return 0;
    }
    if (c == '.') {
      if (j != i + 1) {
        return 0; // "..." or ".!"
      }
      int w = i;
      while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
        w--;
      }
      if (i - w < MIN_WORD
          || w > 0 && !Character.isWhitespace(text.charAt(w - 1))
          || abbreviations.contains(text.substring(w, i).toLowerCase(Locale.ROOT))) {
        return 0;
      }
    } else if (!Character.isLetter(text.charAt(i - 1))) {
      return 0;
    }
    return k;
  }

  private void detect(String text, int s, int e, List<Span> out) {
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (s >= e) {
      return;
    }
    if (!hasEndPunctuation(text, s, e)) {
      add(text, s, e, out);
      return;
    }
    String b = text.substring(s, e);
    if (model != null) {
      // 3. the trained detector inside the block (or what clear breaks left of it)
      for (Span sp : model.sentPosDetect(b)) {
        add(text, s + sp.getStart(), s + sp.getEnd(), out);
      }
      return;
    }
    Matcher r = RULE_BREAK.matcher(b);
    int pos = 0;
    while (r.find()) {
      add(text, s + pos, s + r.start(), out);
      pos = r.end();
    }
    add(text, s + pos, e, out);
  }

  /**
   * True when [s, e) has sentence punctuation before its last run of punctuation: only then can it
   * hold more than one sentence, and only then is the model asked.
   */
  private static boolean hasEndPunctuation(String text, int s, int e) {
    int end = e;
    while (end > s && isEos(text.charAt(end - 1)) || end > s && isClosing(text.charAt(end - 1))) {
      end--;
    }
    for (int i = s; i < end; i++) {
      if (isEos(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEos(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean isClosing(char c) {
    return c == ')' || c == '"' || c == '\'' || c == '”' || c == '»';
  }

  private static void add(String text, int s, int e, List<Span> out) {
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (s < e) {
      out.add(new Span(s, e));
    }
  }
}
