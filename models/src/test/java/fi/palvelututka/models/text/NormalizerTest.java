package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.text.train.AnalyzerTraining;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void restorationNeedsClearEvidence() {
    Map<String, Long> counts = new java.util.HashMap<>();
    counts.put("hyvä", 50L);
    counts.put("hyva", 1L); // plain spelling rare: restore
    counts.put("saa", 40L);
    counts.put("sää", 10L); // plain spelling common: keep
    counts.put("ala", 12L);
    counts.put("älä", 20L); // both common: keep
    counts.put("myöhässä", 3L); // plain never seen: restore
    counts.put("töykeä", 1L); // seen once, plain never: restore
    counts.put("tama", 3L);
    counts.put("tämä", 9L); // plain not rare enough relative to the ä form: keep
    Map<String, String> table = AnalyzerTraining.restoreTable(counts);
    assertThat(table)
        .containsEntry("hyva", "hyvä")
        .containsEntry("myohassa", "myöhässä")
        .containsEntry("toykea", "töykeä");
    assertThat(table).doesNotContainKeys("saa", "ala", "tama");
  }

  @Test
  void normalizeLowerCasesSqueezesAndRestoresOnlyWhenAsked() {
    Normalizer n = new Normalizer(Set.of("ihana", "kiitos", "hyvä"), Map.of("hyva", "hyvä"));
    assertThat(n.normalize("IHANAAAA", false)).isEqualTo("ihana");
    assertThat(n.normalize("Kiiiitos", false)).isEqualTo("kiitos");
    assertThat(n.normalize("hyva", false)).isEqualTo("hyva");
    assertThat(n.normalize("hyva", true)).isEqualTo("hyvä");
    assertThat(n.normalize("Hyvaaaa", true)).isEqualTo("hyvä");
    assertThat(n.normalize("zzzzz", false)).isEqualTo("zz");
  }

  @Test
  void lacksUmlautsLooksAtTheWholeText() {
    assertThat(Normalizer.lacksUmlauts("hyva palvelu")).isTrue();
    assertThat(Normalizer.lacksUmlauts("hyva palvelu, kiitos Äidille")).isFalse();
    assertThat(Normalizer.plain("myöhässä")).isEqualTo("myohassa");
  }
}
