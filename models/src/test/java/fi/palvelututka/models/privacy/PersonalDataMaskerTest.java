package fi.palvelututka.models.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Review sentences written for this test; all names, numbers and addresses are made up. */
class PersonalDataMaskerTest {

  private static final PersonalDataMasker MASKER = PersonalDataMasker.shipped();

  private static void assertMasked(String input, String expected) {
    assertThat(MASKER.mask(input)).as(input).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // Names

  static Stream<Arguments> names() {
    return Stream.of(
        // first names, nominative and inflected
        arguments("Jari oli todella avulias.", "[nimi] oli todella avulias."),
        arguments("Kiitos Pekalle ja Liisalle!", "Kiitos [nimi] ja [nimi]!"),
        arguments(
            "Sovin ajan Annan kanssa ja kaikki meni hyvin.",
            "Sovin ajan [nimi] kanssa ja kaikki meni hyvin."),
        arguments(
            "Jarin neuvot olivat hyviä, mutta Mikon kanssa oli hankalampaa.",
            "[nimi] neuvot olivat hyviä, mutta [nimi] kanssa oli hankalampaa."),
        arguments(
            "Sain vastauksen Liisalta jo samana päivänä.",
            "Sain vastauksen [nimi] jo samana päivänä."),
        arguments(
            "Soitin Heikille ja Matille, kumpikaan ei vastannut.",
            "Soitin [nimi] ja [nimi], kumpikaan ei vastannut."),
        arguments(
            "Kertulle iso kiitos kärsivällisyydestä.", "[nimi] iso kiitos kärsivällisyydestä."),
        arguments("Sepolta tuli heti tarjous.", "[nimi] tuli heti tarjous."),
        arguments(
            "Tuomakselle ja Markukselle kiitos nopeasta korjauksesta.",
            "[nimi] ja [nimi] kiitos nopeasta korjauksesta."),
        arguments("Pekkakin oli yllättynyt hinnasta.", "[nimi] oli yllättynyt hinnasta."),
        // surnames, inflected
        arguments("Virtasen kanssa sovittiin uusi aika.", "[nimi] kanssa sovittiin uusi aika."),
        arguments(
            "Mäkiselle iso kiitos, Korhoselta myös hyvää palvelua.",
            "[nimi] iso kiitos, [nimi] myös hyvää palvelua."),
        arguments(
            "Paperit lähtivät Lindqvistille ja Nyströmille samana päivänä.",
            "Paperit lähtivät [nimi] ja [nimi] samana päivänä."),
        arguments(
            "Holmbergin ja Laineen palvelu oli asiantuntevaa.",
            "[nimi] ja [nimi] palvelu oli asiantuntevaa."),
        arguments("Virtaset olivat paikalla myös.", "[nimi] olivat paikalla myös."),
        // full names become one placeholder
        arguments("Jarmo Mäkinen hoiti asian loistavasti.", "[nimi] hoiti asian loistavasti."),
        arguments("Kiitos Sanna Virtaselle ja Jorma Kääriäiselle!", "Kiitos [nimi] ja [nimi]!"),
        arguments("Virtanen Pekka vastasi puhelimeen.", "[nimi] vastasi puhelimeen."),
        arguments("Kiitos Pirjetta Virtaselle!", "Kiitos [nimi]!"),
        arguments(
            "Pekka Juhani Korhonen allekirjoitti sopimuksen.", "[nimi] allekirjoitti sopimuksen."),
        // hyphenated first names and initials
        arguments("Anna-Liisalle ja Juha-Pekalle kiitokset.", "[nimi] ja [nimi] kiitokset."),
        arguments("Marja-Leena otti meidät vastaan.", "[nimi] otti meidät vastaan."),
        arguments("Kiitos Pekka V. hyvästä palvelusta.", "Kiitos [nimi]. hyvästä palvelusta."),
        arguments("P. Virtanen vastasi nopeasti.", "[nimi] vastasi nopeasti."),
        arguments("Pekka-setä tuli mukaan.", "[nimi]-setä tuli mukaan."),
        // typed without ä/ö
        arguments(
            "Jarmo Makinen hoiti asian, Hameenlinnan toimipiste on hyva.",
            "[nimi] hoiti asian, Hameenlinnan toimipiste on hyva."),
        arguments(
            "Paivi ja Vaino olivat tosi ystavallisia.",
            "[nimi] ja [nimi] olivat tosi ystavallisia."),
        arguments("Kiitos Jarviselle avusta!", "Kiitos [nimi] avusta!"),
        // all caps
        arguments("PEKKA OLI TOSI TÖYKEÄ!!", "[nimi] OLI TOSI TÖYKEÄ!!"),
        // at the start of a line or after an emoji
        arguments("Hieno paikka 😊 Riikka oli huippu!", "Hieno paikka 😊 [nimi] oli huippu!"),
        arguments("Hyvä ruoka.\nSanna palveli hienosti.", "Hyvä ruoka.\n[nimi] palveli hienosti."));
  }

  @ParameterizedTest
  @MethodSource
  void names(String input, String expected) {
    assertMasked(input, expected);
  }

  static Stream<Arguments> namesAfterTitles() {
    return Stream.of(
        arguments(
            "asentaja Kalevi Vääräniemi oli ajoissa paikalla.",
            "asentaja [nimi] oli ajoissa paikalla."),
        arguments(
            "Asentaja Vääräniemi oli ajoissa paikalla.", "Asentaja [nimi] oli ajoissa paikalla."),
        arguments(
            "Hammaslääkäri Pirjetta Kukkonen oli taitava ja lempeä.",
            "Hammaslääkäri [nimi] oli taitava ja lempeä."),
        arguments(
            "Lääkäri Virtaselta sain hyvän hoidon, hammaslääkäri Mäkiselle kiitos.",
            "Lääkäri [nimi] sain hyvän hoidon, hammaslääkäri [nimi] kiitos."),
        arguments(
            "Tohtori Hakulisen vastaanotto oli perusteellinen.",
            "Tohtori [nimi] vastaanotto oli perusteellinen."),
        arguments(
            "Kampaaja Sanna on ihana! Suosittelen Sannaa kaikille.",
            "Kampaaja [nimi] on ihana! Suosittelen [nimi] kaikille."),
        arguments(
            "Myyjä Jorma osasi asiansa ja omistaja Raninen antoi alennusta.",
            "Myyjä [nimi] osasi asiansa ja omistaja [nimi] antoi alennusta."),
        arguments(
            "Rouva Koivumäki ja herra Lindholm palvelivat meitä.",
            "Rouva [nimi] ja herra [nimi] palvelivat meitä."),
        arguments(
            "Sairaanhoitajalle Mervelle kiitos ja lääkäri Ahmed Hassan oli mahtava.",
            "Sairaanhoitajalle [nimi] kiitos ja lääkäri [nimi] oli mahtava."),
        arguments(
            "Tilasin vaimoni Liisan kanssa, myyjä nimeltä Oskari oli mukava.",
            "Tilasin vaimoni [nimi] kanssa, myyjä nimeltä [nimi] oli mukava."),
        arguments(
            "Myyjä pekka oli ystävällinen ja pekka virtanen myös.",
            "Myyjä [nimi] oli ystävällinen ja [nimi] myös."),
        arguments(
            "Tarjoilija Aino ja myyjä Elisa olivat tosi mukavia.",
            "Tarjoilija [nimi] ja myyjä [nimi] olivat tosi mukavia."),
        arguments("Lääkäri Lahti oli asiantunteva.", "Lääkäri [nimi] oli asiantunteva."));
  }

  @ParameterizedTest
  @MethodSource
  void namesAfterTitles(String input, String expected) {
    assertMasked(input, expected);
  }

  /** Names that are also ordinary words, places or brands: masked only where context says so. */
  static Stream<Arguments> ambiguousNames() {
    return Stream.of(
        arguments(
            "Onni oli matkassa, saimme pöydän heti.", "Onni oli matkassa, saimme pöydän heti."),
        arguments(
            "Meillä kävi Onni asentamassa ilmalämpöpumpun.",
            "Meillä kävi [nimi] asentamassa ilmalämpöpumpun."),
        arguments(
            "Toivottavasti ensi kerralla onnistuu. Toivo on vielä olemassa.",
            "Toivottavasti ensi kerralla onnistuu. Toivo on vielä olemassa."),
        arguments("Kiitos Onnille ja Toivolle!", "Kiitos [nimi] ja [nimi]!"),
        arguments("Usko Virtanen tuli paikalle.", "[nimi] tuli paikalle."),
        arguments("Toivo Kuusinen hoiti homman.", "[nimi] hoiti homman."),
        arguments(
            "Rauha ja hiljaisuus, lahja itselle. Ainoa miinus oli jono.",
            "Rauha ja hiljaisuus, lahja itselle. Ainoa miinus oli jono."),
        arguments("Onneksi Usko auttoi meitä.", "Onneksi [nimi] auttoi meitä."),
        arguments(
            "Niemen ja Mäen perheet olivat tyytyväisiä.",
            "Niemen ja [nimi] perheet olivat tyytyväisiä."),
        arguments(
            "Ravintola Aino oli hyvä ja Kahvila Onni myös.",
            "Ravintola Aino oli hyvä ja Kahvila Onni myös."),
        arguments("Olen käynyt Helmessä kolme vuotta.", "Olen käynyt Helmessä kolme vuotta."),
        arguments("Opiskelen Aalto-yliopistossa.", "Opiskelen Aalto-yliopistossa."),
        arguments("Otto-automaatti ei toiminut.", "Otto-automaatti ei toiminut."),
        arguments(
            "Elisan asiakaspalvelu oli surkea, soitin Elisalle kolme kertaa.",
            "Elisan asiakaspalvelu oli surkea, soitin Elisalle kolme kertaa."),
        arguments(
            "Elisa Viihde ei toiminut, Sampo Pankki hoiti asian.",
            "Elisa Viihde ei toiminut, Sampo Pankki hoiti asian."),
        arguments(
            "Lahdessa on hyvä kahvila, Salossa myös. Kävin Kalliossa.",
            "Lahdessa on hyvä kahvila, Salossa myös. Kävin Kalliossa."),
        arguments("Pekka Lahti oli mukava.", "[nimi] oli mukava."),
        arguments(
            "Ostin Kärkkäiseltä sohvan ja Halosen alesta takin.",
            "Ostin Kärkkäiseltä sohvan ja Halosen alesta takin."),
        arguments("Myyjä Halonen oli avulias.", "Myyjä [nimi] oli avulias."),
        arguments("Kai se ihan ok oli.", "Kai se ihan ok oli."),
        arguments("Kai Virtanen soitti takaisin.", "[nimi] soitti takaisin."),
        arguments("Annan viisi tähteä!", "Annan viisi tähteä!"),
        arguments("Pian saimme ruoan.", "Pian saimme ruoan."),
        arguments("Ennen tämä oli loistava paja.", "Ennen tämä oli loistava paja."),
        arguments("Mika oli vikana? Ei mitaan", "Mika oli vikana? Ei mitaan"),
        arguments("Mika oli tosi hyvä myyjä.", "[nimi] oli tosi hyvä myyjä."),
        arguments("Hiljaa oli ja siistiä.", "Hiljaa oli ja siistiä."),
        arguments("Pitkästä aikaa hyvä kokemus.", "Pitkästä aikaa hyvä kokemus."),
        arguments("Millaista palvelua tämä on?", "Millaista palvelua tämä on?"),
        arguments(
            "Aimo annos ruokaa. Akseli oli rikki, mutta Akseli korjasi sen.",
            "Aimo annos ruokaa. Akseli oli rikki, mutta [nimi] korjasi sen."));
  }

  @ParameterizedTest
  @MethodSource
  void ambiguousNames(String input, String expected) {
    assertMasked(input, expected);
  }

  /** Places, brands, businesses and ordinary capitalised words are not names. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Helsinki on kaunis kaupunki ja Tampereella oli myös hyvä.",
        "Kävin Helsingissä ja Turussa, Prismassa oli jonoa.",
        "Myyjä Prismassa oli töykeä.",
        "Myyjä Gigantista soitti myöhemmin.",
        "Kela, Posti ja Alepa toimivat hyvin.",
        "Soitin Kelaan ja Postiin, molemmissa jonotin.",
        "Hyvä palvelu. Kiitos!",
        "Kiitos kaikille, tosi kiva paikka.",
        "Suosittelen lämpimästi. Ruoka oli hyvää ja Hinta kohdallaan.",
        "Espoon ja Vantaan toimipisteet ovat parempia kuin Oulun.",
        "Hameenlinnan myymala oli siisti.",
        "Tilasin Wolt-kuljetuksen ja Hesburgerista tuli ruoka.",
        "Nokia ja Salo ovat kaupunkeja.",
        "Terveystalossa ja Mehiläisessä on parempi palvelu.",
        "Autokorjaamo Virtanen on luotettava.",
        "Asentaja Elisalta tuli ajallaan.",
        "Matkustimme Tanskasta Ruotsiin.",
        "Toinen kerta oli parempi. Ollenkaan en tykännyt."
      })
  void notNames(String text) {
    assertMasked(text, text);
  }

  // ---------------------------------------------------------------------------------------------
  // Phone numbers

  static Stream<Arguments> phones() {
    return Stream.of(
        arguments(
            "Soitin numeroon 040 123 4567 mutta kukaan ei vastannut.",
            "Soitin numeroon [puhelin] mutta kukaan ei vastannut."),
        arguments("Numeroni on 0401234567.", "Numeroni on [puhelin]."),
        arguments("Soittakaa 040-1234567, kiitos.", "Soittakaa [puhelin], kiitos."),
        arguments("Puh. +358 40 123 4567", "Puh. [puhelin]"),
        arguments("Puh +358401234567 tai 00358 40 1234567", "Puh [puhelin] tai [puhelin]"),
        arguments("Vaihde 09 123 4567 ja (09) 1234 567.", "Vaihde [puhelin] ja [puhelin]."),
        arguments(
            "Asiakaspalvelu 020 123 456 aukeaa kahdeksalta.",
            "Asiakaspalvelu [puhelin] aukeaa kahdeksalta."),
        arguments("Soita 050 123 45 67 tai p. 044-1234567.", "Soita [puhelin] tai p. [puhelin]."),
        arguments("puh:0400123456", "puh:[puhelin]"),
        arguments("Numero +358 (0)40 123 4567 toimii.", "Numero [puhelin] toimii."),
        arguments(
            "Päivystys 0800 123 456 ja vaihde 010 123 4567.",
            "Päivystys [puhelin] ja vaihde [puhelin]."),
        arguments("Puhelin 09-8765 432.", "Puhelin [puhelin]."),
        arguments("Soitin 040 123 4567 2020 syksyllä.", "Soitin [puhelin] 2020 syksyllä."),
        arguments(
            "Numerot 040 123 4567 050 765 4321 eivät vastanneet.",
            "Numerot [puhelin] [puhelin] eivät vastanneet."));
  }

  @ParameterizedTest
  @MethodSource
  void phones(String input, String expected) {
    assertMasked(input, expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hinta oli 1 250 € ja toimitus 4,90€.",
        "Aukioloajat klo 9-17, la 10-14, ma-pe 8.00-16.00.",
        "Auki klo 0900-1700 joka päivä.",
        "Postinumero 00100 Helsinki, osoite Mannerheimintie 12 B 34.",
        "Kävin siellä vuonna 2023 ja uudestaan 2024.",
        "Arvosana 5/5, kävin 3 kertaa ja odotin 45 minuuttia.",
        "Tilausnumero 12345678, tilaus AB0401234567, kuitti 0123.",
        "Päiväys 01.02.2023 ja 01 02 2023, eräpäivä 2023-02-15.",
        "Hinta 0,95 € / kpl ja 1 500 000 € liikevaihto.",
        "Asiakasnumero 0501234567 oli laskussa.",
        "Lasku 0401234567A oli väärin.",
        "Ostin 2 kpl hintaan 12-15 € ja alennus oli 30 %."
      })
  void notPhones(String text) {
    assertMasked(text, text);
  }

  // ---------------------------------------------------------------------------------------------
  // E-mail, plates, identity codes, IBANs

  static Stream<Arguments> emails() {
    return Stream.of(
        arguments(
            "Lähetin viestin osoitteeseen pekka.virtanen@firma.fi eikä vastausta tullut.",
            "Lähetin viestin osoitteeseen [sähköposti] eikä vastausta tullut."),
        arguments("Laita viestiä info@kahvila-aino.fi.", "Laita viestiä [sähköposti]."),
        arguments("Yhteys: matti_k+arviot@example.com", "Yhteys: [sähköposti]"),
        arguments("Kirjoita pekka(at)firma.fi", "Kirjoita [sähköposti]"),
        arguments("Sähköposti: Liisa.Mäkelä@yritys.fi", "Sähköposti: [sähköposti]"));
  }

  @ParameterizedTest
  @MethodSource
  void emails(String input, String expected) {
    assertMasked(input, expected);
  }

  static Stream<Arguments> plates() {
    return Stream.of(
        arguments(
            "Auto ABC-123 oli valmis ajallaan.", "Auto [rekisterinumero] oli valmis ajallaan."),
        arguments("Kirjoitin lappuun abc-123.", "Kirjoitin lappuun [rekisterinumero]."),
        arguments(
            "Mopo AB-1 ja peräkärry XY-12 jäivät pihalle, ABC-12 myös.",
            "Mopo [rekisterinumero] ja peräkärry [rekisterinumero] jäivät pihalle,"
                + " [rekisterinumero] myös."),
        arguments(
            "Rekkari ABC123 kirjattiin väärin.", "Rekkari [rekisterinumero] kirjattiin väärin."),
        arguments("Rekkari: abc123.", "Rekkari: [rekisterinumero]."),
        arguments(
            "Auton rekisterinumero on XYZ-789 ja auto ABC 123 parkissa.",
            "Auton rekisterinumero on [rekisterinumero] ja auto [rekisterinumero] parkissa."),
        arguments(
            "Huoltoon vietiin ABC-123:n jarrut.", "Huoltoon vietiin [rekisterinumero]:n jarrut."));
  }

  @ParameterizedTest
  @MethodSource
  void plates(String input, String expected) {
    assertMasked(input, expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HSL-kortti ei toiminut ja LVI-asennus myöhästyi.",
        "Hintaan sisältyy ALV-24 ja COVID-19 rajoitukset loppuivat.",
        "Sain A-oikeudet ja katsoin TV-2:ta.",
        "MTV-3 näytti mainoksen, YLE-1 ei.",
        "Ostin USB-3 kaapelin ja MP-3 soittimen.",
        "Auto BMW 320 oli hieno.",
        "Asunto B-12 ja A-1 luokka, ALE-50 % kaikesta.",
        "Tilasin ABC123 tuotteen verkosta.",
        "Aukiolo ma-pe ja vko-12 kiinni.",
        "Auto oli jo 2 viikkoa korjaamolla ja auto yli 10 vuotta vanha.",
        "Auto on ok 5/5."
      })
  void notPlates(String text) {
    assertMasked(text, text);
  }

  @Test
  void identityCodesAndIbans() {
    assertMasked("Henkilötunnukseni 131052-308T kysyttiin.", "Henkilötunnukseni [hetu] kysyttiin.");
    assertMasked("Hetu 010101A123N on lomakkeessa.", "Hetu [hetu] on lomakkeessa.");
    assertMasked("Tilini FI21 1234 5600 0007 85 ja", "Tilini [tilinumero] ja");
    assertMasked("Palautus tilille FI2112345600000785.", "Palautus tilille [tilinumero].");
    assertMasked("German IBAN DE89 3704 0044 0532 0130 00 here", "German IBAN [tilinumero] here");
    // not identity codes: impossible date, no check character
    assertMasked(
        "Koodi 999999-123A ja 131052-308 eivät ole.", "Koodi 999999-123A ja 131052-308 eivät ole.");
    // not an IBAN: wrong checksum for a non-Finnish IBAN
    assertMasked("Koodi DE00 3704 0044 0532 0130 00", "Koodi DE00 3704 0044 0532 0130 00");
  }

  // ---------------------------------------------------------------------------------------------
  // Several kinds together, counts, edge cases

  @Test
  void severalKindsInOneText() {
    assertMasked(
        "Myyjä Pekka Virtanen lupasi soittaa numerosta 040 123 4567 tai lähettää viestin"
            + " osoitteesta pekka.virtanen@autotalo.fi, kun auto ABC-123 on valmis.",
        "Myyjä [nimi] lupasi soittaa numerosta [puhelin] tai lähettää viestin"
            + " osoitteesta [sähköposti], kun auto [rekisterinumero] on valmis.");
    assertMasked(
        "Kiitos Liisalle! Palautus tilille FI21 1234 5600 0007 85 tuli, ja"
            + " Mäkinen soitti numerosta 09 123 4567.",
        "Kiitos [nimi]! Palautus tilille [tilinumero] tuli, ja"
            + " [nimi] soitti numerosta [puhelin].");
  }

  @Test
  void countsPerKind() {
    PersonalDataMasker.Result r =
        MASKER.maskWithCounts(
            "Asentaja Kalevi Vääräniemi (040 123 4567, kalevi@firma.fi) ja Jari kävivät."
                + " Auto ABC-123, hetu 131052-308T, tili FI21 1234 5600 0007 85. Soita"
                + " 09 123 4567.");
    assertThat(r.text())
        .isEqualTo(
            "Asentaja [nimi] ([puhelin], [sähköposti]) ja [nimi] kävivät."
                + " Auto [rekisterinumero], hetu [hetu], tili [tilinumero]. Soita"
                + " [puhelin].");
    assertThat(r.counts())
        .containsExactly(
            Map.entry("name", 2),
            Map.entry("phone", 2),
            Map.entry("email", 1),
            Map.entry("plate", 1),
            Map.entry("hetu", 1),
            Map.entry("iban", 1));
    assertThat(r.total()).isEqualTo(8);
    assertThat(r.counts().keySet()).containsExactlyElementsOf(PersonalDataMasker.KINDS);
  }

  @Test
  void nothingToMaskGivesZeroCountsAndTheSameString() {
    String text = "Hyvä palvelu ja kohtuulliset hinnat.";
    PersonalDataMasker.Result r = MASKER.maskWithCounts(text);
    assertThat(r.text()).isSameAs(text);
    assertThat(r.total()).isZero();
    assertThat(r.counts()).containsOnlyKeys(PersonalDataMasker.KINDS).doesNotContainValue(1);
  }

  @Test
  void nullAndEmpty() {
    assertThat(MASKER.mask(null)).isNull();
    assertThat(MASKER.maskWithCounts(null)).isNull();
    assertThat(MASKER.mask("")).isEmpty();
    assertThat(MASKER.maskWithCounts("").text()).isEmpty();
    assertThat(MASKER.maskWithCounts("").total()).isZero();
    assertThat(MASKER.mask("   ")).isEqualTo("   ");
    assertThat(MASKER.mask("😊👍")).isEqualTo("😊👍");
  }

  @Test
  void ordinaryReviewTextComesBackUnchanged() {
    String paragraph =
        "Kävimme perjantaina syömässä koko perheen voimin. Pöytä oli varattu kello"
            + " kuudeksi, ja pääsimme istumaan heti. Ruoka oli maukasta ja annokset reiluja,"
            + " mutta jälkiruokaa jouduimme odottamaan lähes puoli tuntia. Hinta-laatusuhde"
            + " on kohdallaan: kolmen ruokalajin menu maksoi 45 € hengeltä. Henkilökunta oli"
            + " ystävällistä, vaikka kiirettä selvästi piti. Onneksi lapsille oli oma"
            + " ruokalista ja värityskuvia. Toivottavasti ensi kerralla jälkiruoka tulee"
            + " nopeammin. Annan neljä tähteä viidestä! Suosittelen Tampereella käyville,"
            + " parkkipaikka löytyy Prisman vierestä ja bussi 3 pysähtyy oven edessä.";
    assertMasked(paragraph, paragraph);
  }

  @Test
  void ordinaryTextWithoutUmlautsComesBackUnchanged() {
    String paragraph =
        "Tosi hyva palvelu ja nopea toimitus. Mika parasta, hinta oli halvempi kuin"
            + " muualla. Paivan paatteeksi kaikki oli kunnossa, riittaa kun soittaa"
            + " aamulla. Ensi kerralla tilaan taas, 5/5.";
    assertMasked(paragraph, paragraph);
  }

  @Test
  void shippedIsLoadedOnceAndSafeToShareBetweenThreads() {
    assertThat(PersonalDataMasker.shipped()).isSameAs(MASKER);
    String input = "Kiitos Pekalle, soita 040 123 4567 tai pekka@firma.fi, auto ABC-123.";
    String expected = "Kiitos [nimi], soita [puhelin] tai [sähköposti], auto [rekisterinumero].";
    List<String> results =
        IntStream.range(0, 2_000).parallel().mapToObj(i -> MASKER.mask(input)).toList();
    assertThat(results).containsOnly(expected);
  }

  @Test
  void customListsCanBeGiven() {
    PersonalDataMasker m =
        PersonalDataMasker.fromLines(
            List.of(
                "# tiny list",
                "[first]",
                "Ukri",
                "Lumi ~",
                "[surname]",
                "Sorsa",
                "[title]",
                "kokki"));
    assertThat(m.mask("Ukrille ja Sorsalle kiitos.")).isEqualTo("[nimi] ja [nimi] kiitos.");
    assertThat(m.mask("Lumi satoi. Sitten tuli Lumi."))
        .isEqualTo("Lumi satoi. Sitten tuli [nimi].");
    assertThat(m.mask("Pääkokki Vääräniemi kokkasi.")).isEqualTo("Pääkokki [nimi] kokkasi.");
    assertThat(m.mask("Pekka oli paikalla.")).isEqualTo("Pekka oli paikalla.");
  }
}
