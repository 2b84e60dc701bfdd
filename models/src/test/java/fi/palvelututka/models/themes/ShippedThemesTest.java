package fi.palvelututka.models.themes;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.tag.ReviewTagger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped taxonomy and models on the hard cases of theme detection, in sentences written for
 * this test (not taken from the evaluation sets): implicit mentions, negation, inflected and
 * compound forms, text without ä/ö, two categories of opposite polarity, and no theme on neutral
 * informational text.
 */
class ShippedThemesTest {

  private final ReviewTagger tagger = ReviewTagger.shipped();

  private List<String> themes(String text) {
    return tagger.tag(text).aspects().stream()
        .map(a -> a.category() + "/" + a.polarity())
        .distinct()
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // implicit mentions: no theme keyword
        "Soitin kolme kertaa, kukaan ei nostanut luuria.|reachability/complaint",
        "Soitin aamulla ja he soittivat takaisin jo vartin päästä.|reachability/praise",
        // negation carries or flips the meaning
        "Ei tarvinnut jonottaa ollenkaan.|waiting/praise",
        "Kukaan ei vastannut sähköposteihini.|reachability/complaint",
        "Myyjä ei tyrkyttänyt mitään turhaa.|sales_pressure/praise",
        "Henkilökunta ei ollut kovin ystävällistä.|attitude/complaint",
        // inflected and compound forms
        "Asiakaspalvelijalta sain täysin väärää tietoa.|competence/complaint",
        "Minua pompoteltiin luukulta luukulle koko viikko.|listening/complaint",
        "Laskussa oli ylimääräinen käsittelymaksu, josta ei kerrottu etukäteen.|price/complaint",
        "Reklamaatio hoitui nopeasti ja rahat palautettiin tilille.|complaint_handling/praise",
        "Vessat olivat likaiset ja roskikset täynnä.|premises/complaint",
        // written without ä and ö
        "Myyja oli todella toykea ja epakohtelias.|attitude/complaint",
        "Jouduin odottamaan vastaanotolla yli tunnin.|waiting/complaint",
      })
  void findsTheTheme(String text, String expected) {
    assertThat(themes(text)).as(text).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Ruoka oli herkullista, mutta jouduimme odottamaan sitä tunnin."
            + "|quality/praise|waiting/complaint",
        "Kampaaja oli tosi ystävällinen, mutta hinta oli aivan liian kova."
            + "|attitude/praise|price/complaint",
      })
  void twoCategoriesWithOppositePolarity(String text, String first, String second) {
    assertThat(themes(text)).as(text).contains(first, second);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Aukeaa klo 9. Parkkipaikka takapihalla.",
        "Kävin vaihtamassa talvirenkaat tiistaina.",
        "Liike sijaitsee kauppakeskuksen toisessa kerroksessa.",
        "Tilasin kaksi pizzaa ja limsan.",
      })
  void noThemeOnNeutralInformationalText(String text) {
    assertThat(themes(text)).as(text).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"Suosittelen!", "Ihan ok.", "Huonoin paikka ikinä.", "Viisi tähteä!"})
  void noThemeOnBareVerdicts(String text) {
    assertThat(themes(text)).as(text).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void evidenceIsTheSentenceWithItsOffsets() {
    String text = "Hyvä sijainti. Tarjoilija oli todella tyly meille.";
    List<AspectMention> m = tagger.tag(text).aspects();
    assertThat(m).extracting(AspectMention::category).contains("attitude");
    AspectMention a =
        m.stream().filter(x -> x.category().equals("attitude")).findFirst().orElseThrow();
    assertThat(a.sentence()).isEqualTo("Tarjoilija oli todella tyly meille.");
    assertThat(text.substring(a.start(), a.end())).isEqualTo(a.sentence());
    assertThat(a.confidence()).isBetween(0.0, 1.0);
  }
}
