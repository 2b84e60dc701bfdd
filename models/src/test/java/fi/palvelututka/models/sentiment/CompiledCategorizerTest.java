package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

/** The compiled categorizer gives OpenNLP's probabilities to the last bit, or declines. */
class CompiledCategorizerTest {

  @Test
  void theShippedModelsGiveOpenNlpsProbabilities() {
    SentimentModel shipped = SentimentModel.shipped();
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    // sentences written for this test: praise, complaints, negation, emoji, no lexicon word
    String[] texts = {
      "Ruoka oli todella hyvää ja palvelu ystävällistä!",
      "Ei ollut hyvä kokemus, tarjoilija oli tyly ja jouduimme odottamaan tunnin.",
      "Ihan ok paikka :) mutta vähän kallis.",
      "En voi kuin suositella 👍👍",
      "Kävin tiistaina kaupassa ja ostin maitoa.",
      "Tosi huono asiakaspalvelu, puhelimeen ei vastattu ollenkaan???"
    };
    int compared = 0;
    for (var pair :
        List.of(
            new Object[] {shipped.doccat(), shipped.features()},
            new Object[] {shipped.companionDoccat(), SentimentModel.COMPANION_FEATURES})) {
      DoccatModel model = (DoccatModel) pair[0];
      @SuppressWarnings("unchecked")
      var features = (java.util.Set<SentimentFeatures.Feature>) pair[1];
      CompiledCategorizer compiled = CompiledCategorizer.of(model);
      assertThat(compiled)
          .as("shipped models are maxent with bag of words and bigrams")
          .isNotNull();
      DocumentCategorizerME opennlp = new DocumentCategorizerME(model);
      for (String text : texts) {
        String[] tokens =
            SentimentFeatures.tokens(analyzer.analyze(text), features, shipped.lexicon());
        assertThat(compiled.categorize(tokens)).as(text).isEqualTo(opennlp.categorize(tokens));
        compared++;
      }
      // tokens the model never saw, and none at all
      String[] unseen = {"qqq", "zzz", "!"};
      assertThat(compiled.categorize(unseen)).isEqualTo(opennlp.categorize(unseen));
      assertThat(compiled.categorize(new String[0])).isEqualTo(opennlp.categorize(new String[0]));
    }
    assertThat(compared).isEqualTo(2 * texts.length);
  }

  /**
   * Word tokens take the trie's own string objects (so its lookups compare no characters), and the
   * probabilities stay OpenNLP's; a token the model lacks is kept as it is, not interned.
   */
  @Test
  void canonicalTokensAreTheTriesOwnObjectsAndChangeNoProbability() {
    SentimentModel shipped = SentimentModel.shipped();
    CompiledCategorizer compiled = CompiledCategorizer.of(shipped.doccat());
    String hyva = compiled.canonical(new String("hyvä"));
    assertThat(hyva).isEqualTo("hyvä");
    assertThat(compiled.canonical(new String("hyvä"))).isSameAs(hyva);
    assertThat(compiled.canonical("LEX_POS")).isSameAs("LEX_POS"); // the constant itself
    String unknown = new String("qqqzzyx");
    assertThat(compiled.canonical(unknown)).isSameAs(unknown);

    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    var a = analyzer.analyze("Ruoka oli todella hyvää, mutta palvelu ei ollut ystävällistä.");
    String[] plain = SentimentFeatures.tokens(a, shipped.features(), shipped.lexicon());
    String[] canon =
        SentimentFeatures.tokens(
            a, shipped.features(), shipped.lexicon(), compiled, compiled::canonical);
    assertThat(canon).containsExactly(plain);
    assertThat(Arrays.stream(canon).filter(t -> t == compiled.canonical(t)).count())
        .isEqualTo(canon.length);
    assertThat(compiled.categorize(canon)).isEqualTo(compiled.categorize(plain));
  }

  /**
   * A small model with tokens that contain ':' (OpenNLP joins n-grams with ':', so "a:b" + "c" and
   * "a" + "b:c" are one predicate) and 1- to 3-grams: every token sequence of up to four tokens
   * over its alphabet gets OpenNLP's probabilities exactly.
   */
  @Test
  void tokensWithColonsAndLongerNgramsAreLookedUpAsOpenNlpJoinsThem() throws Exception {
    String[] alphabet = {"a", "b", "c", "a:b", "b:c", ":", "a:b:c"};
    List<DocumentSample> samples = new ArrayList<>();
    String[][] docs = {
      {"a", "b:c", "c"},
      {"a:b", "c"},
      {"a", "b", "c"},
      {":", "a"},
      {"a:b:c", "b"},
      {"c", "c", "a:b"},
      {"b", ":", "b:c"},
      {"a", "a:b", "b"},
      {"c", "a", "b", "c"}
    };
    for (int i = 0; i < docs.length; i++) {
      samples.add(new DocumentSample(i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : "z", docs[i]));
    }
    List<String[]> sequences = new ArrayList<>();
    sequences(alphabet, 4, new ArrayList<>(), sequences);
    assertThat(sequences).hasSize(7 + 49 + 343 + 2401);
    // A model's own factory makes its n-gram generator anew, with the default range (bigrams),
    // so DocumentCategorizerME only ever uses bigrams: that case through the model...
    DoccatModel model =
        train(samples, new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2));
    CompiledCategorizer compiled = CompiledCategorizer.of(model);
    assertThat(compiled).isNotNull();
    DocumentCategorizerME opennlp = new DocumentCategorizerME(model);
    int differing = 0;
    for (String[] s : sequences) {
      if (!Arrays.equals(compiled.categorize(s), opennlp.categorize(s))) {
        differing++;
      }
    }
    assertThat(differing).isZero();
    // ...and 1- to 3-grams against the maxent model evaluated on the generators' own strings
    FeatureGenerator[] gens = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(1, 3)};
    MaxentModel maxent = train(samples, gens).getMaxentModel();
    CompiledCategorizer ranged = CompiledCategorizer.of(maxent, gens);
    assertThat(ranged).isNotNull();
    for (String[] s : sequences) {
      List<String> context = new ArrayList<>();
      for (FeatureGenerator g : gens) {
        context.addAll(g.extractFeatures(s, Map.of()));
      }
      if (!Arrays.equals(ranged.categorize(s), maxent.eval(context.toArray(new String[0])))) {
        differing++;
      }
    }
    assertThat(differing).isZero();
  }

  @Test
  void declinesWhatItCannotReproduce() throws Exception {
    List<DocumentSample> samples =
        List.of(
            new DocumentSample("x", new String[] {"hyvä", "ruoka"}),
            new DocumentSample("y", new String[] {"huono", "ruoka"}));
    // not maxent (naive Bayes)
    TrainingParameters nb = params("NAIVEBAYES");
    assertThat(CompiledCategorizer.of(train(samples, nb, new BagOfWordsFeatureGenerator())))
        .isNull();
    // a range too long to tell from a longer one
    FeatureGenerator[] long8 = {new NGramFeatureGenerator(2, 8)};
    assertThat(CompiledCategorizer.of(train(samples, long8).getMaxentModel(), long8)).isNull();
  }

  private static void sequences(
      String[] alphabet, int maxLength, List<String> prefix, List<String[]> out) {
    if (!prefix.isEmpty()) {
      out.add(prefix.toArray(new String[0]));
    }
    if (prefix.size() == maxLength) {
      return;
    }
    for (String t : alphabet) {
      prefix.add(t);
      sequences(alphabet, maxLength, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static TrainingParameters params(String algorithm) {
    TrainingParameters p = TrainingParameters.defaultParams();
    p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    p.put(TrainingParameters.ITERATIONS_PARAM, 30);
    p.put(TrainingParameters.CUTOFF_PARAM, 0);
    p.put(TrainingParameters.THREADS_PARAM, 1);
    if (algorithm.equals("MAXENT_QN")) {
      // as the trainer does; without a penalty the line search can run forever on tiny data
      p.put(QNTrainer.L2COST_PARAM, 1.0);
    }
    return p;
  }

  private static DoccatModel train(List<DocumentSample> samples, FeatureGenerator... gens)
      throws Exception {
    return train(samples, params("MAXENT_QN"), gens);
  }

  private static DoccatModel train(
      List<DocumentSample> samples, TrainingParameters params, FeatureGenerator... gens)
      throws Exception {
    try (ObjectStream<DocumentSample> stream = new CollectionObjectStream<>(samples)) {
      return DocumentCategorizerME.train("fi", stream, params, new DoccatFactory(gens));
    }
  }
}
