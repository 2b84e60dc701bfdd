package fi.palvelututka.models.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision / recall / F1 of a multi-label task, per label and micro / macro averaged. Items are
 * compared as sets: a gold label found is a true positive, a predicted label not in gold a false
 * positive, a gold label not predicted a false negative.
 */
public final class MultiLabelReport {

  private final List<String> labels;
  private final Map<String, long[]> counts = new LinkedHashMap<>(); // label -> tp, fp, fn
  private long items;
  private long emptyGold;
  private long emptyGoldPredictedEmpty;

  public MultiLabelReport(List<String> labels) {
    this.labels = List.copyOf(labels);
    for (String l : labels) {
      counts.put(l, new long[3]);
    }
  }

  /** Adds one item. Labels outside the report's label list fail loudly. */
  public void add(Set<String> gold, Set<String> predicted) {
    items++;
    if (gold.isEmpty()) {
      emptyGold++;
      if (predicted.isEmpty()) {
        emptyGoldPredictedEmpty++;
      }
    }
    for (String g : gold) {
      long[] c = of(g);
      if (predicted.contains(g)) {
        c[0]++;
      } else {
        c[2]++;
      }
    }
    for (String p : predicted) {
      if (!gold.contains(p)) {
        of(p)[1]++;
      }
    }
  }

  private long[] of(String label) {
    long[] c = counts.get(label);
    if (c == null) {
      throw new IllegalArgumentException("Label not in the report: " + label);
    }
    return c;
  }

  public long tp(String label) {
    return of(label)[0];
  }

  public long fp(String label) {
    return of(label)[1];
  }

  public long fn(String label) {
    return of(label)[2];
  }

  public long items() {
    return items;
  }

  public double precision(String label) {
    return ratio(tp(label), tp(label) + fp(label));
  }

  public double recall(String label) {
    return ratio(tp(label), tp(label) + fn(label));
  }

  public double f1(String label) {
    return f1(precision(label), recall(label));
  }

  public double microPrecision() {
    long tp = sum(0);
    return ratio(tp, tp + sum(1));
  }

  public double microRecall() {
    long tp = sum(0);
    return ratio(tp, tp + sum(2));
  }

  public double microF1() {
    return f1(microPrecision(), microRecall());
  }

  /** Mean F1 over labels that occur in gold or predictions. */
  public double macroF1() {
    double s = 0;
    int n = 0;
    for (String l : labels) {
      if (tp(l) + fp(l) + fn(l) > 0) {
        s += f1(l);
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  /** Share of items without any gold label for which nothing was predicted either. */
  public double emptyAccuracy() {
    return ratio(emptyGoldPredictedEmpty, emptyGold);
  }

  public long emptyGold() {
    return emptyGold;
  }

  private long sum(int k) {
    long s = 0;
    for (long[] c : counts.values()) {
      s += c[k];
    }
    return s;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", items);
    m.put("micro_precision", round(microPrecision()));
    m.put("micro_recall", round(microRecall()));
    m.put("micro_f1", round(microF1()));
    m.put("macro_f1", round(macroF1()));
    m.put("no_label_items", emptyGold);
    m.put("no_label_items_predicted_empty", round(emptyAccuracy()));
    List<Map<String, Object>> per = new ArrayList<>();
    for (String l : labels) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("label", l);
      x.put("support", tp(l) + fn(l));
      x.put("tp", tp(l));
      x.put("fp", fp(l));
      x.put("fn", fn(l));
      x.put("precision", round(precision(l)));
      x.put("recall", round(recall(l)));
      x.put("f1", round(f1(l)));
      per.add(x);
    }
    m.put("per_label", per);
    return m;
  }

  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "micro P %.3f · micro R %.3f · **micro-F1 %.3f** · macro-F1 %.3f · items %d"
                + " (no-label items predicted empty: %d of %d)%n%n",
            microPrecision(),
            microRecall(),
            microF1(),
            macroF1(),
            items,
            emptyGoldPredictedEmpty,
            emptyGold));
    b.append("| label | support | TP | FP | FN | precision | recall | F1 |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String l : labels) {
      if (tp(l) + fp(l) + fn(l) == 0) {
        continue;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n",
              l,
              tp(l) + fn(l),
              tp(l),
              fp(l),
              fn(l),
              precision(l),
              recall(l),
              f1(l)));
    }
    return b.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
