package fi.palvelututka.models.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-class evaluation from gold and predicted labels: confusion matrix (rows gold, columns
 * predicted), per-class precision / recall / F1 / support, accuracy, macro-F1 and the multi-class
 * Matthews correlation coefficient (Gorodkin's R_K). Not thread-safe while being filled.
 */
public final class ClassificationReport {

  private final List<String> labels;
  private final long[][] matrix;

  public ClassificationReport(List<String> labels) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("Invalid label set (empty)");
    }
    this.labels = List.copyOf(labels);
    this.matrix = new long[labels.size()][labels.size()];
  }

  public void add(String gold, String predicted) {
    matrix[index(gold)][index(predicted)]++;
  }

  private int index(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException(
          "Unknown label '" + label + "', expected one of " + labels);
    }
    return i;
  }

  public List<String> labels() {
    return labels;
  }

  public long count(String gold, String predicted) {
    return matrix[index(gold)][index(predicted)];
  }

  public long total() {
    long t = 0;
    for (long[] row : matrix) {
      for (long v : row) {
        t += v;
      }
    }
    return t;
  }

  private long goldCount(int k) {
    long s = 0;
    for (long v : matrix[k]) {
      s += v;
    }
    return s;
  }

  private long predictedCount(int k) {
    long s = 0;
    for (long[] row : matrix) {
      s += row[k];
    }
    return s;
  }

  public double precision(String label) {
    int k = index(label);
    long p = predictedCount(k);
    return p == 0 ? 0 : (double) matrix[k][k] / p;
  }

  public double recall(String label) {
    int k = index(label);
    long g = goldCount(k);
    return g == 0 ? 0 : (double) matrix[k][k] / g;
  }

  public double f1(String label) {
    double p = precision(label);
    double r = recall(label);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double accuracy() {
    long correct = 0;
    for (int k = 0; k < labels.size(); k++) {
      correct += matrix[k][k];
    }
    long t = total();
    return t == 0 ? 0 : (double) correct / t;
  }

  public double macroF1() {
    double s = 0;
    for (String l : labels) {
      s += f1(l);
    }
    return s / labels.size();
  }

  /** Multi-class MCC (Gorodkin 2004); 0 when undefined (a single class predicted or present). */
  public double mcc() {
    double s = total();
    double c = 0;
    double pt = 0;
    double pp = 0;
    double tt = 0;
    for (int k = 0; k < labels.size(); k++) {
      c += matrix[k][k];
      double p = predictedCount(k);
      double t = goldCount(k);
      pt += p * t;
      pp += p * p;
      tt += t * t;
    }
    double denom = Math.sqrt((s * s - pp) * (s * s - tt));
    return denom == 0 ? 0 : (c * s - pt) / denom;
  }

  /** Metrics as a JSON-friendly map (stable key order). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", total());
    m.put("accuracy", round(accuracy()));
    m.put("macro_f1", round(macroF1()));
    m.put("mcc", round(mcc()));
    Map<String, Object> per = new LinkedHashMap<>();
    for (String l : labels) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("precision", round(precision(l)));
      c.put("recall", round(recall(l)));
      c.put("f1", round(f1(l)));
      c.put("support", goldCount(index(l)));
      per.put(l, c);
    }
    m.put("per_class", per);
    List<List<Long>> cm = new ArrayList<>();
    for (long[] row : matrix) {
      List<Long> r = new ArrayList<>();
      for (long v : row) {
        r.add(v);
      }
      cm.add(r);
    }
    m.put("labels", labels);
    m.put("confusion_matrix_rows_gold_cols_predicted", cm);
    return m;
  }

  /** A Markdown rendering: summary line, per-class table, confusion matrix. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "n = %d, accuracy = %.3f, **macro-F1 = %.3f**, **MCC = %.3f**%n%n",
            total(),
            accuracy(),
            macroF1(),
            mcc()));
    sb.append("| class | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n");
    for (String l : labels) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f | %.3f | %d |%n",
              l,
              precision(l),
              recall(l),
              f1(l),
              goldCount(index(l))));
    }
    sb.append("\nConfusion matrix (rows: gold, columns: predicted)\n\n| gold \\ predicted |");
    for (String l : labels) {
      sb.append(' ').append(l).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---:|".repeat(labels.size()));
    sb.append('\n');
    for (int g = 0; g < labels.size(); g++) {
      sb.append("| ").append(labels.get(g)).append(" |");
      for (int p = 0; p < labels.size(); p++) {
        sb.append(' ').append(matrix[g][p]).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
