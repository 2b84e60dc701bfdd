package fi.palvelututka.models.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;

/**
 * Tokenizer for Finnish review text: a rule layer for what a treebank-trained model has never seen
 * (URLs, e-mail, @mentions, #hashtags, emoji, emoticons, numbers with separators such as "29,90"
 * and "9.30", missing spaces after punctuation) and an OpenNLP {@link TokenizerME} trained on UD
 * Finnish for the rest (punctuation attached to words, abbreviations). Chunks of letters and digits
 * only never reach the model (alphanumeric optimization), so the model runs on a small share of the
 * text. Runs of the same punctuation ("!!!", "...") are one token.
 *
 * <p>The shapes that make up most of what is left are split without the model, because the model is
 * slow (a maxent decision per character) and the answer is clear (see {@link #splitWithoutModel}):
 * marks only ("-", "/", "!!!"); a word, hyphenated or not, between quotes or brackets and followed
 * by {@code , ; : ! ?} ("palvelu,", "(kiitos!!)", "Kela-korvaus"); and a word followed by periods
 * when it cannot be an abbreviation ("palvelu.", "hyvä..."). On 38,657 FinnSentiment and XED texts
 * the tokens equal the model's but for about 0.17% of tokens ({@code FinnishTokenizerTest}), and
 * most of those are the model's errors: names and foreign words kept together with their period
 * ("Graham."), an opening quote or one "?" glued to the word ("\"en", "vikaa??" as "vikaa?" "?"), a
 * run of dashes cut at random. The exceptions are abbreviations the dictionaries lack ("nimim.",
 * "kans."). Token F1 on held-out UD data is higher than the model's.
 *
 * <p>NOT thread-safe (TokenizerME): one per thread or partition. A {@code null} model gives the
 * rule-only tokenizer (punctuation split off words), used as a baseline.
 */
public final class FinnishTokenizer {

  /** A token span with its type; offsets are char indices into the input (end exclusive). */
  public record Tok(int start, int end, TokenType type) {}

  // Emoji: a symbol code point with its variation selectors, skin tones and ZWJ continuations.
  private static final String EMOJI =
      "(?:[\\x{1F1E6}-\\x{1F1FF}]{2}|(?:\\p{So}|[\\x{1F000}-\\x{1FAFF}])"
          + "(?:[\\x{FE0F}\\x{20E3}\\x{1F3FB}-\\x{1F3FF}]|\\x{200D}(?:\\p{So}|[\\x{1F000}-\\x{1FAFF}]))*)";

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
  }

  // Each protected pattern is tried only where its first character occurs (see protectedAt).
  private static final Pattern URL_P = p("(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]']");
  private static final Pattern EMAIL_DOMAIN_P = p("@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  private static final Pattern MENTION_P = p("@[\\p{L}\\p{N}_]+");
  private static final Pattern HASHTAG_P = p("#[\\p{L}\\p{N}_]+");
  private static final Pattern EMOJI_P = p(EMOJI);
  private static final Pattern EMOTICON_P =
      p(
          "[:;=][-'^o]?(?:[)(\\]\\[|/\\\\*]+|[DPp]+(?![\\p{L}\\p{N}]))|<3+|[xX][dD]+(?![\\p{L}\\p{N}])|\\^_*\\^");
  private static final Pattern NUMBER_P = p("\\d+(?:[.,:]\\d+)+(?![\\p{L}\\p{N}])");

  /** Sentence punctuation directly followed by a capital: a missing space ("hyvä.Suosittelen"). */
  private static final Pattern MISSING_SPACE =
      Pattern.compile("(?<=\\p{L}{2})[.!?;,]+(?=\\p{Lu}\\p{Ll})|(?<=\\p{Ll}{2}),(?=\\p{Ll}{2})");

  /** Shortest word split from its period without the model unless the analyzer knows it. */
  static final int MIN_WORD = 5;

  private final TokenizerME model;
  private final boolean shortcuts;
  private final Predicate<String> knownWord;
  private final Set<String> abbreviations = new HashSet<>();
  private final Matcher url = URL_P.matcher("");
  private final Matcher emailDomain = EMAIL_DOMAIN_P.matcher("");
  private final Matcher mention = MENTION_P.matcher("");
  private final Matcher hashtag = HASHTAG_P.matcher("");
  private final Matcher emoji = EMOJI_P.matcher("");
  private final Matcher emoticon = EMOTICON_P.matcher("");
  private final Matcher number = NUMBER_P.matcher("");
  private final Matcher missingSpace = MISSING_SPACE.matcher("");
  private final Matcher[] matchers = {
    url, emailDomain, mention, hashtag, emoji, emoticon, number, missingSpace
  };

  /** The model tokenizer without the known-word shortcut for "word." (see the class comment). */
  public FinnishTokenizer(TokenizerModel model) {
    this(model, null, null, true);
  }

  /**
   * @param model the OpenNLP tokenizer model, or null for the rule-only baseline
   * @param knownWord lower-cased word forms the analyzer knows: with it, "word." splits without the
   *     model when the word cannot be an abbreviation (see {@link #periodSplits}); null: a period
   *     after a word always goes to the model
   * @param abbreviations dictionaries of abbreviations ("esim.", "klo"): these never split without
   *     the model (the tokenizer model's own is always added)
   */
  public FinnishTokenizer(
      TokenizerModel model, Predicate<String> knownWord, List<Dictionary> abbreviations) {
    this(model, knownWord, abbreviations, true);
  }

  /** {@code shortcuts} false: every non-alphanumeric piece goes to the model (for comparison). */
  FinnishTokenizer(
      TokenizerModel model,
      Predicate<String> knownWord,
      List<Dictionary> abbreviations,
      boolean shortcuts) {
    this.model = model == null ? null : new TokenizerME(model);
    this.knownWord = knownWord;
    this.shortcuts = shortcuts;
    List<Dictionary> dicts = new ArrayList<>();
    if (abbreviations != null) {
      dicts.addAll(abbreviations);
    }
    if (model != null) {
      dicts.add(model.getAbbreviations());
    }
    for (Dictionary d : dicts) {
      addAbbreviationWords(d, this.abbreviations);
    }
    for (Matcher m : matchers) {
      // look-behinds and look-aheads see outside the region, as in one pass over the text
      m.useTransparentBounds(true);
      m.useAnchoringBounds(false);
    }
  }

  /**
   * Adds a dictionary's abbreviations as they are compared here: lower case, without their final
   * period ("Esim." → "esim"). A null dictionary adds nothing.
   */
  static void addAbbreviationWords(Dictionary d, Set<String> out) {
    if (d == null) {
      return;
    }
    for (StringList e : d) {
      String a = e.getToken(0).toLowerCase(Locale.ROOT);
      out.add(a.endsWith(".") ? a.substring(0, a.length() - 1) : a);
    }
  }

  public List<Tok> tokenize(String text) {
    List<Tok> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (Matcher m : matchers) {
      m.reset(text);
    }
    int n = text.length();
    int pos = 0; // start of the plain text not yet emitted
    int i = 0;
    while (i < n) {
      Tok t = protectedAt(text, i, pos);
      if (t != null) {
        plain(text, pos, t.start(), out);
        out.add(t);
        pos = t.end();
        i = t.end();
      } else {
        i++;
      }
    }
    plain(text, pos, n, out);
    return mergePunctuationRuns(text, out);
  }

  private static boolean alnum(char c) {
    return Character.isLetterOrDigit(c);
  }

  private boolean at(Matcher m, int i, int n) {
    m.region(i, n);
    return m.lookingAt();
  }

  /** A protected token starting at i (an e-mail may start before i, but not before from). */
  private Tok protectedAt(String text, int i, int from) {
    char c = text.charAt(i);
    int n = text.length();
    char prev = i > 0 ? text.charAt(i - 1) : ' ';
    switch (c) {
      case 'h', 'w' -> {
        if ((text.startsWith("http", i) || text.startsWith("www.", i)) && at(url, i, n)) {
          return new Tok(i, url.end(), TokenType.URL);
        }
      }
      case '@' -> {
        if (isEmailChar(prev)) {
          int s = i;
          while (s > from && isEmailChar(text.charAt(s - 1))) {
            s--;
          }
          if (s < i && at(emailDomain, i, n)) {
            return new Tok(s, emailDomain.end(), TokenType.EMAIL);
          }
        } else if (!alnum(prev) && at(mention, i, n)) {
          return new Tok(i, mention.end(), TokenType.MENTION);
        }
      }
      case '#' -> {
        if (!alnum(prev) && prev != '&' && at(hashtag, i, n)) {
          return new Tok(i, hashtag.end(), TokenType.HASHTAG);
        }
      }
      case ':', ';', '=', '<', '^' -> {
        if (!Character.isDigit(prev) && at(emoticon, i, n)) {
          return new Tok(i, emoticon.end(), TokenType.EMOTICON);
        }
      }
      case 'x', 'X' -> {
        if (!alnum(prev)
            && i + 1 < n
            && (text.charAt(i + 1) == 'd' || text.charAt(i + 1) == 'D')
            && at(emoticon, i, n)) {
          return new Tok(i, emoticon.end(), TokenType.EMOTICON);
        }
      }
      default -> {
        if (c >= '0' && c <= '9') {
          if (!alnum(prev) && at(number, i, n)) {
            return new Tok(i, number.end(), TokenType.NUMBER);
          }
        } else if (c >= 0x2000
            && (Character.isHighSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL)) {
          if (at(emoji, i, n)) {
            return new Tok(i, emoji.end(), TokenType.EMOJI);
          }
        }
      }
    }
    return null;
  }

  private static boolean isEmailChar(char c) {
    return alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  /** Whitespace-separated chunks of [from, to), split at missing spaces, then by the model. */
  private void plain(String text, int from, int to, List<Tok> out) {
    int i = from;
    while (i < to) {
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < to && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (s < i) {
        chunk(text, s, i, out);
      }
    }
  }

  private void chunk(String text, int s, int e, List<Tok> out) {
    if (isAlnum(text, s, e)) {
      out.add(new Tok(s, e, typeOf(text, s, e)));
      return;
    }
    if (!punctuationBeforeLetter(text, s, e)) {
      piece(text, s, e, out); // MISSING_SPACE cannot match: skip the regex
      return;
    }
    Matcher ms = missingSpace.region(s, e);
    int pos = s;
    while (ms.find()) {
      piece(text, pos, ms.start(), out);
      out.add(new Tok(ms.start(), ms.end(), TokenType.PUNCT));
      pos = ms.end();
    }
    piece(text, pos, e, out);
  }

  private void piece(String text, int s, int e, List<Tok> out) {
    if (s >= e) {
      return;
    }
    if (isAlnum(text, s, e)) {
      out.add(new Tok(s, e, typeOf(text, s, e)));
      return;
    }
    if (model != null) {
      if (shortcuts && splitWithoutModel(text, s, e, out)) {
        return;
      }
      for (Span sp : model.tokenizePos(text.substring(s, e))) {
        out.add(
            new Tok(
                s + sp.getStart(),
                s + sp.getEnd(),
                typeOf(text, s + sp.getStart(), s + sp.getEnd())));
      }
    } else {
      ruleSplit(text, s, e, out);
    }
  }

  /**
   * Splits the shapes whose tokens are clear without the model, and returns true; else false (the
   * model decides). The shapes:
   *
   * <ul>
   *   <li>marks only, no letter or digit ("-", "!!!", "/", "--"): each run of one mark is a token
   *       (runs of "!", "?" and "." together merge later);
   *   <li>a word, optionally with inner hyphens ("Kela-korvaus"), between opening quotes or
   *       brackets and closing quotes, brackets or {@code , ; : ! ?}: one token each;
   *   <li>as above with periods ("palvelu." "hyvä..." "(kiire)."): a period right after the word
   *       only when the word cannot be an abbreviation ({@link #periodSplits}); after a closing
   *       quote, bracket or mark always.
   * </ul>
   */
  private boolean splitWithoutModel(String text, int s, int e, List<Tok> out) {
    int a = s;
    while (a < e && isOpener(text.charAt(a))) {
      a++;
    }
    int k = a;
    while (k < e && Character.isLetter(text.charAt(k))) {
      k++;
    }
    while (k > a && k + 1 < e && text.charAt(k) == '-' && Character.isLetter(text.charAt(k + 1))) {
      k++;
      while (k < e && Character.isLetter(text.charAt(k))) {
        k++;
      }
    }
    if (k == a) {
      return a == s && marksOnly(text, s, e) && emitMarks(text, s, e, out);
    }
    for (int i = k; i < e; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (i == k && !periodSplits(text.substring(a, k))) {
          return false;
        }
      } else if (!isCloser(c) && c != ',' && c != ';' && c != ':' && c != '!' && c != '?') {
        return false;
      }
    }
    for (int i = s; i < a; i++) {
      out.add(new Tok(i, i + 1, typeOf(text, i, i + 1)));
    }
    out.add(new Tok(a, k, TokenType.WORD));
    for (int i = k; i < e; i++) {
      out.add(new Tok(i, i + 1, typeOf(text, i, i + 1)));
    }
    return true;
  }

  /**
   * A period right after this word ends a sentence, not an abbreviation: the word is none of the
   * abbreviations and has at least {@value #MIN_WORD} letters; or it is a lower-case word the
   * analyzer knows of 3 or 4 letters ("hyvä.", "heti."); or one of a few two-letter words ("on.",
   * "ei."). Shorter or capitalized unknown words ("em.", "km.", "Ps.") are left to the model.
   */
  private boolean periodSplits(String word) {
    if (knownWord == null) {
      return false;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (abbreviations.contains(lower)) {
      return false;
    }
    int n = word.length();
    if (n >= MIN_WORD) {
      return true;
    }
    if (n >= 3) {
      return lower.equals(word) && knownWord.test(lower);
    }
    return SENTENCE_FINAL_PAIRS.contains(word);
  }

  /** Two-letter words that end sentences ("Se on." "Ei ne."); other pairs may be abbreviations. */
  private static final Set<String> SENTENCE_FINAL_PAIRS =
      Set.of("on", "ei", "se", "ne", "jo", "me", "te", "he");

  private static boolean isOpener(char c) {
    return c == '"'
        || c == '\u201C'
        || c == '\u201D'
        || c == '\u201E'
        || c == '\u00AB'
        || c == '('
        || c == '[';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\u201D' || c == '\u201C' || c == '\u00BB' || c == ')' || c == ']';
  }

  private static boolean marksOnly(String text, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Each run of one mark is a token ("--", "***"). */
  private static boolean emitMarks(String text, int s, int e, List<Tok> out) {
    int i = s;
    while (i < e) {
      int j = i + 1;
      while (j < e && text.charAt(j) == text.charAt(i)) {
        j++;
      }
      out.add(new Tok(i, j, typeOf(text, i, j)));
      i = j;
    }
    return true;
  }

  /**
   * One of {@code . ! ? ; ,} in [s, e) directly followed by a letter (which may lie past e: the
   * matchers use transparent bounds). {@link #MISSING_SPACE} cannot match without one.
   */
  private static boolean punctuationBeforeLetter(String text, int s, int e) {
    int n = text.length();
    for (int i = s; i < e && i + 1 < n; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ',')
          && Character.isLetter(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAlnum(String text, int s, int e) {
    for (int i = s; i < e; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Baseline without a model: leading and trailing punctuation split off the word. */
  private static void ruleSplit(String text, int s, int e, List<Tok> out) {
    int a = s;
    while (a < e && !Character.isLetterOrDigit(text.charAt(a))) {
      out.add(new Tok(a, a + 1, typeOf(text, a, a + 1)));
      a++;
    }
    int b = e;
    List<Tok> tail = new ArrayList<>();
    while (b > a && !Character.isLetterOrDigit(text.charAt(b - 1))) {
      tail.add(0, new Tok(b - 1, b, typeOf(text, b - 1, b)));
      b--;
    }
    if (a < b) {
      out.add(new Tok(a, b, typeOf(text, a, b)));
    }
    out.addAll(tail);
  }

  static TokenType typeOf(String text, int s, int e) {
    boolean letter = false;
    boolean digit = false;
    boolean punct = true;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      }
      int t = Character.getType(c);
      if (!isPunctuationType(t)) {
        punct = false;
      }
    }
    if (letter) {
      return TokenType.WORD;
    }
    if (digit) {
      return TokenType.NUMBER;
    }
    return punct ? TokenType.PUNCT : TokenType.SYMBOL;
  }

  private static boolean isPunctuationType(int t) {
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  /** "!" "!" "!" written together become "!!!"; "?" "!" become "?!". */
  private static List<Tok> mergePunctuationRuns(String text, List<Tok> toks) {
    List<Tok> out = new ArrayList<>(toks.size());
    for (Tok t : toks) {
      if (!out.isEmpty()) {
        Tok prev = out.get(out.size() - 1);
        if (prev.end() == t.start()
            && prev.type() == TokenType.PUNCT
            && t.type() == TokenType.PUNCT
            && isRunChar(text.charAt(prev.start()))
            && isRunChar(text.charAt(t.start()))) {
          out.set(out.size() - 1, new Tok(prev.start(), t.end(), TokenType.PUNCT));
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private static boolean isRunChar(char c) {
    return c == '!' || c == '?' || c == '.';
  }
}
