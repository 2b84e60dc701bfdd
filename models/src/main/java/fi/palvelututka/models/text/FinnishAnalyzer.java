package fi.palvelututka.models.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.Span;

/**
 * The Finnish text analysis entry point: text in; sentences with tokens, normalized forms, lemmas,
 * negation flags and character offsets out. Used by the sentiment and theme taggers.
 *
 * <p>Pipeline: {@link SentenceSplitter} → {@link FinnishTokenizer} per sentence → {@link
 * Normalizer} (case, repeated letters, ä/ö restoration for texts without ä/ö) → {@link Lemmatizer}
 * → {@link Negation} scope.
 *
 * <p>NOT thread-safe (the OpenNLP detectors inside are not): create one per thread or Spark
 * partition with {@link AnalyzerModels#newAnalyzer()}; the models behind it are shared.
 */
public final class FinnishAnalyzer {

  /** Texts longer than this are analysed in their first {@value} characters only. */
  public static final int MAX_CHARS = 100_000;

  private final SentenceSplitter splitter;
  private final FinnishTokenizer tokenizer;
  private final Normalizer normalizer;
  private final Lemmatizer lemmatizer;

  /** Most word forms each of the two word caches holds; a cache is emptied when full. */
  static final int WORD_CACHE_SIZE = 1 << 15;

  /**
   * The part of a word's analysis that depends on its surface form alone (and on whether the text
   * lacks ä/ö), by surface form: a few thousand words make up most of a review site's texts, and
   * normalizing and lemmatizing one takes several dictionary lookups. Every token of a form gets
   * the same {@link Word}, in whose memo slots the later stages (theme patterns, lexicon, sentiment
   * model) keep what they derive from it, so a token costs this one hash lookup. Per analyzer, like
   * the analyzer itself not thread-safe.
   */
  private final HashMap<String, Word> words = new HashMap<>();

  private final HashMap<String, Word> wordsRestored = new HashMap<>();

  public FinnishAnalyzer(
      SentenceSplitter splitter,
      FinnishTokenizer tokenizer,
      Normalizer normalizer,
      Lemmatizer lemmatizer) {
    this.splitter = splitter;
    this.tokenizer = tokenizer;
    this.normalizer = normalizer;
    this.lemmatizer = lemmatizer;
  }

  public Analysis analyze(String text) {
    if (text == null || text.isBlank()) {
      return Analysis.empty(text);
    }
    String t = text.length() > MAX_CHARS ? text.substring(0, cutPoint(text)) : text;
    boolean restore = Normalizer.lacksUmlauts(t);
    List<Sentence> sentences = new ArrayList<>();
    for (Span s : splitter.split(t)) {
      String st = t.substring(s.getStart(), s.getEnd());
      List<FinnishTokenizer.Tok> toks = tokenizer.tokenize(st);
      List<Token> tokens = new ArrayList<>(toks.size());
      int negLeft = 0; // words left in a negation scope
      int irrLeft = 0; // words left in an irrealis scope ("olisi voinut olla ...")
      boolean conditional = false; // a conditional since the clause began, its "olla" not yet
      boolean sawNegator = false;
      boolean afterRelative = false; // the word before was a relative pronoun ("kuka ei ...")
      boolean afterComparison = false; // the word before was "kuin" ("ikään kuin olisin ...")
      boolean cancelled = false; // a cancelling negation in this clause: no irrealis either
      boolean outer = false; // a negation before, in this statement, that a second one cancels
      for (int ki = 0; ki < toks.size(); ki++) {
        FinnishTokenizer.Tok k = toks.get(ki);
        int a = s.getStart() + k.start();
        int b = s.getStart() + k.end();
        String surface = t.substring(a, b);
        boolean word = k.type() == TokenType.WORD;
        Word w = word ? word(surface, restore) : null;
        if (word
            && w.negator()
            && w.norm().equals(Negation.ET)
            && !etNegates(toks, ki, st, restore)) {
          w = etThat; // spoken "et" = "että": "sano et vika korjataan"
        }
        String norm = word ? w.norm() : norm(surface, k.type());
        String lemma = word ? w.lemma() : norm;
        boolean negator = word && w.negator();
        int role = word ? w.scopeRole() : 0;
        boolean negated = false;
        if (k.type() == TokenType.PUNCT || (word && w.breaksScope())) {
          negLeft = 0;
          irrLeft = 0;
          conditional = false;
          cancelled = false;
          if ((role & Negation.CANCEL_END) != 0) {
            outer = false;
          }
        } else if (word && !negator) {
          // a partitive comparative is never negated ("Parempaa ei voi toivoa"), but in an
          // irrealis scope it is what was wanted: "Ruoka ois voinu olla lämpimämpää"
          // and "-matta" in a negation scope is a double negative: "ei voi olla suosittelematta"
          negated =
              negLeft > 0 ? (role & (Negation.COMPARATIVE | Negation.ABESSIVE)) == 0 : irrLeft > 0;
          negLeft = Math.max(0, negLeft - 1);
          irrLeft = Math.max(0, irrLeft - 1);
        }
        if (negator) {
          // a second negation that cancels the first opens no scope: "En voi sanoa, etten olisi
          // ollut tyytyväinen", "Ei ole ketään, kuka ei tykkäisi"
          boolean cancels = outer && ((role & Negation.INNER_NEGATOR) != 0 || afterRelative);
          negLeft = cancels ? 0 : Negation.WINDOW;
          // its conditional is no wish either: "etten olisi ollut tyytyväinen"
          cancelled |= cancels;
          sawNegator = true;
          outer = true;
        } else if (word) {
          if ((role & Negation.COPULA) != 0 && conditional) {
            // "olisi voinut olla parempi": what follows was wanted; "ei olisi voinut olla
            // parempi": the negation of a wish is praise, so both scopes end here
            if (negated) {
              negLeft = 0;
            } else {
              irrLeft = Negation.IRREALIS_WINDOW;
            }
            conditional = false;
          }
          if ((role & (Negation.CONDITIONAL | Negation.EXPECTATION)) != 0
              && !cancelled
              && !afterComparison) {
            conditional = true;
          }
        }
        if (word) {
          afterRelative = (role & Negation.RELATIVE) != 0;
          afterComparison = (role & Negation.COMPARISON) != 0;
        }
        tokens.add(new Token(surface, a, b, k.type(), norm, lemma, negator, negated, w));
      }
      if (sawNegator) {
        frontedScopes(tokens);
      }
      if (!tokens.isEmpty()) {
        sentences.add(new Sentence(st, s.getStart(), s.getEnd(), List.copyOf(tokens)));
      }
    }
    return new Analysis(text, List.copyOf(sentences), restore);
  }

  /**
   * Marks the words fronted before each negation verb as in its scope ("Ongelmia ei ollut"; see
   * {@link Negation}): walking back from the verb, at most {@link Negation#FRONTED_WINDOW} words,
   * each a partitive or, before a modal ("ei voi"), an infinitive; the walk stops at any other
   * token. Only before a verb of being, appearing or getting ({@link Negation#EXISTENTIAL}).
   */
  private static void frontedScopes(List<Token> tokens) {
    for (int k = 1; k < tokens.size(); k++) {
      if (!tokens.get(k).negator()
          || (tokens.get(k).word().scopeRole() & Negation.FRONTABLE) == 0) {
        continue;
      }
      int verb =
          k + 1 < tokens.size() && tokens.get(k + 1).isWord()
              ? tokens.get(k + 1).word().scopeRole()
              : 0;
      if ((verb & Negation.EXISTENTIAL) == 0) {
        continue;
      }
      int need = Negation.PARTITIVE | ((verb & Negation.MODAL) != 0 ? Negation.INFINITIVE : 0);
      for (int j = k - 1; j >= 0 && j >= k - Negation.FRONTED_WINDOW; j--) {
        Token f = tokens.get(j);
        if (!f.isWord() || f.negator() || f.word().breaksScope()) {
          break;
        }
        if ((f.word().scopeRole() & need) == 0) {
          break;
        }
        if (!f.negated()) {
          tokens.set(
              j,
              new Token(
                  f.text(), f.start(), f.end(), f.type(), f.norm(), f.lemma(), false, true,
                  f.word()));
        }
      }
    }
  }

  /**
   * "et" read as "että" (that), which begins a clause: not a negation verb, and a scope breaker.
   * One per analyzer, like its cached words (the later stages write memo slots in it).
   */
  private final Word etThat = new Word(Negation.ET, "että", false, true);

  /**
   * Whether the "et" at {@code toks[at]} is the negation verb (second person: "et voi mennä
   * vikaan", "et tule pettymään") rather than spoken "että" ("kiva et joku vastas", "sano et vika
   * korjataan"): the negation verb governs a connegative verb, right after it or after a few
   * adverbs and the pronoun ("et sä voi", "et ikinä saa"); see {@link Negation#connegative}.
   */
  private boolean etNegates(
      List<FinnishTokenizer.Tok> toks, int at, String sentence, boolean restore) {
    for (int j = at + 1; j < toks.size() && j <= at + 1 + Negation.ET_SKIP; j++) {
      FinnishTokenizer.Tok k = toks.get(j);
      if (k.type() != TokenType.WORD) {
        return false;
      }
      Word next = word(sentence.substring(k.start(), k.end()), restore);
      if (Negation.connegative(next.norm(), next.lemma())) {
        return true;
      }
      if (!Negation.etBetween(next.norm())) {
        return false;
      }
    }
    return false;
  }

  /** Cuts long text at a whitespace near the limit, never inside a surrogate pair. */
  private static int cutPoint(String text) {
    int cut = MAX_CHARS;
    for (int i = MAX_CHARS; i > MAX_CHARS - 200; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    if (Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    return cut;
  }

  private Word word(String surface, boolean restore) {
    HashMap<String, Word> cache = restore ? wordsRestored : words;
    Word w = cache.get(surface);
    if (w == null) {
      String norm = normalizer.normalize(surface, restore);
      w =
          new Word(
              norm, lemmatizer.lemma(norm), Negation.isNegator(norm), Negation.breaksScope(norm));
      if (cache.size() >= WORD_CACHE_SIZE) {
        cache.clear();
      }
      cache.put(surface, w);
    }
    return w;
  }

  /** Word forms in the cache of one reading (for tests). */
  int cachedWordForms(boolean restored) {
    return (restored ? wordsRestored : words).size();
  }

  /** Normalized form of a token that is not a word. */
  private static String norm(String surface, TokenType type) {
    return switch (type) {
      case EMOTICON -> emoticonClass(surface);
      case EMOJI -> baseEmoji(surface);
      case URL -> "<url>";
      case EMAIL -> "<email>";
      case MENTION -> "<mention>";
      case HASHTAG -> surface.toLowerCase(Locale.ROOT);
      default -> surface;
    };
  }

  static String emoticonClass(String e) {
    if (e.startsWith("<3")) {
      return "EMO_HEART";
    }
    if (e.startsWith("^")) {
      return "EMO_HAPPY";
    }
    char mouth = e.charAt(e.length() - 1);
    return switch (mouth) {
      case ')', ']', 'D', 'd', '*' -> "EMO_HAPPY";
      case '(', '[' -> "EMO_SAD";
      case 'P', 'p' -> "EMO_TONGUE";
      default -> "EMO_SKEPTIC";
    };
  }

  /** The emoji without skin-tone modifiers and variation selectors. */
  static String baseEmoji(String e) {
    StringBuilder sb = null;
    for (int i = 0; i < e.length(); ) {
      int cp = e.codePointAt(i);
      int n = Character.charCount(cp);
      boolean drop = cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF);
      if (drop && sb == null) {
        sb = new StringBuilder(e.length()).append(e, 0, i);
      } else if (!drop && sb != null) {
        sb.appendCodePoint(cp);
      }
      i += n;
    }
    return sb == null ? e : sb.toString(); // most emoji have nothing to drop: no copy
  }
}
