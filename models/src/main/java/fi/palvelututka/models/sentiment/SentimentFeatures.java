package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.Negation;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.text.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The token sequence the sentiment categorizer sees, from the {@link
 * fi.palvelututka.models.text.FinnishAnalyzer}'s analysis. Training and tagging use exactly this
 * class with the same {@link Feature} set (stored in the model bundle), so it is part of the model
 * contract.
 *
 * <ul>
 *   <li>{@link Feature#LEMMAS}: words give their lemma ("huonoa" → "huono"), prefixed "neg_" inside
 *       a negation scope ("ei ollut hyvää" → "ei", "neg_olla", "neg_hyvä"); emoticon classes,
 *       emoji, "!"/"!!"/"?" and hashtags are tokens too.
 *   <li>{@link Feature#LEXICON}: per lexicon word a polarity token (LEX_POS, LEX_NEG, with _STRONG
 *       for |score| ≥ 3 and NEGATED_ when in a negation scope), and one token for the bucketed sum
 *       of scores (negated words count with the opposite sign).
 *   <li>{@link Feature#INTENSITY}: an intensifier ("todella", "tosi", "aivan", ...) or downtoner
 *       ("vähän", "melko", ...) right before a lexicon word gives INT_POS / INT_NEG / DOWN_POS /
 *       DOWN_NEG. A negative lexicon word in an adverb form in -n right before a lexicon word
 *       ("kauhean hyvä", "törkeen hyvä", "vitun hyvä") is an intensifier too, and gives no lexicon
 *       token of its own.
 *   <li>{@link Feature#STEMS}: the first {@value #STEM_LENGTH} letters of a longer word form
 *       ("s:petty" for "pettymys", "pettymyksen", "pettynyt"...; "ns:" in a negation scope): the
 *       inflected forms of one word share it even where the analyzer's lemma guess is wrong, so
 *       unseen forms still get a feature.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SentimentFeatures {

  /** Feature groups, switchable for the ablation study. */
  public enum Feature {
    LEMMAS,
    LEXICON,
    INTENSITY,
    STEMS;

    public static Set<Feature> parse(String csv) {
      EnumSet<Feature> s = EnumSet.noneOf(Feature.class);
      for (String p : csv.split(",")) {
        if (!p.isBlank()) {
          s.add(Feature.valueOf(p.strip().toUpperCase(Locale.ROOT)));
        }
      }
      return s;
    }
  }

  static final Set<String> INTENSIFIERS =
      Set.of(
          "tosi",
          "todella",
          "aivan",
          "ihan",
          "erittäin",
          "super",
          "niin",
          "täysin",
          "hyvin",
          "oikein",
          "älyttömän",
          "tajuttoman",
          "kauhean",
          "hirveän",
          "mahtavan",
          "äärimmäisen",
          "uskomattoman",
          "erityisen",
          "sairaan",
          "hemmetin",
          "kertakaikkisen");

  static final Set<String> DOWNTONERS =
      Set.of(
          "vähän",
          "hieman",
          "melko",
          "aika",
          "suht",
          "suhteellisen",
          "jokseenkin",
          "kohtalaisen",
          "hiukan",
          "lievästi",
          "jonkin",
          "kohtuullisen",
          "hitusen");

  /** Length of a {@link Feature#STEMS} prefix. */
  public static final int STEM_LENGTH = 5;

  private SentimentFeatures() {}

  public static String[] tokens(Analysis analysis, Set<Feature> features, SentimentLexicon lex) {
    return tokens(analysis, features, lex, lex, UnaryOperator.identity());
  }

  /**
   * {@link #tokens(Analysis, Set, SentimentLexicon)}, with each word's tokens replaced by {@code
   * canonical}'s object for them (an equal string: the compiled model's own, so that its lookups
   * compare no characters). What a word gives is kept in its {@link Word} under {@code memoKey},
   * which must stand for this lexicon and this {@code canonical} together.
   */
  static String[] tokens(
      Analysis analysis,
      Set<Feature> features,
      SentimentLexicon lex,
      Object memoKey,
      UnaryOperator<String> canonical) {
    List<String> out = new ArrayList<>(analysis.tokenCount() + 8);
    int sum = 0;
    boolean useLemmas = features.contains(Feature.LEMMAS);
    boolean useLex = features.contains(Feature.LEXICON);
    boolean useInt = features.contains(Feature.INTENSITY);
    boolean useStems = features.contains(Feature.STEMS);
    for (Sentence s : analysis.sentences()) {
      List<Token> ts = s.tokens();
      WordFeatures prev = null;
      Negation.WithoutScope without = new Negation.WithoutScope();
      boolean prevIntensifies = false;
      for (int i = 0; i < ts.size(); i++) {
        Token t = ts.get(i);
        boolean negated = without.next(t) || t.negated();
        WordFeatures w = t.isWord() ? WordFeatures.of(t, lex, memoKey, canonical) : null;
        // "kauhean hyvä", "törkeen hyvä", "vitun hyvä": a negative word's adverb form right before
        // a lexicon word intensifies it and says nothing negative of its own
        boolean intensifies =
            useInt
                && w != null
                && w.negativeAdverb
                && i + 1 < ts.size()
                && ts.get(i + 1).isWord()
                && WordFeatures.of(ts.get(i + 1), lex, memoKey, canonical).score != 0;
        if (useLemmas) {
          if (w != null) {
            out.add(w.lemma(negated));
          } else {
            otherToken(t, out);
          }
        }
        if (useStems && w != null) {
          String stem = w.stem(negated);
          if (stem != null) {
            out.add(stem);
          }
        }
        if ((useLex || useInt) && w != null && w.score != 0 && !intensifies && !modal(t, ts, i)) {
          int pos = w.score > 0 ? 1 : 0;
          if (useLex) {
            out.add(LEX[negated ? 1 : 0][pos][Math.abs(w.score) >= 3 ? 1 : 0]);
            sum += negated ? -w.score : w.score;
          }
          if (useInt && prev != null) {
            if (prev.intensifier || prevIntensifies) {
              out.add(INT[pos]);
            } else if (prev.downtoner) {
              out.add(DOWN[pos]);
            }
          }
        }
        prev = w;
        prevIntensifies = intensifies;
      }
    }
    if (useLex && !out.isEmpty()) {
      out.add(bucket(sum));
    }
    return out.toArray(new String[0]);
  }

  /**
   * Whether the word at {@code i} is "pitää" as a modal verb, before an infinitive ("piti odottaa
   * tunti", "pitää soittaa uudestaan": had to), not as "like", which AFINN-fi scores +2: it then
   * gives no lexicon token.
   */
  static boolean modal(Token t, List<Token> ts, int i) {
    if (!t.lemma().equals("pitää") || i + 1 >= ts.size()) {
      return false;
    }
    Token next = ts.get(i + 1);
    String n = next.norm();
    int l = n.length();
    return next.isWord()
        && l >= 3
        && n.equals(next.lemma())
        && (n.charAt(l - 1) == 'a' || n.charAt(l - 1) == 'ä');
  }

  /**
   * What the features take from one word: its tokens, lexicon score and intensity role. It depends
   * on the word, the lexicon and the model's token objects alone, so it is made once per word form
   * and kept in the analyzer's {@link Word}: a review's words are scored for the document, again
   * for each sentence and again by the main model, and each time cost a lexicon lookup or two, new
   * token strings and their hashes.
   */
  static final class WordFeatures {
    final int score;

    /** The form's {@link ReviewWords} class bits, for the review rules. */
    final int classes;

    final boolean intensifier;
    final boolean downtoner;

    /**
     * A negative lexicon word in an adverb-like form ending in -n ("kauhean", "hirveen", "törkeen",
     * "vitun"; not an -nen adjective): before another lexicon word it is an intensifier.
     */
    final boolean negativeAdverb;

    private final String lemmaText;
    private final String normText;
    private final UnaryOperator<String> canonical;

    /**
     * The {@link Feature#LEMMAS} and {@link Feature#STEMS} tokens, plain and in a negation scope,
     * made on first use: only the main model reads them, and it runs only on the sentences without
     * a lexicon word, so most words never need them.
     */
    private String lemma;

    private String negLemma;
    private String stem;
    private String negStem;
    private boolean stemsMade;

    private WordFeatures(Token t, SentimentLexicon lex, UnaryOperator<String> canonical) {
      this.lemmaText = t.lemma();
      this.normText = t.norm(); // already lower case
      this.canonical = canonical;
      score = lex.score(t.lemma(), t.norm());
      classes = ReviewWords.classes(normText) | ReviewWords.lemmaClasses(t.lemma());
      intensifier = INTENSIFIERS.contains(t.lemma());
      downtoner = DOWNTONERS.contains(t.lemma());
      negativeAdverb =
          score < 0
              && normText.length() >= 5
              && normText.endsWith("n")
              && !normText.endsWith("nen");
    }

    /** The word's {@link Feature#LEMMAS} token ("neg_" + lemma in a negation scope). */
    String lemma(boolean negated) {
      if (negated) {
        if (negLemma == null) {
          negLemma = canonical.apply("neg_" + lemmaText);
        }
        return negLemma;
      }
      if (lemma == null) {
        lemma = canonical.apply(lemmaText);
      }
      return lemma;
    }

    /**
     * The word's {@link Feature#STEMS} token ("s:" or, in a negation scope, "ns:" and its first
     * {@value #STEM_LENGTH} letters); null for a word form of at most that many letters.
     */
    String stem(boolean negated) {
      if (!stemsMade) {
        if (normText.length() > STEM_LENGTH) {
          String st = normText.substring(0, STEM_LENGTH);
          stem = canonical.apply("s:" + st);
          negStem = canonical.apply("ns:" + st);
        }
        stemsMade = true;
      }
      return negated ? negStem : stem;
    }

    /** The word token's features, from its {@link Word}'s memo slot when it has one. */
    static WordFeatures of(
        Token t, SentimentLexicon lex, Object memoKey, UnaryOperator<String> canonical) {
      Word word = t.word();
      if (word != null && word.memo(memoKey) instanceof WordFeatures f) {
        return f;
      }
      WordFeatures f = new WordFeatures(t, lex, canonical);
      if (word != null) {
        word.memo(memoKey, f);
      }
      return f;
    }
  }

  // The lexicon and intensity tokens as constants: no string is built per word, and their hashes
  // are computed once. LEX[negated][positive][strong].
  private static final String[][][] LEX = {
    {{"LEX_NEG", "LEX_NEG_STRONG"}, {"LEX_POS", "LEX_POS_STRONG"}},
    {
      {"LEX_NEGATED_NEG", "LEX_NEGATED_NEG_STRONG"},
      {"LEX_NEGATED_POS", "LEX_NEGATED_POS_STRONG"}
    }
  };
  private static final String[] INT = {"INT_NEG", "INT_POS"};
  private static final String[] DOWN = {"DOWN_NEG", "DOWN_POS"};

  /** Every token this class makes as a constant (not from a word's text). */
  static List<String> constantTokens() {
    List<String> out = new ArrayList<>(List.of(INT));
    out.addAll(List.of(DOWN));
    for (String[][] a : LEX) {
      for (String[] b : a) {
        out.addAll(List.of(b));
      }
    }
    for (int sum = -5; sum <= 5; sum++) {
      out.add(bucket(sum));
    }
    out.addAll(List.of("!", "!!", "?"));
    return out.stream().distinct().toList();
  }

  private static String bucket(int sum) {
    if (sum <= -4) {
      return "LEXSUM_NEG2";
    } else if (sum < 0) {
      return "LEXSUM_NEG1";
    } else if (sum == 0) {
      return "LEXSUM_ZERO";
    } else if (sum < 4) {
      return "LEXSUM_POS1";
    }
    return "LEXSUM_POS2";
  }

  /** The {@link Feature#LEMMAS} token of a token that is not a word, if any. */
  private static void otherToken(Token t, List<String> out) {
    switch (t.type()) {
      case EMOTICON, EMOJI, HASHTAG -> out.add(t.norm());
      case PUNCT -> {
        if (t.text().startsWith("!")) {
          out.add(t.text().length() > 1 ? "!!" : "!");
        } else if (t.text().startsWith("?")) {
          out.add("?");
        }
      }
      default -> {
        // numbers, symbols, URLs, e-mail, mentions: no sentiment
      }
    }
  }
}
