package fi.palvelututka.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Tokenizer for Finnish review text: a rule layer for what a treebank-trained model has never seen
 * (URLs, e-mail, @mentions, #hashtags, emoji, emoticons, numbers with separators such as "29,90"
 * and "9.30", missing spaces after punctuation) and an OpenNLP {@link TokenizerME} trained on UD
 * Finnish for the rest (punctuation attached to words, abbreviations). Chunks of letters and digits
 * only never reach the model (alphanumeric optimization), so the model runs on a small share of the
 * text. Runs of the same punctuation ("!!!", "...") are one token.
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
  private static final Pattern PROTECTED =
      Pattern.compile(
          "(?<url>(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'])"
              + "|(?<email>[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)"
              + "|(?<mention>(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}_]+)"
              + "|(?<hashtag>(?<![\\p{L}\\p{N}&])#[\\p{L}\\p{N}_]+)"
              + "|(?<emoji>"
              + EMOJI
              + ")"
              + "|(?<emoticon>(?<![\\p{N}])[:;=][-'^o]?(?:[)(\\]\\[|/\\\\*]+|[DPp]+(?![\\p{L}\\p{N}]))"
              + "|<3+|(?<![\\p{L}\\p{N}])[xX][dD]+(?![\\p{L}\\p{N}])|\\^_*\\^)"
              + "|(?<number>(?<![\\p{L}\\p{N}])\\d+(?:[.,:]\\d+)+(?![\\p{L}\\p{N}]))",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** Sentence punctuation directly followed by a capital: a missing space ("hyvä.Suosittelen"). */
  private static final Pattern MISSING_SPACE =
      Pattern.compile("(?<=\\p{L}{2})[.!?;,]+(?=\\p{Lu}\\p{Ll})|(?<=\\p{Ll}{2}),(?=\\p{Ll}{2})");

  private static final Pattern ALNUM = Pattern.compile("[\\p{L}\\p{N}]+");

  private final TokenizerME model;

  public FinnishTokenizer(TokenizerModel model) {
    this.model = model == null ? null : new TokenizerME(model);
  }

  public List<Tok> tokenize(String text) {
    List<Tok> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    Matcher m = PROTECTED.matcher(text);
    int pos = 0;
    while (m.find()) {
      plain(text, pos, m.start(), out);
      out.add(new Tok(m.start(), m.end(), protectedType(m)));
      pos = m.end();
    }
    plain(text, pos, text.length(), out);
    return mergePunctuationRuns(text, out);
  }

  private static TokenType protectedType(Matcher m) {
    if (m.group("url") != null) {
      return TokenType.URL;
    } else if (m.group("email") != null) {
      return TokenType.EMAIL;
    } else if (m.group("mention") != null) {
      return TokenType.MENTION;
    } else if (m.group("hashtag") != null) {
      return TokenType.HASHTAG;
    } else if (m.group("emoji") != null) {
      return TokenType.EMOJI;
    } else if (m.group("emoticon") != null) {
      return TokenType.EMOTICON;
    }
    return TokenType.NUMBER;
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
    Matcher ms = MISSING_SPACE.matcher(text).region(s, e);
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
    if (ALNUM.matcher(text).region(s, e).matches()) {
      out.add(new Tok(s, e, typeOf(text, s, e)));
      return;
    }
    if (model != null) {
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
