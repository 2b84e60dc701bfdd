package fi.palvelututka.models.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sentences written for this test (not from the evaluation sets). */
class LanguageIdentifierTest {

  static final LanguageIdentifier ID = LanguageIdentifier.shipped();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Hyvä kahvi!                                                                     | fi
          Ihan jees paikka                                                                | fi
          Tosi hyva palvelu ja ystavallinen myyja                                         | fi
          EI KANNATA, ODOTIN TUNNIN                                                       | fi
          Pizza oli ok mut kuski myöhässä 🙄                                              | fi
          Hieno paikka, tulemme varmasti uudestaan ensi kesänä koko perheen kanssa.        | fi
          The waiter forgot our order twice and never apologised.                         | en
          Bad service                                                                     | en
          Mycket trevlig personal, vi kommer tillbaka!                                    | sv
          Väga hea teenindus                                                              | et
          Personal war sehr freundlich                                                    | de
          Очень вкусно и быстро                                                           | ru
          👍👍👍                                                                          | und
          5/5                                                                             | und
          https://example.com/arvostelu/123                                               | und
          """)
  void identifiesReviewLanguages(String text, String expected) {
    assertThat(ID.identify(text).language()).as(text).isEqualTo(expected);
  }

  @Test
  void clearlyFinnishLongTextIsDecidedByItsWords() {
    String fi =
        "Tilasin pöydän kuudelle hengelle ja kaikki sujui hyvin. Ruoka oli lämmintä ja"
            + " tarjoilija ystävällinen, mutta jälkiruokaa joutui odottamaan puoli tuntia.";
    LanguageIdentifier.Guess g = ID.identify(fi);
    assertThat(g.language()).isEqualTo("fi");
    // decided by the words: the confidence is the share of known Finnish words
    assertThat(g.confidence()).isBetween(LanguageIdentifier.CLEARLY_FINNISH_SHARE, 1.0);

    // a letter Finnish is not written with, or cue words of another language: the detector
    // decides, and still says Finnish for Finnish text / Estonian for Estonian text
    assertThat(ID.identify(fi + " Kiitos, Jõgeva!").language()).isEqualTo("fi");
    assertThat(
            ID.identify(
                    "Tellisin laua kuuele inimesele ja kõik läks hästi. Toit oli soe ja"
                        + " teenindaja sõbralik, aga magustoitu pidi ootama pool tundi.")
                .language())
        .isEqualTo("et");
  }

  @Test
  void theLatinShortcutAgreesWithUnicodeOnEveryLetter() {
    int letters = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.isLetter(cp)) {
        letters++;
        boolean latin = Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
        assertThat(LanguageIdentifier.latinLetter(cp)).as("U+%04X", cp).isEqualTo(latin);
      }
    }
    assertThat(letters).isGreaterThan(100_000);
  }

  @Test
  void nullAndBlankAreUndetermined() {
    assertThat(ID.identify(null).language()).isEqualTo("und");
    assertThat(ID.identify("   ").language()).isEqualTo("und");
  }

  @Test
  void codesAreIso6391WhereOneExists() {
    assertThat(LanguageIdentifier.iso1("fin")).isEqualTo("fi");
    assertThat(LanguageIdentifier.iso1("swe")).isEqualTo("sv");
    assertThat(LanguageIdentifier.iso1("ekk")).isEqualTo("et");
    assertThat(LanguageIdentifier.iso1("cmn")).isEqualTo("zh");
    assertThat(LanguageIdentifier.iso1("war")).isEqualTo("war"); // no 639-1 code
  }

  @Test
  void onlyTheFirstCharactersAreRead() {
    String longFinnish = "Palvelu oli hyvää ja nopeaa. ".repeat(200);
    assertThat(ID.identify(longFinnish + " The end was English.").language()).isEqualTo("fi");
  }

  /** Regression guard on the frozen held-out set; its numbers are in models/eval. */
  @Test
  void routingOnTheHeldOutSetStaysAccurate() throws Exception {
    Path test = Path.of("eval-data/language-test.jsonl");
    assertThat(test).exists();
    ObjectMapper om = new ObjectMapper();
    int n = 0;
    int right = 0;
    int finnish = 0;
    int finnishKept = 0;
    for (String line : Files.readAllLines(test)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode j = om.readTree(line);
      String gold = route(j.get("lang").asText());
      String got = route(ID.identify(j.get("text").asText()).language());
      n++;
      right += gold.equals(got) ? 1 : 0;
      if (gold.equals("fi")) {
        finnish++;
        finnishKept += got.equals("fi") ? 1 : 0;
      }
    }
    assertThat((double) right / n).isGreaterThan(0.95);
    assertThat((double) finnishKept / finnish).isGreaterThan(0.97);
  }

  private static String route(String lang) {
    return lang.equals("fi") || lang.equals("und") ? lang : "other";
  }
}
