package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Sentence;
import org.junit.jupiter.api.Test;

/** The wishes of {@link ReviewRule#WISH}: sentences written for this test. */
class WishTest {

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();

  /** {negative, positive} wish cues of a one-sentence text. */
  private int[] cues(String text) {
    int[] c = new int[2];
    for (Sentence s : analyzer.analyze(text).sentences()) {
      Wish.addCues(s, c);
    }
    return c;
  }

  @Test
  void aConditionalWithAComparativeIsAWish() {
    assertThat(cues("Pizza olisi voinut olla rapeampi.")).containsExactly(1, 0);
    assertThat(cues("Kahvi ois saanu olla kuumempaa.")).containsExactly(1, 0);
    assertThat(cues("Myyjät voisivat tervehtiä useammin.")).containsExactly(1, 0);
    assertThat(cues("Kuntosalilla pitäisi olla enemmän laitteita.")).containsExactly(1, 0);
    assertThat(cues("Parkkipaikkoja voisi olla lisää.")).containsExactly(1, 0);
    assertThat(cues("Odotusaika saisi olla lyhyempi")).containsExactly(1, 0);
  }

  @Test
  void aConditionalPerfectOfExpectingIsAWish() {
    assertThat(cues("Olisin toivonut, että joku olisi soittanut.")).containsExactly(1, 0);
    assertThat(cues("Oisin kyllä odottanu vähän muuta.")).containsExactly(1, 0);
    assertThat(cues("Olisimme odottaneet kunnon anteeksipyyntöä.")).containsExactly(1, 0);
  }

  @Test
  void aNegatedWishIsPraise() {
    assertThat(cues("Ei olisi voinut olla parempi.")).containsExactly(0, 1);
    assertThat(cues("En olisi voinut toivoa kauniimpaa lopputulosta.")).containsExactly(0, 1);
  }

  @Test
  void notAWish() {
    // first-person conditionals of other verbs praise the place
    assertThat(cues("Voisin käydä täällä useammin.")).containsExactly(0, 0);
    assertThat(cues("Kävisin täällä joka viikko, jos asuisin lähempänä.")).containsExactly(0, 0);
    // "tulisi" is also "would come"
    assertThat(cues("Tänne tulisi mentyä useammin.")).containsExactly(0, 0);
    // a conditional without a comparative: left to the irrealis scope and the lexicon
    assertThat(cues("Olisi ollut kiva tietää.")).containsExactly(0, 0);
    // the comparative outside the clause or too far on
    assertThat(cues("Voisi olla, että hinta on nyt parempi.")).containsExactly(0, 0);
    assertThat(cues("Olisi voinut tulla perjantaina aamupäivällä tai myöhemmin."))
        .containsExactly(0, 0);
    // a comparative without a conditional
    assertThat(cues("Palvelu oli nopeampaa kuin viimeksi.")).containsExactly(0, 0);
  }

  @Test
  void comparatives() {
    for (String w :
        new String[] {
          "parempi",
          "nopeampaa",
          "halvempia",
          "useammin",
          "useemmin",
          "enemmän",
          "enemman",
          "lisää",
          "isompana",
          "vähemmän"
        }) {
      assertThat(fi.palvelututka.models.text.Negation.comparative(w)).as(w).isTrue();
    }
    for (String w : new String[] {"lampi", "kampi", "paras", "nopea", "hyvin", "tammi"}) {
      assertThat(fi.palvelututka.models.text.Negation.comparative(w)).as(w).isFalse();
    }
  }
}
