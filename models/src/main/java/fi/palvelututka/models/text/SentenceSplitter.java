package fi.palvelututka.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence boundaries for Finnish review text: an OpenNLP {@link SentenceDetectorME} trained on UD
 * Finnish, plus rules for what reviews do and treebanks do not: a line break ends a sentence, so
 * does an emoji or emoticon followed by a capitalised word ("Kiva paikka 😊 Tulen uudestaan"), and
 * sentence punctuation without the following space ("Hyvä palvelu.Suosittelen").
 *
 * <p>NOT thread-safe (SentenceDetectorME): one per thread or partition. A {@code null} model gives
 * the rule-only splitter (split after . ! ? followed by space and a capital), a baseline.
 */
public final class SentenceSplitter {

  private static final Pattern EXTRA_BREAK =
      Pattern.compile(
          "\\R+"
              + "|(?<=[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{FE0F}]|[:;=]-?[)(DP])\\s+(?=\\p{Lu})"
              + "|(?<=\\p{L}{2}[.!?]{1,3})(?=\\p{Lu}\\p{Ll})",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern RULE_BREAK =
      Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"'])", Pattern.UNICODE_CHARACTER_CLASS);

  /** What does not make a sentence of its own: URLs, #tags, @mentions, emoticons. */
  private static final Pattern NOT_WORDS =
      Pattern.compile(
          "(?:https?://|www\\.)\\S+|[#@][\\p{L}\\p{N}_]+|[:;=][-'^o]?[)(\\]\\[DPp|/*]+|[xX][dD]+",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern LETTER = Pattern.compile("\\p{L}", Pattern.UNICODE_CHARACTER_CLASS);

  private final SentenceDetectorME model;

  public SentenceSplitter(SentenceModel model) {
    this.model = model == null ? null : new SentenceDetectorME(model);
  }

  /** Sentence spans, trimmed, in order, non-overlapping, never empty. */
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    // 1. hard breaks (line breaks, emoji + capital, missing space) cut the text into blocks
    Matcher m = EXTRA_BREAK.matcher(text);
    int pos = 0;
    while (m.find()) {
      block(text, pos, m.start(), out);
      pos = m.end();
    }
    block(text, pos, text.length(), out);
    return attachFragments(text, out);
  }

  /**
   * A piece with no words outside URLs, hashtags, mentions, emoji and emoticons ("😊", "#ruoka
   * https://...", ":D") belongs to the sentence before it.
   */
  private static List<Span> attachFragments(String text, List<Span> spans) {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      String rest = NOT_WORDS.matcher(text.substring(s.getStart(), s.getEnd())).replaceAll(" ");
      if (!out.isEmpty() && !LETTER.matcher(rest).find()) {
        Span prev = out.remove(out.size() - 1);
        out.add(new Span(prev.getStart(), s.getEnd()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private void block(String text, int s, int e, List<Span> out) {
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (s >= e) {
      return;
    }
    String b = text.substring(s, e);
    if (model != null) {
      // 2. the trained detector inside each block
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
