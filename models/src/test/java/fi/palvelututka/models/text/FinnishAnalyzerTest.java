package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped analyzer bundle on review-like Finnish written for these tests. */
class FinnishAnalyzerTest {

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();

  private List<Token> tokens(String text) {
    return analyzer.analyze(text).sentences().stream().flatMap(s -> s.tokens().stream()).toList();
  }

  private Token token(String text, String surface) {
    Optional<Token> t = tokens(text).stream().filter(k -> k.text().equals(surface)).findFirst();
    assertThat(t).as("token '%s' in '%s': %s", surface, text, tokens(text)).isPresent();
    return t.get();
  }

  @ParameterizedTest
  @CsvSource({
    "Asiakaspalvelussa oli ruuhkaa.,Asiakaspalvelussa,asiakaspalvelu",
    "En saanut asiakaspalvelua ollenkaan.,asiakaspalvelua,asiakaspalvelu",
    "Asiakaspalvelu vastasi nopeasti.,Asiakaspalvelu,asiakaspalvelu",
    "Kysyin asiakaspalvelijalta neuvoa.,asiakaspalvelijalta,asiakaspalvelija",
    "Kukaan ei vastannut puhelimeen.,vastannut,vastata",
    "Kukaan ei vastannut puhelimeen.,puhelimeen,puhelin",
    "Odotimme pöytää puoli tuntia.,Odotimme,odottaa",
    "Hinnat olivat kohtuullisia.,Hinnat,hinta",
    "Myyjät olivat ystävällisiä.,ystävällisiä,ystävällinen",
    "Laskussa oli virhe.,Laskussa,lasku",
  })
  void lemmasOfInflectedForms(String text, String surface, String lemma) {
    assertThat(token(text, surface).lemma()).isEqualTo(lemma);
  }

  @Test
  void negationScopeCoversTheGovernedWords() {
    String t = "Kukaan ei vastannut puhelimeen, vaikka soitin monta kertaa.";
    assertThat(token(t, "ei").negator()).isTrue();
    assertThat(token(t, "Kukaan").negated()).isFalse();
    assertThat(token(t, "vastannut").negated()).isTrue();
    assertThat(token(t, "puhelimeen").negated()).isTrue();
    assertThat(token(t, "soitin").negated()).isFalse();
  }

  @Test
  void negationEndsAtMuttaAndPunctuation() {
    String t = "Ruoka ei ollut yhtään huono, mutta palvelu oli hidas.";
    assertThat(token(t, "huono").negated()).isTrue();
    assertThat(token(t, "yhtään").negated()).isTrue();
    assertThat(token(t, "palvelu").negated()).isFalse();
    assertThat(token(t, "hidas").negated()).isFalse();
    String u = "Palvelu ei ollut hyvää mutta hinta oli halpa";
    assertThat(token(u, "hyvää").negated()).isTrue();
    assertThat(token(u, "halpa").negated()).isFalse();
  }

  @Test
  void eiVoiKuinSuositellaIsNotNegatedPraise() {
    String t = "Ei voi kuin suositella!";
    assertThat(token(t, "voi").negated()).isTrue();
    assertThat(token(t, "suositella").negated()).isFalse();
  }

  @Test
  void frontedPartitiveBeforeNegationIsInScope() {
    String t = "Mitään ongelmia ei ollut.";
    assertThat(token(t, "ongelmia").negated()).isTrue();
    assertThat(token(t, "ollut").negated()).isTrue();
    assertThat(token("Kiitosta ei kuulunut.", "Kiitosta").negated()).isTrue();
    // a nominative subject is not ("the food was not good": the food is not negated)
    assertThat(token("Ruoka ei ollut hyvää.", "Ruoka").negated()).isFalse();
    // the walk stops at a word that is not a partitive, and at a clause boundary
    String u = "Tänään jonoa ei ollut.";
    assertThat(token(u, "jonoa").negated()).isTrue();
    assertThat(token(u, "Tänään").negated()).isFalse();
    String v = "Kahvi oli kylmää eikä kukaan pahoitellut.";
    assertThat(token(v, "kylmää").negated()).as("eikä begins a clause").isFalse();
    assertThat(token("Ruoka oli kylmää, ei hyvää.", "kylmää").negated()).isFalse();
    // an infinitive only before a modal
    assertThat(token("Valittaa ei voi.", "Valittaa").negated()).isTrue();
    // a partitive comparative is never in scope: "nothing better" is praise
    String w = "Parempaa palvelua ei voi toivoa.";
    assertThat(token(w, "palvelua").negated()).isTrue();
    assertThat(token(w, "Parempaa").negated()).isFalse();
    assertThat(token("Ei voi parempaa toivoa.", "parempaa").negated()).isFalse();
    // only before a verb of being, appearing or getting: a fronted object of another verb is not
    // what the negation denies ("the broken vacuum cleaner is not taken back")
    assertThat(token("Hajonnutta imuria ei oteta takaisin.", "Hajonnutta").negated()).isFalse();
    assertThat(token("Apua ei saanut mistään.", "Apua").negated()).isTrue();
    // partitives of consonant stems, e-stems and -si words
    String x = "Lämmintä vettä ei tullut.";
    assertThat(token(x, "Lämmintä").negated()).isTrue();
    assertThat(token(x, "vettä").negated()).isTrue();
    assertThat(token("Aihetta ei löytynyt.", "Aihetta").negated()).isTrue();
    assertThat(token("Puhelinta ei ollut.", "Puhelinta").negated()).isTrue();
    // a nominative in -nta is not
    assertThat(token("Henkilökunta ei ollut paikalla.", "Henkilökunta").negated()).isFalse();
    // an elative is not a partitive: the delay is not denied
    assertThat(token("Myöhästymisestä ei ilmoitettu.", "Myöhästymisestä").negated()).isFalse();
    assertThat(token("Palautuksesta ei ole kuulunut.", "Palautuksesta").negated()).isFalse();
  }

  @Test
  void ilmanAndVaillaNegateWhatFollowsForSentimentOnly() {
    String t = "Kaikki hoitui ilman mitään ongelmia ja nopeasti.";
    // not in the analyzer's flag: the theme patterns name "ilman" themselves
    assertThat(token(t, "ongelmia").negated()).isFalse();
    assertThat(withoutScope(t)).containsExactly("mitään", "ongelmia");
    assertThat(withoutScope("Jäin vailla vastausta, taas.")).containsExactly("vastausta");
  }

  /** The tokens of a one-sentence text that {@link Negation.WithoutScope} puts in its scope. */
  private List<String> withoutScope(String text) {
    Negation.WithoutScope without = new Negation.WithoutScope();
    List<String> in = new ArrayList<>();
    for (Token k : analyzer.analyze(text).sentences().get(0).tokens()) {
      if (without.next(k)) {
        in.add(k.text());
      }
    }
    return in;
  }

  @Test
  void irrealisComplementIsInScopeAndCancelsANegation() {
    String t = "Palvelu olisi voinut olla parempi.";
    assertThat(token(t, "parempi").negated()).isTrue();
    assertThat(token(t, "Palvelu").negated()).isFalse();
    assertThat(token("Olisi ollut kiva tietää etukäteen.", "kiva").negated()).isTrue();
    // a partitive comparative too: what was wanted ("never in a negation scope" is for "ei")
    assertThat(token("Keitto olisi saanut olla lämpimämpää.", "lämpimämpää").negated()).isTrue();
    assertThat(token("Lämpimämpää ei olisi voinut toivoa.", "Lämpimämpää").negated()).isFalse();
    // the negation of a wish is praise
    assertThat(token("Ei olisi voinut olla parempi.", "parempi").negated()).isFalse();
    assertThat(token("Ei olisi voinut olla parempaa.", "parempaa").negated()).isFalse();
    // a conditional without "olla" opens nothing
    assertThat(token("Voisi suositella kaikille.", "suositella").negated()).isFalse();
    // and a clause boundary ends the wait for "olla"
    assertThat(token("Jos voisi, niin olla hyvä.", "hyvä").negated()).isFalse();
    // a conditional right after "kuin" is a comparison, not a wish
    String asIf = "Asenne oli ylimielinen, ikään kuin olisin ollut pelkkä vaiva.";
    assertThat(token(asIf, "vaiva").negated()).isFalse();
    assertThat(token(asIf, "pelkkä").negated()).isFalse();
    assertThat(token("Meitä kohdeltiin kuin olisimme olleet rikollisia.", "rikollisia").negated())
        .isFalse();
    // "kuin" elsewhere in the clause does not stop a wish
    assertThat(
            token("Se kesti kauemmin kuin luvattiin, olisi voinut olla nopeampi.", "nopeampi")
                .negated())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the negation verb: a connegative after it, or after the pronoun and adverbs
        "Et voi mennä vikaan tän optikon kanssa.|Et|true",
        "Et tule pettymään.|Et|true",
        "et tuu pettymään.|et|true",
        "Täältä et saa palvelua ilman jonotusta.|et|true",
        "Et ole ainoa, joka odotti.|Et|true",
        "Kun et sitä oikeasti ole tilannut.|et|true",
        "et kyl kadu.|et|true",
        "Et sä voi tietää.|Et|true",
        "Et ehtinyt edes istua.|Et|true",
        "Et kuitenkaan vaivaudu vastaamaan.|Et|true",
        // spoken "että": a noun, a pronoun, a finite verb or a conditional after it
        "sano puhelimessa et auto on valmis perjantaina.|et|false",
        "kiva et pankissa joku vihdoin vastas.|et|false",
        "Tosi hyvä et ne soitti perään.|et|false",
        "luulin et ois kalliimpi.|et|false",
        "Olis kiva et vois varata netissä.|et|false",
        "Kiva et salille on tullut uusia laitteita.|et|false",
        "ja sit se väitti et vika on mun puhelimessa.|et|false",
        "Ihan sama et mitä tilaa.|et|false"
      })
  void etIsTheNegationVerbOnlyBeforeAConnegative(String text, String surface, boolean negation) {
    Token et = token(text, surface);
    assertThat(et.negator()).as(text).isEqualTo(negation);
    assertThat(et.lemma()).isEqualTo("että");
    if (!negation) {
      assertThat(et.word().breaksScope()).as("\"että\" begins a clause").isTrue();
    }
  }

  @Test
  void etAsEttaNegatesNothingAfterIt() {
    String t = "väitti et vika on mun puhelimessa.";
    assertThat(token(t, "vika").negated()).isFalse();
    assertThat(token("Et tule pettymään.", "pettymään").negated()).isTrue();
    // the same analyzer gives both readings of the form, one sentence after another
    assertThat(token("sano et vika korjataan. Et tule pettymään.", "tule").negated()).isTrue();
  }

  @Test
  void aSecondNegationCancelsTheFirst() {
    String t = "En voi sanoa, etten olisi ollut tyytyväinen.";
    assertThat(token(t, "voi").negated()).isTrue();
    assertThat(token(t, "tyytyväinen").negated())
        .as("no scope, and its conditional is no wish")
        .isFalse();
    assertThat(token("Ei sillä, etteikö ruoka olisi ollut hyvää.", "hyvää").negated()).isFalse();
    assertThat(token("Ei ole ketään, kuka ei tykkäisi näistä.", "tykkäisi").negated()).isFalse();
    // without a negation before it, "ettei" negates
    assertThat(token("Toivottavasti ettei tule vikaa.", "vikaa").negated()).isTrue();
    // a new statement after "mutta": its "ettei" negates again
    String u = "Ei siinä mitään, ettei kampaaja jutellut, mutta ettei hän edes kysynyt mitään.";
    assertThat(token(u, "kysynyt").negated()).isTrue();
  }

  @Test
  void abessiveInANegationScopeIsADoubleNegative() {
    assertThat(token("Ei voi olla suosittelematta!", "suosittelematta").negated()).isFalse();
    assertThat(token("Ei voi olla suosittelematta!", "olla").negated()).isTrue();
  }

  @Test
  void pitiOllaIsAnExpectation() {
    // "was supposed to be easy": what follows "olla" was expected, as after a conditional
    String t = "Vaihdon piti olla helppoa, mutta mikään ei toiminut.";
    assertThat(token(t, "helppoa").negated()).isTrue();
    assertThat(token("Pihvi piti kypsentää pidempään.", "kypsentää").negated()).isFalse();
  }

  @Test
  void negatedAndPlainVerbShareTheLemma() {
    assertThat(token("Hän vastasi heti.", "vastasi").lemma()).isEqualTo("vastata");
    Token neg = token("Hän ei vastannut.", "vastannut");
    assertThat(neg.lemma()).isEqualTo("vastata");
    assertThat(neg.negated()).isTrue();
  }

  @Test
  void emojiAndEmoticonsAreSentimentTokens() {
    List<Token> ts = tokens("Kiitos 😊👍 :) <3 :-( xD 👍🏽");
    assertThat(ts)
        .extracting(Token::type)
        .containsExactly(
            TokenType.WORD,
            TokenType.EMOJI,
            TokenType.EMOJI,
            TokenType.EMOTICON,
            TokenType.EMOTICON,
            TokenType.EMOTICON,
            TokenType.EMOTICON,
            TokenType.EMOJI);
    assertThat(ts)
        .extracting(Token::norm)
        .containsExactly(
            "kiitos", "😊", "👍", "EMO_HAPPY", "EMO_HEART", "EMO_SAD", "EMO_HAPPY", "👍");
  }

  @Test
  void reviewTokensPricesTimesUrlsTags() {
    List<Token> ts =
        tokens("Hinta 29,90€ klo 9.30!!! Lisää: https://www.example.fi/hinnasto #hius @salonki");
    assertThat(ts)
        .extracting(Token::text)
        .containsExactly(
            "Hinta",
            "29,90",
            "€",
            "klo",
            "9.30",
            "!!!",
            "Lisää",
            ":",
            "https://www.example.fi/hinnasto",
            "#hius",
            "@salonki");
    assertThat(ts)
        .extracting(Token::type)
        .containsExactly(
            TokenType.WORD,
            TokenType.NUMBER,
            TokenType.SYMBOL,
            TokenType.WORD,
            TokenType.NUMBER,
            TokenType.PUNCT,
            TokenType.WORD,
            TokenType.PUNCT,
            TokenType.URL,
            TokenType.HASHTAG,
            TokenType.MENTION);
  }

  @Test
  void missingSpaceAfterPunctuationSplitsSentences() {
    Analysis a = analyzer.analyze("Hyvä palvelu.Suosittelen lämpimästi!Tulen uudestaan");
    assertThat(a.sentences())
        .extracting(Sentence::text)
        .containsExactly("Hyvä palvelu.", "Suosittelen lämpimästi!", "Tulen uudestaan");
    assertThat(tokens("hyvä,kiva paikka"))
        .extracting(Token::text)
        .containsExactly("hyvä", ",", "kiva", "paikka");
  }

  @Test
  void emojiThenCapitalAndLineBreaksEndSentences() {
    Analysis a = analyzer.analyze("Ihana paikka 😊 Tulen uudestaan\nKiitos Mikalle! 👍");
    assertThat(a.sentences())
        .extracting(Sentence::text)
        .containsExactly("Ihana paikka 😊", "Tulen uudestaan", "Kiitos Mikalle! 👍");
  }

  @Test
  void abbreviationsDoNotEndSentences() {
    Analysis a =
        analyzer.analyze(
            "Aukeaa klo 9. Tarjolla mm. kahvia ja esim. pullaa. Parkkipaikka takapihalla.");
    assertThat(a.sentences()).hasSize(3);
  }

  @Test
  void textWithoutUmlautsIsRestored() {
    Analysis a = analyzer.analyze("Tosi hyva palvelu, mutta myohassa taas ja myyja oli toykea.");
    assertThat(a.umlautsRestored()).isTrue();
    assertThat(token(a.text(), "hyva").norm()).isEqualTo("hyvä");
    assertThat(token(a.text(), "myohassa").norm()).isEqualTo("myöhässä");
    assertThat(token(a.text(), "myyja").lemma()).isEqualTo("myyjä");
    assertThat(token(a.text(), "toykea").norm()).isEqualTo("töykeä");
    // a word that is common as written is left alone
    assertThat(token(a.text(), "taas").norm()).isEqualTo("taas");
  }

  @Test
  void textWithUmlautsIsTakenAsWritten() {
    Analysis a = analyzer.analyze("Hyvä palvelu, mutta sama vanha hinta.");
    assertThat(a.umlautsRestored()).isFalse();
    assertThat(token(a.text(), "sama").norm()).isEqualTo("sama");
  }

  @Test
  void theSameFormIsReadAsWrittenOrRestoredByTheText() {
    // one analyzer, so its word cache has seen "hyva" in a text without ä/ö first
    assertThat(token("Tosi hyva paikka", "hyva").norm()).isEqualTo("hyvä");
    assertThat(token("Hyvää ruokaa, hyva paikka", "hyva").norm()).isEqualTo("hyva");
    assertThat(token("Tosi hyva paikka", "hyva").norm()).isEqualTo("hyvä");
  }

  @Test
  void baseEmojiDropsSkinTonesAndVariationSelectorsOnly() {
    assertThat(FinnishAnalyzer.baseEmoji("👍🏽")).isEqualTo("👍");
    assertThat(FinnishAnalyzer.baseEmoji("❤️")).isEqualTo("❤");
    assertThat(FinnishAnalyzer.baseEmoji("👍🏻👍🏿")).isEqualTo("👍👍");
    assertThat(FinnishAnalyzer.baseEmoji("☕👍🏽")).isEqualTo("☕👍");
    String plain = "😊👍";
    assertThat(FinnishAnalyzer.baseEmoji(plain)).isSameAs(plain); // nothing to drop: no copy
  }

  @Test
  void aFullWordCacheChangesNoAnalysis() {
    String text =
        "Myyjä ei vastannut puhelimeen, mutta hinnat olivat kohtuullisia. Tosi hyva paikka!";
    FinnishAnalyzer fresh = AnalyzerModels.shipped().newAnalyzer();
    List<Token> before = fresh.analyze(text).sentences().get(0).tokens();
    // more distinct word forms than the cache holds, in both readings, so both caches empty
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < FinnishAnalyzer.WORD_CACHE_SIZE + 100; i++) {
      filler.append("sana");
      for (int n = i; n > 0; n /= 26) {
        filler.append((char) ('a' + n % 26));
      }
      filler.append(' ');
      if (filler.length() > 50_000 || i == FinnishAnalyzer.WORD_CACHE_SIZE + 99) {
        fresh.analyze(filler.toString());
        fresh.analyze(filler.append("äiti").toString());
        filler.setLength(0);
      }
    }
    // both caches were emptied once and hold only the forms seen since
    assertThat(fresh.cachedWordForms(true)).isBetween(1, FinnishAnalyzer.WORD_CACHE_SIZE - 1000);
    assertThat(fresh.cachedWordForms(false)).isBetween(1, FinnishAnalyzer.WORD_CACHE_SIZE - 1000);
    assertThat(fresh.analyze(text).sentences().get(0).tokens()).isEqualTo(before);
    assertThat(fresh.analyze(text).sentences()).isEqualTo(analyzer.analyze(text).sentences());
  }

  @Test
  void repeatedLettersAreSqueezedToAKnownWord() {
    // both "ihana" and its partitive "ihanaa" are words: either is a right reading
    assertThat(token("Ihanaaaa paikka", "Ihanaaaa").norm()).isIn("ihana", "ihanaa");
    assertThat(token("Ihanaaaa paikka", "Ihanaaaa").lemma()).isEqualTo("ihana");
    assertThat(token("Kiiiiitos!!", "Kiiiiitos").norm()).isEqualTo("kiitos");
    assertThat(token("Hyvääää ruokaa", "Hyvääää").norm()).isEqualTo("hyvää");
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String t = "  Ruoka 👍🏽 oli hyvää!!\n\nMutta  tarjoilija… ei jaksanut :(  ";
    Analysis a = analyzer.analyze(t);
    assertThat(a.sentences()).isNotEmpty();
    for (Sentence s : a.sentences()) {
      assertThat(t.substring(s.start(), s.end())).isEqualTo(s.text());
      for (Token k : s.tokens()) {
        assertThat(t.substring(k.start(), k.end())).isEqualTo(k.text());
        assertThat(k.start()).isGreaterThanOrEqualTo(s.start());
        assertThat(k.end()).isLessThanOrEqualTo(s.end());
      }
    }
  }

  @Test
  void edgeCases() {
    assertThat(analyzer.analyze("").sentences()).isEmpty();
    assertThat(analyzer.analyze(null).sentences()).isEmpty();
    assertThat(analyzer.analyze(" \n\t ").sentences()).isEmpty();
    Analysis onlyEmoji = analyzer.analyze("😊😊👍");
    assertThat(onlyEmoji.sentences()).hasSize(1);
    assertThat(onlyEmoji.sentences().get(0).tokens())
        .extracting(Token::type)
        .containsOnly(TokenType.EMOJI);
    assertThat(analyzer.analyze("!!!???").tokenCount()).isPositive();
  }

  @Test
  void hundredKilobyteTextIsAnalysed() {
    String sentence = "Palvelu oli hidas mutta ystävällinen, hinta 12,50 € ja jonotin 20 min. ";
    String big = sentence.repeat(100_000 / sentence.length() + 1);
    assertThat(big.length()).isGreaterThan(100_000);
    Analysis a = analyzer.analyze(big);
    assertThat(a.sentences().size()).isGreaterThan(1000);
    Sentence last = a.sentences().get(a.sentences().size() - 1);
    assertThat(last.end()).isLessThanOrEqualTo(FinnishAnalyzer.MAX_CHARS);
    assertThat(big.substring(last.start(), last.end())).isEqualTo(last.text());
  }

  @Test
  void versionNamesTheBundle() {
    assertThat(AnalyzerModels.shipped().version().toString()).matches("analyzer-fi@[0-9a-f]{12}");
  }
}
