package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Negation;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import fi.palvelututka.models.themes.ThemeTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Classifies one text at a time. NOT thread-safe (OpenNLP's {@link DocumentCategorizerME} keeps
 * per-call state): create one per thread or Spark partition with {@link
 * SentimentModel#newClassifier()}; it holds its own {@link FinnishAnalyzer} unless given one.
 */
public final class SentimentClassifier {

  /** The main model's class probabilities for feature tokens (see {@link #categorizer}). */
  private final Function<String[], double[]> categorizer;

  /** The companion's, or null when the model has none. */
  private final Function<String[], double[]> companion;

  private final double reviewMix;
  private final int[] companionIndex = new int[3];
  private final FinnishAnalyzer analyzer;
  private final Set<SentimentFeatures.Feature> features;
  private final SentimentLexicon lexicon;
  private final Calibration calibration;

  /** The idiom cue finder, when the model has an idiom list and {@link ReviewRule#IDIOMS}. */
  private final ThemeTagger idioms;

  private final int[] index = new int[3];

  /**
   * What word features are kept under in the words, and the strings they take: the main model's
   * compiled trie and its own token objects where there is one, else the lexicon and the strings as
   * made (see {@link SentimentFeatures#tokens(Analysis, Set, SentimentLexicon, Object,
   * UnaryOperator)}).
   */
  private final Object featureKey;

  private final UnaryOperator<String> canonical;

  SentimentClassifier(
      DoccatModel model,
      CompiledCategorizer compiled,
      DoccatModel companionModel,
      CompiledCategorizer companionCompiled,
      double reviewMix,
      FinnishAnalyzer analyzer,
      Set<SentimentFeatures.Feature> features,
      SentimentLexicon lexicon,
      Calibration calibration,
      ThemeTagger idioms) {
    this.categorizer = categorizer(model, compiled);
    this.idioms = calibration.reviewRules().contains(ReviewRule.IDIOMS) ? idioms : null;
    this.companion = companionModel == null ? null : categorizer(companionModel, companionCompiled);
    this.reviewMix = reviewMix;
    if (companion != null) {
      for (Sentiment s : Sentiment.values()) {
        companionIndex[s.ordinal()] = companionModel.getMaxentModel().getIndex(s.label());
      }
    }
    this.analyzer = analyzer;
    this.features = features;
    this.lexicon = lexicon;
    this.calibration = calibration;
    this.featureKey = compiled != null ? compiled : lexicon;
    this.canonical = compiled != null ? compiled::canonical : UnaryOperator.identity();
    for (Sentiment s : Sentiment.values()) {
      index[s.ordinal()] = model.getMaxentModel().getIndex(s.label());
    }
  }

  /**
   * A model's categorize: its compiled form (the same probabilities, faster) when there is one,
   * else OpenNLP's categorizer, made for this classifier alone (it is not thread-safe).
   */
  private static Function<String[], double[]> categorizer(
      DoccatModel model, CompiledCategorizer compiled) {
    return compiled != null ? compiled::categorize : new DocumentCategorizerME(model)::categorize;
  }

  public SentimentResult classify(String text) {
    return classify(analyzer.analyze(text));
  }

  /** Raw (uncalibrated) class probabilities, order negative, neutral, positive; null if empty. */
  double[] raw(Analysis analysis) {
    String[] tokens = SentimentFeatures.tokens(analysis, features, lexicon, featureKey, canonical);
    if (tokens.length == 0) {
      return null;
    }
    double[] p = categorizer.apply(tokens);
    return new double[] {p[index[0]], p[index[1]], p[index[2]]};
  }

  /** Classifies an analysis made by the same analyzer bundle the model was trained with. */
  public SentimentResult classify(Analysis analysis) {
    double[] raw = raw(analysis);
    if (raw == null) {
      return SentimentResult.EMPTY;
    }
    double[] q = calibration.apply(raw);
    return new SentimentResult(Sentiment.values()[calibration.decide(q)], q[0], q[1], q[2]);
  }

  /** Raw review-mode scores: main model, companion, or their mixture; null if nothing to score. */
  double[] reviewRaw(Analysis analysis) {
    double[] comp = null;
    if (companion != null && reviewMix < 1) {
      String[] t =
          SentimentFeatures.tokens(
              analysis, SentimentModel.COMPANION_FEATURES, lexicon, featureKey, canonical);
      if (t.length > 0) {
        double[] p = companion.apply(t);
        comp = new double[] {p[companionIndex[0]], p[companionIndex[1]], p[companionIndex[2]]};
      }
    }
    double[] raw = comp != null && reviewMix == 0 ? comp : raw(analysis);
    if (raw != null && comp != null && raw != comp) {
      for (int c = 0; c < 3; c++) {
        raw[c] = reviewMix * raw[c] + (1 - reviewMix) * comp[c];
      }
    }
    return raw;
  }

  /** A review-domain decision (see {@link Calibration#applyReview(double[], int[])}). */
  private SentimentResult review(Analysis analysis, int[] cues) {
    double[] raw = reviewRaw(analysis);
    if (raw == null) {
      return SentimentResult.EMPTY;
    }
    double[] q = calibration.applyReview(raw, cues);
    return new SentimentResult(Sentiment.values()[Calibration.argmax(q)], q[0], q[1], q[2]);
  }

  /**
   * Review document label (with "mixed") and per-sentence sentiment, with probabilities calibrated
   * on the review dev set. Mixed: at least two sentences, one positive and one negative, each with
   * probability at least the mixed threshold (fitted on the review dev set), which rises with the
   * number of sentences and clauses ({@link Calibration#mixedThreshold(boolean, int)}).
   *
   * <p>A model whose review mode was fitted with cues (a cue weight above 0, as shipped) must get
   * the same cues here ({@code ReviewTagger} does); without them its review probabilities are not
   * calibrated.
   *
   * @param cues per sentence of the analysis, {negative, positive} counts of service complaint and
   *     praise cues ({@code ThemeTagger#cues}), or null for none; the document's are their sums
   */
  public DocumentSentiment classifyDocument(Analysis analysis, int[][] cues) {
    return classifyDocument(analysis, cues, null);
  }

  /**
   * As {@link #classifyDocument(Analysis, int[][])}; with {@link ReviewRule#CONTRAST}, the clauses
   * of a sentence cut at a contrast conjunction get their cues from {@code clauseCues} (null:
   * none).
   */
  public DocumentSentiment classifyDocument(
      Analysis analysis, int[][] cues, ReviewCues clauseCues) {
    cues = reviewCues(analysis, cues);
    boolean contrastRule = calibration.reviewRules().contains(ReviewRule.CONTRAST);
    SentimentResult doc = review(analysis, documentCues(cues));
    List<DocumentSentiment.SentenceSentiment> sentences = new ArrayList<>();
    double maxPos = 0;
    double maxNeg = 0;
    List<Sentence> all = analysis.sentences();
    for (int i = 0; i < all.size(); i++) {
      Sentence s = all.get(i);
      SentimentResult r =
          all.size() == 1
              ? doc
              : review(
                  new Analysis(s.text(), List.of(s), analysis.umlautsRestored()),
                  cues == null ? null : cues[i]);
      sentences.add(new DocumentSentiment.SentenceSentiment(s.start(), s.end(), r));
      List<Sentence> clauses = contrastRule ? clauses(s) : List.of(s);
      if (clauses.size() == 1) {
        if (r.label() == Sentiment.POSITIVE) {
          maxPos = Math.max(maxPos, r.positive());
        } else if (r.label() == Sentiment.NEGATIVE) {
          maxNeg = Math.max(maxNeg, r.negative());
        }
        continue;
      }
      for (Sentence c : clauses) {
        if (hypothetical(c)) {
          continue; // "..., vaikka olisi kuinka kammo": no experience, no evidence of mixed
        }
        Analysis ca = new Analysis(c.text(), List.of(c), analysis.umlautsRestored());
        int[][] cc = reviewCues(ca, clauseCues == null ? null : clauseCues.of(ca));
        SentimentResult cr = review(ca, cc == null ? null : cc[0]);
        if (cr.label() == Sentiment.POSITIVE) {
          maxPos = Math.max(maxPos, cr.positive());
        } else if (cr.label() == Sentiment.NEGATIVE) {
          maxNeg = Math.max(maxNeg, cr.negative());
        }
      }
    }
    // a positive and a negative part are two parts
    double score = Math.min(maxPos, maxNeg);
    // only a review with a mixed score needs to know (most have none: skip the scans)
    boolean contrast = score > 0 && contrastRule && hasContrast(analysis);
    int parts = score > 0 ? mixedParts(analysis, contrastRule) : 0;
    boolean isMixed = score > 0 && score >= calibration.mixedThreshold(contrast, parts);
    double mixed = calibration.mixedProbability(score, contrast, parts);
    double rest = 1 - mixed;
    return new DocumentSentiment(
        isMixed ? DocumentSentiment.MIXED : doc.label().label(),
        doc.negative() * rest,
        doc.neutral() * rest,
        doc.positive() * rest,
        mixed,
        List.copyOf(sentences));
  }

  /**
   * The parts the mixed decision of {@link #classifyDocument} weighs: the sentences, a sentence cut
   * at a contrast conjunction counting as its clauses (with {@code contrastRule}), hypothetical
   * concessions left out.
   */
  static int mixedParts(Analysis analysis, boolean contrastRule) {
    int parts = 0;
    for (Sentence s : analysis.sentences()) {
      List<Sentence> clauses = contrastRule ? clauses(s) : List.of(s);
      if (clauses.size() == 1) {
        parts++;
        continue;
      }
      for (Sentence c : clauses) {
        parts += hypothetical(c) ? 0 : 1;
      }
    }
    return parts;
  }

  static final Set<String> CONTRAST =
      Set.of(
          "mutta",
          "mut",
          "mutku",
          "kuitenkin",
          "kuitenki",
          "tosin",
          "silti",
          "sentään",
          "vaikka",
          "vaik",
          "vaikkakin",
          "toisaalta",
          "muuten",
          "paitsi");

  /** Conjunctions of a concessive clause ("although", "even if"). */
  static final Set<String> CONCESSIVE_CONJUNCTIONS = Set.of("vaikka", "vaik", "vaikkakin");

  /**
   * Whether a clause is a hypothetical concession: it begins with "vaikka" and has a conditional
   * ("Ei tarvitse jännittää, vaikka olisi kuinka kammo" = even if one were afraid). It tells of no
   * experience with the business, so it is no evidence that a review is mixed. (A concession of
   * what happened, "..., vaikka luvattiin kaksi päivää", still is.)
   */
  static boolean hypothetical(Sentence c) {
    List<Token> ts = c.tokens();
    if (ts.isEmpty()
        || !ts.get(0).isWord()
        || !CONCESSIVE_CONJUNCTIONS.contains(ts.get(0).norm())) {
      return false;
    }
    for (Token t : ts) {
      if (t.isWord() && (t.word().scopeRole() & Negation.CONDITIONAL) != 0) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> CLAUSE_CONTRAST =
      Set.of("mutta", "mut", "vaikka", "vaik", "vaikkakin", "paitsi");

  /** Whether a word of the analysis marks a contrast. */
  static boolean hasContrast(Analysis analysis) {
    for (Sentence s : analysis.sentences()) {
      for (Token t : s.tokens()) {
        if (t.isWord() && CONTRAST.contains(t.norm())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Words a clause needs on each side of a contrast conjunction to be scored on its own. */
  static final int CLAUSE_MIN_WORDS = 1;

  /** The sentence cut before each clause-initial contrast conjunction with words on both sides. */
  static List<Sentence> clauses(Sentence s) {
    List<Token> ts = s.tokens();
    List<Sentence> out = null; // most sentences have no cut: nothing allocated for them
    int from = 0;
    for (int i = 1; i < ts.size(); i++) {
      if (ts.get(i).isWord()
          && CLAUSE_CONTRAST.contains(ts.get(i).norm())
          && words(ts, from, i) >= CLAUSE_MIN_WORDS
          && words(ts, i + 1, ts.size()) >= CLAUSE_MIN_WORDS) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(part(s, from, i));
        from = i;
      }
    }
    if (out == null) {
      return List.of(s);
    }
    out.add(part(s, from, ts.size()));
    return out;
  }

  private static int words(List<Token> ts, int a, int b) {
    int n = 0;
    for (int i = a; i < b; i++) {
      n += ts.get(i).isWord() ? 1 : 0;
    }
    return n;
  }

  private static Sentence part(Sentence s, int a, int b) {
    List<Token> ts = s.tokens().subList(a, b);
    int start = ts.get(0).start();
    int end = ts.get(ts.size() - 1).end();
    return new Sentence(
        s.text().substring(start - s.start(), end - s.start()), start, end, List.copyOf(ts));
  }

  /** Analyses {@code text} and classifies it with the cues found in that analysis. */
  public DocumentSentiment classifyDocument(String text, ReviewCues cues) {
    Analysis a = analyzer.analyze(text);
    return classifyDocument(a, cues.of(a), cues);
  }

  /**
   * The cues of the review mode: the theme cues given ({@code cues}, per sentence; null = none),
   * with {@link ReviewRule#NEGATED_LEXICON} plus one cue of the opposite polarity per lexicon word
   * in a negation scope (the analyzer's, or after "ilman" / "vailla"), with {@link ReviewRule#WISH}
   * plus the {@link Wish} cues, with {@link ReviewRule#IDIOMS} plus the idiom list's (at most one
   * complaint and one praise per sentence), with {@link ReviewRule#SUGGESTION}, {@link
   * ReviewRule#THEN_AND_NOW}, {@link ReviewRule#REMEDY}, {@link ReviewRule#IRONY} and {@link
   * ReviewRule#CONTRAST_ADVERB} plus theirs ({@link Suggestion}, {@link ThenAndNow}, {@link Irony};
   * the last two look at the other sentences' cues and lexicon words). Null when the rules are off
   * and no cues were given.
   */
  int[][] reviewCues(Analysis analysis, int[][] cues) {
    Set<ReviewRule> rules = calibration.reviewRules();
    boolean negatedLexicon = rules.contains(ReviewRule.NEGATED_LEXICON);
    boolean wish = rules.contains(ReviewRule.WISH);
    boolean irony = rules.contains(ReviewRule.IRONY);
    boolean contrastAdverb = rules.contains(ReviewRule.CONTRAST_ADVERB);
    boolean remedy = rules.contains(ReviewRule.REMEDY);
    boolean suggestion = rules.contains(ReviewRule.SUGGESTION);
    boolean thenAndNow = rules.contains(ReviewRule.THEN_AND_NOW);
    if (!negatedLexicon
        && !wish
        && idioms == null
        && !irony
        && !contrastAdverb
        && !suggestion
        && !thenAndNow
        && !remedy) {
      return cues;
    }
    List<Sentence> all = analysis.sentences();
    int[][] idiomCues = idioms == null ? null : idioms.cues(analysis);
    int[][] out = new int[all.size()][];
    // per sentence: the sum of its lexicon words' signs (negated ones flipped), for the rules that
    // look at other sentences
    int[] lexical = irony || contrastAdverb ? new int[all.size()] : null;
    for (int i = 0; i < all.size(); i++) {
      int[] c = cues == null || cues[i] == null ? new int[2] : cues[i].clone();
      out[i] = c;
      if (idiomCues != null) {
        c[0] += idiomCues[i][0];
        c[1] += idiomCues[i][1];
      }
      if (wish) {
        Wish.addCues(all.get(i), c);
      }
      if (suggestion) {
        Suggestion.addCues(all.get(i), words, c);
      }
      if (thenAndNow) {
        ThenAndNow.addCues(all, i, words, c);
      }
      if (!negatedLexicon && !remedy && lexical == null) {
        continue;
      }
      Negation.WithoutScope without = new Negation.WithoutScope();
      boolean remedyInScope = false;
      for (Token t : all.get(i).tokens()) {
        boolean negated = without.next(t) || t.negated();
        if (!t.isWord()) {
          continue;
        }
        SentimentFeatures.WordFeatures f = features(t);
        int score = f.score;
        if (lexical != null && score != 0) {
          lexical[i] += (negated ? -1 : 1) * Integer.signum(score);
        }
        if (!negated) {
          remedyInScope = false;
          continue;
        }
        if (remedy && t.negated() && (f.classes & ReviewWords.REMEDY) != 0) {
          // a verb of the analyzer's negation, not a word after "ilman"; no cue of its own
          // (AFINN-fi scores "myöntää" -1, the English "admit")
          remedyInScope = true;
          continue;
        }
        if ((remedyInScope || (f.classes & ReviewWords.APOLOGY) != 0) && score < 0) {
          // against the negated problem word's own pull to praise, and for the complaint; an
          // apology that did not come is a complaint too, though AFINN-fi scores "anteeksi" -1
          c[0] += REMEDY_CUES;
        } else if ((f.classes & ReviewWords.NOT_JUDGING) != 0) {
          continue; // "ei pysty lukemaan", "ei ole mikään iso kuntosali"
        } else if (negatedLexicon && score < 0) {
          c[1]++;
        } else if (negatedLexicon && score > 0) {
          c[0]++;
        }
      }
    }
    if (irony) {
      addIronyCues(all, out, lexical);
    }
    if (contrastAdverb) {
      addContrastAdverbCues(all, out, lexical);
    }
    return out;
  }

  /** A word token's features (lexicon score, review-rule classes), memoized in its word. */
  private SentimentFeatures.WordFeatures features(Token t) {
    return SentimentFeatures.WordFeatures.of(t, lexicon, featureKey, canonical);
  }

  /** {@link #features} as a function, made once. */
  private final java.util.function.Function<Token, SentimentFeatures.WordFeatures> words =
      this::features;

  /** Complaint cues of a problem word negated with a remedy verb ({@link ReviewRule#REMEDY}). */
  static final int REMEDY_CUES = 2;

  /**
   * Stems of the verbs of putting things right ({@link ReviewRule#REMEDY}): korjata, myöntää,
   * hyvittää, korvata, ratkaista, selvittää, pahoitella, huomioida, huomata, hoitaa, ilmoittaa,
   * kertoa, auttaa, löytää (not "löytyä": "vikaa ei löytynyt" is existential), käsitellä, poistaa.
   * A form's match is one of its {@link ReviewWords#REMEDY} bits, computed once per form.
   */
  static final List<String> REMEDY_STEMS =
      List.of(
          "korja", "myön", "hyvit", "korvan", "korvat", "korvaa", "korvas", "ratkai", "ratkas",
          "selvit", "selvis", "pahoit", "huomio", "huoma", "hoita", "hoida", "hoide", "ilmoit",
          "kerto", "kerro", "kerrot", "autta", "auta", "autet", "löytä", "löydä", "löydet",
          "käsitel", "käsitt", "poista", "poiste");

  /** {@link ReviewRule#IRONY}: complaint cues for the ironic sentences ({@link Irony}). */
  private void addIronyCues(List<Sentence> all, int[][] out, int[] lexical) {
    Irony.Found[] found = null;
    int markers = 0;
    for (int i = 0; i < all.size(); i++) {
      Irony.Found f = Irony.of(all.get(i), words, out[i][0]);
      if (f.opener() || f.marker() || f.bareThanks()) {
        if (found == null) {
          found = new Irony.Found[all.size()];
        }
        found[i] = f;
        markers += f.marker() ? 1 : 0;
      }
    }
    if (found == null) {
      return;
    }
    for (int i = 0; i < all.size(); i++) {
      Irony.Found f = found[i];
      if (f == null) {
        continue;
      }
      boolean ironic = f.opener();
      if (!ironic && f.marker()) {
        ironic = markers >= 2;
        for (int j = 0; j < all.size() && !ironic; j++) {
          ironic = j != i && (out[j][0] > 0 || lexical[j] < 0);
        }
      }
      if (!ironic && f.bareThanks()) {
        ironic = true; // unless another sentence praises something
        for (int j = 0; j < all.size() && ironic; j++) {
          ironic = j == i || lexical[j] <= 0;
        }
      }
      if (ironic) {
        out[i][0] += Irony.CUES;
      }
    }
  }

  /** Concessive adverbs of {@link ReviewRule#CONTRAST_ADVERB} ("sen sijaan" as "sijaan"). */
  static final Set<String> CONCESSIVE = Set.of("kuitenkin", "kuitenki", "tosin", "sijaan");

  /**
   * {@link ReviewRule#CONTRAST_ADVERB}: a sentence with a concessive adverb and no cue or lexicon
   * word of its own gets one cue against the polarity of the sentence before it.
   */
  private void addContrastAdverbCues(List<Sentence> all, int[][] out, int[] lexical) {
    for (int i = 1; i < all.size(); i++) {
      if (out[i][0] != 0 || out[i][1] != 0 || lexical[i] != 0 || !concessive(all.get(i))) {
        continue;
      }
      int before = Integer.signum(out[i - 1][1] - out[i - 1][0]);
      if (before == 0) {
        before = Integer.signum(lexical[i - 1]);
      }
      if (before > 0) {
        out[i][0]++;
      } else if (before < 0) {
        out[i][1]++;
      }
    }
  }

  private boolean concessive(Sentence s) {
    List<Token> ts = s.tokens();
    for (int k = 0; k < ts.size(); k++) {
      Token t = ts.get(k);
      if (t.isWord() && (features(t).classes & ReviewWords.CONCESSIVE) != 0) {
        if (!t.norm().equals("sijaan") || (k > 0 && ts.get(k - 1).norm().equals("sen"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The sum of per-sentence cue counts; null when there are none. */
  static int[] documentCues(int[][] cues) {
    if (cues == null) {
      return null;
    }
    int[] sum = new int[2];
    for (int[] c : cues) {
      sum[0] += c[0];
      sum[1] += c[1];
    }
    return sum;
  }
}
