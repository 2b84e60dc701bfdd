package fi.palvelututka.models.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * {@link opennlp.tools.doccat.DocumentCategorizerME#categorize(String[])} for a maxent (L-BFGS,
 * {@link QNModel}) document categorizer with bag-of-words and n-gram features, with the same result
 * to the last bit, without building a feature string per token and n-gram.
 *
 * <p>OpenNLP turns the tokens into strings ("bow=" + token, "ng=:" + tokens joined by ':'), looks
 * each up in the model's predicate map and adds its weights. Here the model's predicates are
 * arranged once as a trie over tokens: one lookup per token finds its bag-of-words weights, and an
 * n-gram follows the trie from its first token. The weights are added in OpenNLP's order (every
 * bag-of-words feature, then the n-grams by start and length) and normalized with OpenNLP's code,
 * so the probabilities are identical. A predicate whose tokens could be cut more than one way (a
 * token with ':' in it) is entered under every cut: the joined string is what OpenNLP looks up, and
 * exactly one cut of it is the tokens at hand.
 *
 * <p>Each token of the trie is one string object, the same in every map it is a key of, and the
 * feature tokens {@link SentimentFeatures} makes from a word take that object ({@link #canonical},
 * once per word form, kept in the word), as do its constant tokens: a lookup that hits then finds
 * the very same string and compares no characters, which was a fifth of sentiment's time. (Not
 * {@code String.intern}: interning every new word of the input grew the JVM's string table without
 * bound and made the tagger slower on forum text.)
 *
 * <p>{@link #of} returns null for any other model or feature set (the caller then uses OpenNLP's
 * categorizer). Immutable and thread-safe once built. Built once per model and JVM ({@link
 * SentimentModel} keeps it); for the shipped model (75,840 first tokens, and the bigrams under
 * them) it takes about 43 MB of heap, next to the 34 MB of the loaded model.
 */
final class CompiledCategorizer {

  private static final String BOW = "bow=";
  private static final String NGRAM = "ng=:";

  /**
   * A token path of the trie: the weights of its bag-of-words feature and of its n-gram, one per
   * outcome (0 where the predicate has none: adding 0 leaves a sum as it was, since the sums start
   * at +0 and never become -0).
   */
  private static final class Node {
    /** The token this node is reached by (the trie's one object for it). */
    final String token;

    double[] bow;
    double[] gram;
    HashMap<String, Node> next;

    Node(String token) {
      this.token = token;
    }

    Node child(String token) {
      if (next == null) {
        next = new HashMap<>(4);
      }
      return next.computeIfAbsent(token, t -> new Node(t));
    }
  }

  /** One feature generator: bag of words (min = 0), or n-grams from min to max tokens. */
  private record Generator(int min, int max) {
    boolean bagOfWords() {
      return min == 0;
    }
  }

  private final Generator[] generators;
  private final HashMap<String, Node> root;
  private final int outcomes;

  private CompiledCategorizer(Generator[] generators, HashMap<String, Node> root, int outcomes) {
    this.generators = generators;
    this.root = root;
    this.outcomes = outcomes;
  }

  /** The compiled form of a model, or null when it is not one this class reproduces exactly. */
  static CompiledCategorizer of(DoccatModel model) {
    // the generators the model's factory gives, as DocumentCategorizerME uses them (a loaded
    // model's factory makes them with their default settings: n-grams are bigrams)
    return of(model.getMaxentModel(), model.getFactory().getFeatureGenerators());
  }

  /** The compiled form of a maxent model over these feature generators, or null. */
  static CompiledCategorizer of(MaxentModel maxent, FeatureGenerator[] gens) {
    if (!(maxent instanceof QNModel qn)) {
      return null;
    }
    Generator[] generators = new Generator[gens.length];
    for (int i = 0; i < gens.length; i++) {
      generators[i] = recognize(gens[i]);
      if (generators[i] == null) {
        return null;
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Context> predicates =
        (Map<String, Context>) ((AbstractModel) qn).getDataStructures()[1];
    int outcomes = qn.getNumOutcomes();
    HashMap<String, Node> root = new HashMap<>();
    // one object per token string; a constant token of SentimentFeatures is its own object
    HashMap<String, String> strings = new HashMap<>();
    for (String constant : SentimentFeatures.constantTokens()) {
      strings.put(constant, constant);
    }
    UnaryOperator<String> canon = t -> strings.computeIfAbsent(t, k -> k);
    for (Map.Entry<String, Context> e : predicates.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(BOW)) {
        root.computeIfAbsent(canon.apply(key.substring(BOW.length())), t -> new Node(t)).bow =
            dense(e.getValue(), outcomes);
      } else if (key.startsWith(NGRAM)) {
        for (Generator g : generators) {
          if (!g.bagOfWords()) {
            for (int n = g.min(); n <= g.max(); n++) {
              enter(root, key.substring(NGRAM.length()), n, dense(e.getValue(), outcomes), canon);
            }
          }
        }
      }
      // no other predicate can come from these generators: it is never looked up
    }
    return new CompiledCategorizer(generators, root, outcomes);
  }

  /** A predicate's weights by outcome index. */
  private static double[] dense(Context c, int outcomes) {
    double[] w = new double[outcomes];
    int[] o = c.getOutcomes();
    double[] p = c.getParameters();
    for (int i = 0; i < o.length; i++) {
      w[o[i]] += p[i];
    }
    return w;
  }

  /** Enters an n-gram predicate under every cut of its text into n tokens at ':'. */
  private static void enter(
      HashMap<String, Node> root,
      String joined,
      int n,
      double[] weights,
      UnaryOperator<String> canon) {
    List<Integer> colons = new ArrayList<>();
    for (int i = joined.indexOf(':'); i >= 0; i = joined.indexOf(':', i + 1)) {
      colons.add(i);
    }
    if (colons.size() < n - 1) {
      return;
    }
    cut(root, joined, colons, 0, -1, n, null, weights, canon);
  }

  private static void cut(
      HashMap<String, Node> root,
      String joined,
      List<Integer> colons,
      int nextColon,
      int from,
      int left,
      Node at,
      double[] weights,
      UnaryOperator<String> canon) {
    if (left == 1) {
      String last = canon.apply(joined.substring(from + 1));
      Node leaf = at == null ? root.computeIfAbsent(last, t -> new Node(t)) : at.child(last);
      leaf.gram = weights;
      return;
    }
    for (int c = nextColon; c <= colons.size() - (left - 1); c++) {
      int colon = colons.get(c);
      String token = canon.apply(joined.substring(from + 1, colon));
      Node node = at == null ? root.computeIfAbsent(token, t -> new Node(t)) : at.child(token);
      cut(root, joined, colons, c + 1, colon, left - 1, node, weights, canon);
    }
  }

  /**
   * The generator's kind, told from what it makes of probe tokens (OpenNLP keeps the n-gram range
   * private); null when it is neither a plain bag of words nor an n-gram generator.
   */
  private static Generator recognize(FeatureGenerator g) {
    String[] probe = {"a", "b1", "c", "d", "e", "f", "g", "h"};
    Collection<String> made = g.extractFeatures(probe, Map.of());
    if (g.getClass() == BagOfWordsFeatureGenerator.class) {
      Generator bow = new Generator(0, 0);
      return made.equals(expected(bow, probe)) ? bow : null;
    }
    if (g.getClass() == NGramFeatureGenerator.class) {
      // a range reaching the probe's length would look the same as a longer one: not taken
      for (int min = 1; min < probe.length; min++) {
        for (int max = min; max < probe.length; max++) {
          Generator ng = new Generator(min, max);
          if (new ArrayList<>(made).equals(expected(ng, probe))) {
            return ng;
          }
        }
      }
    }
    return null;
  }

  /** The feature strings OpenNLP's generator of this kind makes (for {@link #recognize}). */
  private static List<String> expected(Generator g, String[] tokens) {
    List<String> out = new ArrayList<>();
    if (g.bagOfWords()) {
      for (String t : tokens) {
        out.add(BOW + t);
      }
      return out;
    }
    for (int i = 0; i <= tokens.length - g.min(); i++) {
      StringBuilder sb = new StringBuilder("ng=");
      for (int y = 0; y < g.max() && i + y < tokens.length; y++) {
        sb.append(':').append(tokens[i + y]);
        if (y + 1 >= g.min()) {
          out.add(sb.toString());
        }
      }
    }
    return out;
  }

  /**
   * The trie's own object for a token string, or the string itself when no bag-of-words or n-gram
   * feature of the model starts with it: feature tokens that are this object are found without
   * comparing characters.
   */
  String canonical(String token) {
    Node node = root.get(token);
    return node == null ? token : node.token;
  }

  /** Class probabilities in the model's outcome order, as OpenNLP's categorizer gives them. */
  double[] categorize(String[] tokens) {
    double[] probs = new double[outcomes];
    Node[] first = new Node[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      first[i] = root.get(tokens[i]);
    }
    for (Generator g : generators) {
      if (g.bagOfWords()) {
        for (Node node : first) {
          if (node != null) {
            add(node.bow, probs);
          }
        }
        continue;
      }
      for (int i = 0; i <= tokens.length - g.min(); i++) {
        Node node = first[i];
        for (int y = 0; y < g.max() && i + y < tokens.length && node != null; y++) {
          if (y > 0) {
            node = node.next == null ? null : node.next.get(tokens[i + y]);
            if (node == null) {
              break;
            }
          }
          if (y + 1 >= g.min()) {
            add(node.gram, probs);
          }
        }
      }
    }
    // QNModel's normalization, to the bit
    double logSumExp = ArrayMath.logSumOfExps(probs);
    for (int o = 0; o < outcomes; o++) {
      probs[o] = StrictMath.exp(probs[o] - logSumExp);
    }
    return probs;
  }

  /** Adds a predicate's weights as QNModel does (its value is 1: the product is the weight). */
  private static void add(double[] weights, double[] probs) {
    if (weights == null) {
      return;
    }
    for (int o = 0; o < weights.length; o++) {
      probs[o] += weights[o];
    }
  }

  @Override
  public String toString() {
    return "CompiledCategorizer" + Arrays.toString(generators) + ", " + root.size() + " tokens";
  }
}
