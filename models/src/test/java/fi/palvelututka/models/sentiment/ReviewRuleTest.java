package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Sentence;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The review mode's rules: negated lexicon words as cues, and the contrast rule's clauses, contrast
 * words and own mixed threshold; how they are stored in a bundle. The shipped model's behaviour
 * with them is in {@link SentimentModelTest}.
 */
class ReviewRuleTest {

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();

  private static Calibration base() {
    return new Calibration(
        1.0, new double[3], new double[] {1, 1, 1}, 0.6, new double[] {1, 1, 1}, 1.0, 2.0);
  }

  @Test
  void parseAndFormat() {
    assertThat(
            ReviewRule.parse(
                "negated_lexicon, CONTRAST, wish, idioms, irony, contrast_adverb, remedy,"
                    + " suggestion, then_and_now"))
        .isEqualTo(EnumSet.allOf(ReviewRule.class));
    assertThat(ReviewRule.parse("none")).isEmpty();
    assertThat(ReviewRule.parse("")).isEmpty();
    assertThat(ReviewRule.format(EnumSet.of(ReviewRule.CONTRAST, ReviewRule.NEGATED_LEXICON)))
        .isEqualTo("negated_lexicon,contrast");
    assertThat(ReviewRule.format(EnumSet.of(ReviewRule.WISH, ReviewRule.NEGATED_LEXICON)))
        .isEqualTo("negated_lexicon,wish");
    assertThat(ReviewRule.format(Set.of())).isEqualTo("none");
    assertThatThrownBy(() -> ReviewRule.parse("contrast,sarcasm_detector"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rulesAndContrastThresholdSurviveTheBundleSettings() {
    Calibration c =
        base().withReviewRules(Set.of(ReviewRule.CONTRAST)).withMixed(0.8, 0.4, Double.NaN, 0);
    Calibration back = Calibration.fromProperties(c.toProperties());
    assertThat(back.reviewRules()).containsExactly(ReviewRule.CONTRAST);
    assertThat(back.mixedThreshold(false)).isEqualTo(0.8);
    assertThat(back.mixedThreshold(true)).isEqualTo(0.4);
    // without the contrast rule, one threshold for every review
    Calibration off = c.withReviewRules(Set.of());
    assertThat(off.mixedThreshold(true)).isEqualTo(0.8);
    // bundles written before the rules have neither key: no rules, one threshold
    Properties old = base().toProperties();
    assertThat(old).doesNotContainKeys("review_rules", "mixed_threshold_contrast");
    Calibration oldBack = Calibration.fromProperties(old);
    assertThat(oldBack.reviewRules()).isEmpty();
    assertThat(oldBack.mixedThreshold(true)).isEqualTo(0.6);
  }

  @Test
  void mixedProbabilityIsHalfAtTheThresholdThatMakesTheLabel() {
    Calibration c =
        base().withReviewRules(Set.of(ReviewRule.CONTRAST)).withMixed(0.8, 0.4, 10.0, 0);
    assertThat(c.mixedProbability(0.8, false)).isEqualTo(0.5);
    assertThat(c.mixedProbability(0.4, true)).isEqualTo(0.5);
    assertThat(c.mixedProbability(0.6, false)).isLessThan(0.5);
    assertThat(c.mixedProbability(0.6, true)).isGreaterThan(0.5);
    assertThat(c.mixedProbability(0.0, true)).isZero(); // no opposite sides at all
    Calibration back = Calibration.fromProperties(c.toProperties());
    assertThat(back.mixedSlope()).isEqualTo(10.0);
    // bundles before the slope: the mixed score is the probability, as it was
    Calibration old = Calibration.fromProperties(base().toProperties());
    assertThat(old.mixedSlope()).isNaN();
    assertThat(old.mixedProbability(0.7, true)).isEqualTo(0.7);
  }

  @Test
  void theMixedThresholdRisesWithTheNumberOfParts() {
    Calibration c =
        base().withReviewRules(Set.of(ReviewRule.CONTRAST)).withMixed(0.6, 0.4, 10.0, 0.25);
    // two parts: the fitted thresholds; eight parts: + 0.25 · ln 4
    assertThat(c.mixedThreshold(false, 2)).isEqualTo(0.6);
    assertThat(c.mixedThreshold(true, 1)).isEqualTo(0.4);
    assertThat(c.mixedThreshold(false, 8)).isCloseTo(0.6 + 0.25 * Math.log(4), within(1e-12));
    assertThat(c.mixedThreshold(true, 8)).isCloseTo(0.4 + 0.25 * Math.log(4), within(1e-12));
    // the mixed probability is still one half exactly where the label turns
    assertThat(c.mixedProbability(c.mixedThreshold(false, 8), false, 8))
        .isCloseTo(0.5, within(1e-12));
    assertThat(c.mixedProbability(0.8, false, 2)).isGreaterThan(0.5);
    assertThat(c.mixedProbability(0.8, false, 12)).isLessThan(0.5);
    Calibration back = Calibration.fromProperties(c.toProperties());
    assertThat(back.mixedLengthSlope()).isEqualTo(0.25);
    assertThat(back.mixedThreshold(false, 8)).isEqualTo(c.mixedThreshold(false, 8));
    // bundles before the length term: none, the threshold is the same at any length
    Properties old = base().withMixed(0.6, 0.4, 10.0, 0).toProperties();
    assertThat(old).doesNotContainKey("mixed_length_slope");
    assertThat(Calibration.fromProperties(old).mixedThreshold(false, 20)).isEqualTo(0.6);
  }

  @Test
  void aLongReviewNeedsAStrongerOppositeSentenceToBeMixed() throws Exception {
    // the same eight-sentence complaint with one sentence of faint praise (each sentence scored
    // alone): mixed without the length term only
    String text =
        "Tilasin verkkokaupasta kengät. Paketti tuli kolme viikkoa myöhässä. Asiakaspalvelu ei"
            + " vastannut. Kengät olivat ihan kivat. Toinen kenkä oli rikki. Palautus maksoi"
            + " kymmenen euroa. Rahoja ei ole vieläkään palautettu. En tilaa enää.";
    Analysis a = analyzer.analyze(text);
    assertThat(a.sentences()).hasSize(8);
    assertThat(SentimentClassifier.mixedParts(a, true)).isEqualTo(8);
    SentimentModel shipped = SentimentModel.shipped();
    Calibration cal = shipped.calibration();
    DocumentSentiment flat =
        shipped
            .withMixed(cal.mixedThreshold(false), cal.mixedThreshold(true), cal.mixedSlope(), 0)
            .newClassifier()
            .classifyDocument(a, null);
    double faint = flat.sentences().get(3).sentiment().positive();
    assertThat(flat.sentences().get(3).sentiment().label()).isEqualTo(Sentiment.POSITIVE);
    // thresholds just below the faint praise: mixed at two parts' threshold, not at eight parts'
    double t = faint - 0.01;
    SentimentModel lengthAware = shipped.withMixed(t, t, 10.0, 0.25);
    assertThat(shipped.withMixed(t, t, 10.0, 0).newClassifier().classifyDocument(a, null).label())
        .isEqualTo(DocumentSentiment.MIXED);
    DocumentSentiment d = lengthAware.newClassifier().classifyDocument(a, null);
    assertThat(d.label()).isEqualTo("negative");
    assertThat(d.mixed()).isLessThan(0.5);
  }

  @Test
  void aRuleSwitchedOffDoesNotSurviveFromTheOldBundle() throws Exception {
    SentimentModel shipped = SentimentModel.shipped();
    SentimentModel with = shipped.withReviewRules(EnumSet.allOf(ReviewRule.class));
    assertThat(with.calibration().reviewRules()).containsExactlyInAnyOrder(ReviewRule.values());
    SentimentModel without = with.withReviewRules(Set.of());
    assertThat(without.calibration().reviewRules()).isEmpty();
    assertThat(SentimentModel.fromBytes(without.toBytes()).calibration().reviewRules()).isEmpty();
  }

  /** A classifier of the main model alone (no companion) with this lexicon and calibration. */
  private SentimentClassifier mainModelOnly(SentimentModel m, SentimentLexicon lex, Calibration cal)
      throws Exception {
    return new SentimentClassifier(
        m.doccat(), null, null, null, 1.0, analyzer, m.features(), lex, cal, m.idioms());
  }

  @Test
  void negatedLexiconWordsAreCuesOfTheOppositePolarity() throws Exception {
    SentimentLexicon lex = new SentimentLexicon(Map.of("huono", -2, "hyvä", 3, "ei", -1));
    SentimentModel rules =
        SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.NEGATED_LEXICON));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    Analysis a = analyzer.analyze("Ei huono. Ei ollut hyvä. Hyvä. Huono.");
    assertThat(c.reviewCues(a, null)).isDeepEqualTo(new int[][] {{0, 1}, {1, 0}, {0, 0}, {0, 0}});
    // added to the theme cues given
    int[][] theme = {{1, 0}, {0, 0}, {0, 2}, {0, 0}};
    assertThat(c.reviewCues(a, theme)).isDeepEqualTo(new int[][] {{1, 1}, {1, 0}, {0, 2}, {0, 0}});
    assertThat(theme[0]).containsExactly(1, 0); // not changed in place
    // without the rule, the cues as given
    SentimentClassifier plain =
        mainModelOnly(rules, lex, rules.calibration().withReviewRules(Set.of()));
    assertThat(plain.reviewCues(a, null)).isNull();
    assertThat(plain.reviewCues(a, theme)).isSameAs(theme);
  }

  @Test
  void wishesAreComplaintCuesAndNegatedWishesPraise() throws Exception {
    SentimentLexicon lex = new SentimentLexicon(Map.of("huono", -2));
    SentimentModel rules = SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.WISH));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    Analysis a =
        analyzer.analyze(
            "Kahvi olisi saanut olla kuumempaa. Ei olisi voinut olla nopeampi. Huono. Olisin"
                + " odottanut vastausta.");
    assertThat(c.reviewCues(a, null)).isDeepEqualTo(new int[][] {{1, 0}, {0, 1}, {0, 0}, {1, 0}});
    // with the negated-lexicon rule too, both add to the theme cues given
    SentimentModel both =
        rules.withReviewRules(Set.of(ReviewRule.WISH, ReviewRule.NEGATED_LEXICON));
    SentimentClassifier cb = mainModelOnly(both, lex, both.calibration());
    Analysis b = analyzer.analyze("Ei huono. Siivous voisi olla perusteellisempaa.");
    int[][] theme = {{0, 0}, {2, 0}};
    assertThat(cb.reviewCues(b, theme)).isDeepEqualTo(new int[][] {{0, 1}, {3, 0}});
    assertThat(theme[1]).containsExactly(2, 0);
  }

  @Test
  void ironicSentencesAreComplaintCues() throws Exception {
    SentimentLexicon lex =
        new SentimentLexicon(
            Map.of("ihana", 3, "mahtavaa", 4, "kiitos", 2, "hyvä", 3, "huono", -2));
    SentimentModel rules = SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.IRONY));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    int k = Irony.CUES;
    // an opener praising what the rest of its sentence complains of
    assertThat(c.reviewCues(analyzer.analyze("Ihanaa, että laskut ovat huonoja."), null))
        .isDeepEqualTo(new int[][] {{k, 0}});
    assertThat(c.reviewCues(analyzer.analyze("No mahtavaa palvelua: kahvi ei ollut hyvää."), null))
        .isDeepEqualTo(new int[][] {{k, 0}});
    // ... or of which the sentence has a complaint cue already
    assertThat(c.reviewCues(analyzer.analyze("Ihanaa, että jonottaa saa."), new int[][] {{1, 0}}))
        .isDeepEqualTo(new int[][] {{1 + k, 0}});
    // sincere openers: the rest praises, or says nothing negative
    for (String sincere :
        List.of(
            "Ihanaa, että ruoka oli hyvää.",
            "Mahtavaa palvelua, kiitos!",
            "Ihanaa, että tällaisia paikkoja on.",
            "Mahtava paikka ja hyvä ruoka, ei huono.")) {
      assertThat(c.reviewCues(analyzer.analyze(sincere), null))
          .as(sincere)
          .isDeepEqualTo(new int[][] {{0, 0}});
    }
    // markers count where the review complains elsewhere, or has two of them
    assertThat(c.reviewCues(analyzer.analyze("Lasku oli huono. Kiitos vaan."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {k, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Kiitos vaan. Hyvä palvelu."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Kiitos vaan hyvästä palvelusta!"), null))
        .isDeepEqualTo(new int[][] {{0, 0}});
    // dismissive thanks in a review that praises nothing is irony on its own
    assertThat(c.reviewCues(analyzer.analyze("Kiitos vaan, nyt otsatukka loppuu kesken."), null))
        .isDeepEqualTo(new int[][] {{k, 0}});
    assertThat(
            c.reviewCues(
                analyzer.analyze("Paketti oli \"matkalla\" viikon. Sitten se tuli 🙃"), null))
        .isDeepEqualTo(new int[][] {{k, 0}, {k, 0}});
    // a long quotation is not a word quoted back
    assertThat(
            c.reviewCues(
                analyzer.analyze(
                    "Lasku oli huono. Myyjä sanoi \"tämä on meidän paras malli ikinä\"."),
                null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
    // without the rule, nothing
    SentimentClassifier plain =
        mainModelOnly(rules, lex, rules.calibration().withReviewRules(Set.of()));
    assertThat(plain.reviewCues(analyzer.analyze("Ihanaa, että laskut ovat huonoja."), null))
        .isNull();
  }

  @Test
  void aConcessiveSentenceWithoutCuesTurnsAgainstTheOneBefore() throws Exception {
    SentimentLexicon lex = new SentimentLexicon(Map.of("hyvä", 3, "huono", -2));
    SentimentModel rules =
        SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.CONTRAST_ADVERB));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    assertThat(
            c.reviewCues(analyzer.analyze("Ruoka oli hyvää. Jonossa meni kuitenkin tunti."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {1, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Ruoka oli huonoa. Sali oli tosin kaunis."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 1}});
    // the sentence before judged by its cues first
    assertThat(
            c.reviewCues(
                analyzer.analyze("Ruoka oli hyvää. Sen sijaan kassalla jonotettiin."),
                new int[][] {{2, 0}, {0, 0}}))
        .isDeepEqualTo(new int[][] {{2, 0}, {0, 1}});
    // a concessive sentence with a lexicon word or a cue of its own, or nothing before it to turn
    // against, or no concessive word: unchanged
    assertThat(c.reviewCues(analyzer.analyze("Ruoka oli hyvää. Sali oli kuitenkin huono."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Kävin siellä. Jonossa meni kuitenkin tunti."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Ruoka oli hyvää. Jonossa meni tunti."), null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Jonossa meni kuitenkin tunti."), null))
        .isDeepEqualTo(new int[][] {{0, 0}});
  }

  @Test
  void aNegatedRemedyOfAProblemIsAComplaint() throws Exception {
    // AFINN-fi scores "myöntää" -1 (the English "admit"): a remedy verb gives no cue of its own
    SentimentLexicon lex =
        new SentimentLexicon(
            Map.of("virhe", -2, "vika", -2, "huomautus", -1, "myöntää", -1, "myönnä", -1));
    SentimentModel rules =
        SentimentModel.shipped()
            .withReviewRules(Set.of(ReviewRule.NEGATED_LEXICON, ReviewRule.REMEDY));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    Analysis a =
        analyzer.analyze(
            "Asiakaspalvelu ei myönnä virhettä. Korjaamo ei korjannut vikaa. Virheitä ei ollut."
                + " Ei ollut vikaa. Auto meni läpi ilman huomautuksia.");
    int k = SentimentClassifier.REMEDY_CUES;
    assertThat(c.reviewCues(a, null))
        .isDeepEqualTo(new int[][] {{k, 0}, {k, 0}, {0, 1}, {0, 1}, {0, 1}});
    // without NEGATED_LEXICON, only the remedies
    SentimentModel alone = rules.withReviewRules(Set.of(ReviewRule.REMEDY));
    SentimentClassifier ca = mainModelOnly(alone, lex, alone.calibration());
    assertThat(ca.reviewCues(a, null))
        .isDeepEqualTo(new int[][] {{k, 0}, {k, 0}, {0, 0}, {0, 0}, {0, 0}});
    // without REMEDY, a negated problem is praise whatever the verb
    SentimentModel nl = rules.withReviewRules(Set.of(ReviewRule.NEGATED_LEXICON));
    SentimentClassifier cn = mainModelOnly(nl, lex, nl.calibration());
    assertThat(cn.reviewCues(a, null))
        .isDeepEqualTo(new int[][] {{0, 2}, {0, 1}, {0, 1}, {0, 1}, {0, 1}});
  }

  @Test
  void negatedWordsThatDoNotJudgeGiveNoCueAndAMissingApologyComplains() throws Exception {
    // AFINN-fi's "pystyä" -2 and "iso" +1 say nothing of the business when negated; its
    // "anteeksi" -1 (the English "sorry") negated is an apology owed
    SentimentLexicon lex =
        new SentimentLexicon(
            Map.of(
                "pystyä",
                -2,
                "pysty",
                -2,
                "iso",
                1,
                "anteeksi",
                -1,
                "pahoittelu",
                -2,
                "huono",
                -2));
    SentimentModel rules =
        SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.NEGATED_LEXICON));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    Analysis a =
        analyzer.analyze(
            "Sovelluksesta ei pysty vaihtamaan osoitetta. Ei ole mikään iso sali."
                + " Kukaan ei edes pyytänyt anteeksi. Ei minkäänlaista pahoittelua. Ei huono.");
    int k = SentimentClassifier.REMEDY_CUES;
    assertThat(c.reviewCues(a, null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}, {k, 0}, {k, 0}, {0, 1}});
  }

  @Test
  void aHypotheticalConcessionIsNoEvidenceOfMixed() {
    Sentence s =
        analyzer
            .analyze("Ei tarvitse jännittää hammaslääkäriä, vaikka olisi kuinka kammo.")
            .sentences()
            .get(0);
    List<Sentence> clauses = SentimentClassifier.clauses(s);
    assertThat(clauses).hasSize(2);
    assertThat(SentimentClassifier.hypothetical(clauses.get(0))).isFalse();
    assertThat(SentimentClassifier.hypothetical(clauses.get(1))).isTrue();
    // a concession of what happened is
    Sentence t =
        analyzer.analyze("Huolto kesti viikon, vaikka luvattiin kaksi päivää.").sentences().get(0);
    assertThat(SentimentClassifier.hypothetical(SentimentClassifier.clauses(t).get(1))).isFalse();
  }

  @Test
  void suggestionsAndRhetoricalQuestionsAreComplaintCues() throws Exception {
    SentimentLexicon lex =
        new SentimentLexicon(Map.of("hieno", 2, "hienoa", 2, "selkeä", 2, "hyvä", 3, "reilu", 2));
    SentimentModel rules = SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.SUGGESTION));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    Map<String, int[]> expected = new java.util.LinkedHashMap<>();
    expected.put("Toivoisin, että puhelimeen vastattaisiin.", new int[] {1, 0});
    expected.put("Ois kiva jos pizzassa ois muutakin täytettä.", new int[] {1, 0});
    // the positive words after the suggestion were missing: one more cue each, at most two
    expected.put("Olisi hienoa, jos pukuhuoneet siivottaisiin.", new int[] {2, 0});
    expected.put("Kaipaisin selkeämpää ja hyvää tietoa, selkeää ja reilua.", new int[] {3, 0});
    expected.put("Kunpa joku tervehtisi tulijaa.", new int[] {1, 0});
    expected.put("Ajanvaraukseen kannattaisi panostaa.", new int[] {1, 0});
    expected.put("Voisitteko vastata sähköposteihin?", new int[] {1, 0});
    expected.put("Ens kerralla vois kysyä asiakkaalta.", new int[] {1, 0});
    expected.put("Toivottavasti seuraavalla kerralla muistatte kastikkeet.", new int[] {1, 0});
    expected.put("Toivon, että jatkossa laskut tulevat ajallaan.", new int[] {1, 0});
    expected.put("Miksi tilaus vahvistetaan, jos tuotetta ei ole?", new int[] {1, 0});
    expected.put("Kenen idea oli poistaa puhelinnumero?", new int[] {1, 0});
    expected.put("Mikä järki on laittaa kassalle yksi ihminen?", new int[] {1, 0});
    // regret of not coming sooner is praise
    expected.put("Miksi en ole tullut tänne aikaisemmin?", new int[] {0, 2});
    expected.put("Olisinpa löytänyt tämän jo vuosia sitten!", new int[] {0, 2});
    // not suggestions: more of the same wished, plain questions, praise in a why-question
    expected.put("Toivottavasti ensi kerralla on yhtä hyvää!", new int[] {0, 0});
    expected.put("Toivottavasti näemme pian uudestaan.", new int[] {0, 0});
    expected.put("Toivon teille menestystä jatkossakin.", new int[] {0, 0});
    expected.put("Onko teillä auki jouluna?", new int[] {0, 0});
    expected.put("Miten voin varata ajan?", new int[] {0, 0});
    expected.put("Miksi ruoka on näin hyvää?", new int[] {0, 0});
    expected.put("Kannattaa käydä!", new int[] {0, 0});
    expected.forEach(
        (text, cue) ->
            assertThat(c.reviewCues(analyzer.analyze(text), null))
                .as(text)
                .isDeepEqualTo(new int[][] {cue}));
  }

  @Test
  void whatWasSoBeforeJudgesTheOppositeOfNow() throws Exception {
    SentimentLexicon lex =
        new SentimentLexicon(Map.of("hyvä", 3, "kuiva", -2, "jonottaa", -1, "suosittelin", 2));
    SentimentModel rules =
        SentimentModel.shipped().withReviewRules(Set.of(ReviewRule.THEN_AND_NOW));
    SentimentClassifier c = mainModelOnly(rules, lex, rules.calibration());
    int k = ThenAndNow.CUES;
    assertThat(
            c.reviewCues(
                analyzer.analyze("Ennen täällä sai hyvää kebabia, nykyään liha on kuivaa."), null))
        .isDeepEqualTo(new int[][] {{k, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Ennen piti jonottaa, nyt kaikki toimii."), null))
        .isDeepEqualTo(new int[][] {{0, k}});
    assertThat(c.reviewCues(analyzer.analyze("Ennen ruoka oli hyvää. Nykyään ei."), null))
        .isDeepEqualTo(new int[][] {{k, 0}, {0, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Harmi, sillä aikoinaan suosittelin tätä."), null))
        .isDeepEqualTo(new int[][] {{k, 0}});
    // "ennen kuin" is "before"; "ennen" without a now is left alone
    assertThat(
            c.reviewCues(
                analyzer.analyze("Ennen kuin ruoka tuli, sai hyvää leipää. Nyt syön täällä."),
                null))
        .isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
    assertThat(c.reviewCues(analyzer.analyze("Ennen ruokaa saimme hyvää leipää."), null))
        .isDeepEqualTo(new int[][] {{0, 0}});
    // "aikanaan" without a now may be "in due time"
    assertThat(
            c.reviewCues(
                analyzer.analyze("Paketti tulee aikanaan, hyvää kannattaa odottaa."), null))
        .isDeepEqualTo(new int[][] {{0, 0}});
  }

  private static final String IDIOMS =
      "{\"name\": \"test-idioms\", \"version\": \"1\", \"categories\": [{\"id\": \"idiom\","
          + " \"label_fi\": \"Idiomi\", \"label_en\": \"Idiom\", \"servqual\": \"none\","
          + " \"description\": \"test\", \"complaint\": [\"kankkula* kaivo*\"], \"praise\":"
          + " [\"hatunnosto*\"], \"neutral\": []}]}";

  @Test
  void idiomsOfTheBundlesListAreCuesOfTheirPolarity() throws Exception {
    SentimentLexicon lex = new SentimentLexicon(Map.of("huono", -2));
    SentimentModel m =
        SentimentModel.shipped()
            .withIdioms(IDIOMS.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .withReviewRules(Set.of(ReviewRule.IDIOMS));
    // kept in the bundle's bytes
    SentimentModel back = SentimentModel.fromBytes(m.toBytes());
    assertThat(back.idioms()).isNotNull();
    assertThat(back.version()).isEqualTo(m.version());
    assertThat(back.withCalibrationOnly(back.calibration()).idioms()).isNotNull();
    SentimentClassifier c = mainModelOnly(back, lex, back.calibration());
    Analysis a =
        analyzer.analyze(
            "Iso hatunnosto henkilökunnalle! Rahat menivät Kankkulan kaivoon. Huono. Ei mikään"
                + " hatunnosto.");
    assertThat(c.reviewCues(a, null)).isDeepEqualTo(new int[][] {{0, 1}, {1, 0}, {0, 0}, {1, 0}});
    // the list without the rule, or the rule without a list: no idiom cues
    SentimentModel noRule = back.withReviewRules(Set.of());
    assertThat(mainModelOnly(noRule, lex, noRule.calibration()).reviewCues(a, null)).isNull();
    SentimentModel noList = back.withIdioms(null);
    assertThat(noList.idioms()).isNull();
    assertThat(mainModelOnly(noList, lex, noList.calibration()).reviewCues(a, null)).isNull();
    assertThatThrownBy(
            () -> back.withIdioms("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void clausesAreCutBeforeAContrastConjunction() {
    String text = "Ruoka oli hyvää mutta palvelu hidasta, vaikka paikka oli tyhjä.";
    Sentence s = analyzer.analyze(text).sentences().get(0);
    List<Sentence> clauses = SentimentClassifier.clauses(s);
    assertThat(clauses)
        .extracting(Sentence::text)
        .containsExactly("Ruoka oli hyvää", "mutta palvelu hidasta,", "vaikka paikka oli tyhjä.");
    for (Sentence c : clauses) {
      assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
      assertThat(c.tokens()).isNotEmpty();
    }
  }

  @Test
  void noClauseWithoutWordsOnBothSides() {
    for (String t :
        List.of("Mutta ruoka oli hyvää.", "Hyvää, mutta.", "Ruoka oli hyvää ja halpaa.")) {
      Sentence s = analyzer.analyze(t).sentences().get(0);
      assertThat(SentimentClassifier.clauses(s)).as(t).containsExactly(s);
    }
  }

  @Test
  void contrastWords() {
    assertThat(SentimentClassifier.hasContrast(analyzer.analyze("Hyvä. Hinta oli kuitenkin kova.")))
        .isTrue();
    assertThat(SentimentClassifier.hasContrast(analyzer.analyze("Mut ihan ok."))).isTrue();
    assertThat(SentimentClassifier.hasContrast(analyzer.analyze("Hyvä ja halpa. Suosittelen.")))
        .isFalse();
  }

  @Test
  void negatorsLeaveTheLexicon() {
    SentimentLexicon lex = new SentimentLexicon(Map.of("ei", -1, "en", -1, "huono", -2));
    SentimentLexicon without = lex.withoutNegators();
    assertThat(without.size()).isEqualTo(1);
    assertThat(without.score("ei", "ei")).isZero();
    assertThat(without.score("huono", "huono")).isEqualTo(-2);
  }
}
