package fi.palvelututka.models.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Sentence;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weak supervision on a small pool written for this test, and the bundle round trip. */
class LearnedThemesTest {

  private static final String TAXONOMY =
      """
      {"version": "test", "categories": [
        {"id": "waiting", "label_fi": "Odotus", "label_en": "Waiting", "servqual": "r",
         "description": "d", "complaint": ["jonottaa"]},
        {"id": "price", "label_fi": "Hinta", "label_en": "Price", "servqual": "v",
         "description": "d", "complaint": ["kallis"]}
      ]}
      """;

  private final FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();

  private List<Sentence> pool() {
    List<Sentence> out = new ArrayList<>();
    String[] waiting = {
      "Jouduimme jonottamaan kassalle pitkään.",
      "Taas sai jonottaa ovella puoli tuntia.",
      "Jonotimme kassalle ikuisuuden.",
      "Kassalle piti jonottaa tosi kauan.",
      "Jonotin kassalle yli vartin.",
      "Jonottaa sai kassalle aina.",
    };
    String[] other = {
      "Ruoka oli hyvää.",
      "Kampaaja leikkasi hiukset.",
      "Kävimme lauantaina.",
      "Sää oli kaunis.",
      "Auto huollettiin.",
      "Ostin kengät.",
      "Tilasin pizzan.",
      "Hotelli oli keskustassa.",
      "Lääkäri tutki polven.",
      "Kiitos!",
    };
    for (String t : waiting) {
      out.addAll(analyzer.analyze(t).sentences());
    }
    for (int i = 0; i < 5; i++) {
      for (String t : other) {
        out.addAll(analyzer.analyze(t).sentences());
      }
    }
    return out;
  }

  @Test
  void learnsTheContextOfWeaklyLabelledSentencesAndRoundTrips() throws Exception {
    Taxonomy t = Taxonomy.parse(TAXONOMY.getBytes(StandardCharsets.UTF_8));
    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
    LearnedThemes masked = ThemeLearning.train(t, pool(), true, quiet);
    // "kassa" co-occurs with the masked cue, so a sentence with it alone scores higher
    Sentence withContext = analyzer.analyze("Kassalla meni tänään kauan.").sentences().get(0);
    Sentence unrelated = analyzer.analyze("Ostin kengät.").sentences().get(0);
    double[] pc = masked.probabilities(withContext);
    double[] pu = masked.probabilities(unrelated);
    assertThat(pc[0]).isGreaterThan(pu[0]);
    assertThat(Double.isNaN(pc[1])).as("price had no weak positives: no model").isTrue();

    LearnedThemes back = LearnedThemes.fromBytes(masked.withThreshold(0.7).toBytes());
    assertThat(back.masked()).isTrue();
    assertThat(back.threshold(0)).isEqualTo(0.7);
    assertThat(back.probabilities(withContext)[0]).isCloseTo(pc[0], within(1e-9));

    // the tagger adds a learned mention only in a non-neutral sentence the patterns missed
    ThemeTagger tagger = new ThemeTagger(t, back);
    assertThat(tagger.patterns().patterns()).hasSize(2);
  }
}
