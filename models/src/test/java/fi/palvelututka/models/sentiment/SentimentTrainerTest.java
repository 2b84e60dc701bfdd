package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import fi.palvelututka.models.sentiment.SentimentTrainer.Settings;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DocumentSample;
import org.junit.jupiter.api.Test;

/** Trains tiny models inline: the trainer's behaviour without any corpus. */
class SentimentTrainerTest {

  private static List<LabeledText> tinyData() {
    List<LabeledText> d = new ArrayList<>();
    String[] pos = {"hyvä", "loistava", "ihana", "mahtava", "erinomainen"};
    String[] neg = {"huono", "surkea", "kamala", "kurja", "tyly"};
    String[] things = {"palvelu", "ruoka", "kampaaja", "korjaamo", "hotelli", "myyjä"};
    for (String t : things) {
      for (String p : pos) {
        d.add(new LabeledText(p + " " + t, Sentiment.POSITIVE));
      }
      for (String n : neg) {
        d.add(new LabeledText(n + " " + t, Sentiment.NEGATIVE));
      }
      d.add(new LabeledText(t + " aukeaa yhdeksältä", Sentiment.NEUTRAL));
      d.add(new LabeledText(t + " sijaitsee keskustassa", Sentiment.NEUTRAL));
    }
    return d;
  }

  @Test
  void learnsTheTinyLexicon() throws Exception {
    SentimentModel m =
        SentimentTrainer.train(
            tinyData(),
            tinyData(),
            new Settings(
                "MAXENT",
                100,
                0,
                1,
                true,
                java.util.EnumSet.of(SentimentFeatures.Feature.LEMMAS),
                0.0),
            SentimentLexicon.empty(),
            java.util.Map.of("corpus", "tiny"));
    SentimentClassifier c = m.newClassifier();
    assertThat(c.classify("mahtava ravintola").label()).isEqualTo(Sentiment.POSITIVE);
    assertThat(c.classify("tyly ravintola").label()).isEqualTo(Sentiment.NEGATIVE);
    ClassificationReport r = SentimentTrainer.evaluate(m, tinyData());
    assertThat(r.accuracy()).isGreaterThan(0.9);
    // the serialized bytes reload to a model with the same version and calibration
    SentimentModel again = SentimentModel.fromBytes(m.toBytes());
    assertThat(again.version()).isEqualTo(m.version());
    assertThat(again.calibration().toString()).isEqualTo(m.calibration().toString());
    assertThat(again.features()).containsExactly(SentimentFeatures.Feature.LEMMAS);
  }

  @Test
  void quasiNewtonMaxentWithStemsLearnsTheTinyLexiconAndCrossValidates() throws Exception {
    Settings qn =
        new Settings(
            "MAXENT_QN",
            100,
            0,
            1,
            true,
            java.util.EnumSet.of(SentimentFeatures.Feature.LEMMAS, SentimentFeatures.Feature.STEMS),
            1.0);
    SentimentModel m =
        SentimentTrainer.train(
            tinyData(), tinyData(), qn, SentimentLexicon.empty(), java.util.Map.of());
    assertThat(m.newClassifier().classify("mahtava ravintola").label())
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(m.features())
        .containsExactlyInAnyOrder(
            SentimentFeatures.Feature.LEMMAS, SentimentFeatures.Feature.STEMS);

    // every row is predicted exactly once, by a model that did not see it (folds by business
    // type: the held-out rows' words are known from the other folds)
    List<LabeledText> rows = tinyData();
    ClassificationReport cv =
        SentimentTrainer.crossValidate(
            rows,
            t -> rows.indexOf(t) / 12 % 3,
            3,
            part -> part,
            t -> t,
            qn,
            SentimentLexicon.empty());
    assertThat(cv.total()).isEqualTo(rows.size());
    assertThat(cv.macroF1()).isGreaterThan(0.8);
    assertThatThrownBy(
            () ->
                SentimentTrainer.crossValidate(
                    rows, t -> 0, 1, p -> p, t -> t, qn, SentimentLexicon.empty()))
        .hasMessageContaining("folds");
  }

  @Test
  void oversamplingBalancesClasses() {
    List<DocumentSample> s = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      s.add(new DocumentSample("neutral", new String[] {"n" + i}));
    }
    s.add(new DocumentSample("positive", new String[] {"p"}));
    s.add(new DocumentSample("negative", new String[] {"a"}));
    s.add(new DocumentSample("negative", new String[] {"b"}));
    List<DocumentSample> out = SentimentTrainer.oversample(s);
    assertThat(out).hasSize(30);
    assertThat(out.stream().filter(x -> x.getCategory().equals("positive"))).hasSize(10);
    assertThat(out.stream().filter(x -> x.getCategory().equals("negative"))).hasSize(10);
  }

  @Test
  void settingsAreValidatedWithTheValue() {
    var f = java.util.EnumSet.of(SentimentFeatures.Feature.LEMMAS);
    assertThatThrownBy(() -> new Settings("SVM", 10, 1, 1, true, f, 0)).hasMessageContaining("SVM");
    assertThatThrownBy(() -> new Settings("MAXENT", 0, 1, 1, true, f, 0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new Settings("MAXENT", 10, 1, 5, true, f, 0))
        .hasMessageContaining("5");
    assertThatThrownBy(() -> new Settings("MAXENT", 10, 1, 1, true, java.util.Set.of(), 0))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new Settings("MAXENT_QN", 10, 1, 1, true, f, -1))
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new Settings("MAXENT_QN", 10, 1, 1, true, f, Double.NaN))
        .hasMessageContaining("NaN");
  }

  @Test
  void settingsListFeaturesInOneOrderSoTheBundleIsReproducible() {
    // the settings text is stored in the bundle; a hash-ordered set made two runs of the same
    // training write different bytes (and model versions)
    Settings a = Settings.defaults().withFeatures(SentimentFeatures.Feature.parse("stems,lemmas"));
    Settings b = Settings.defaults().withFeatures(SentimentFeatures.Feature.parse("lemmas,stems"));
    assertThat(a.toString()).isEqualTo(b.toString()).contains("features=[LEMMAS, STEMS]");
  }
}
