package fi.palvelututka.models.themes;

import fi.palvelututka.models.eval.MultiLabelReport;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.tag.TagResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Evaluates theme detection on labelled items. Items are compared as sets per item: categories
 * (detection) and category+polarity pairs; also per phenomenon tag (recall and precision of
 * category+polarity on the items with that tag) and whether the evidence span lies in the predicted
 * sentence.
 */
public final class ThemeEvaluation {

  /** One item's gold and predicted sets (for error listings). */
  public record ItemResult(
      ThemeGold gold,
      Set<String> goldPairs,
      Set<String> predictedPairs,
      List<AspectMention> mentions) {}

  private final MultiLabelReport categories;
  private final MultiLabelReport pairs;
  private final Map<String, MultiLabelReport> byPhenomenon = new TreeMap<>();
  private final List<ItemResult> items = new ArrayList<>();
  private final List<String> categoryIds;
  private final List<String> pairIds;
  private int evidenceFound;
  private int evidenceTotal;

  public ThemeEvaluation(Taxonomy taxonomy) {
    categoryIds = new ArrayList<>();
    pairIds = new ArrayList<>();
    for (ThemeCategory c : taxonomy.categories()) {
      categoryIds.add(c.id());
      for (Polarity p : Polarity.values()) {
        pairIds.add(pair(c.id(), p.label()));
      }
    }
    categories = new MultiLabelReport(categoryIds);
    pairs = new MultiLabelReport(pairIds);
  }

  static String pair(String category, String polarity) {
    return category + "/" + polarity;
  }

  /** Tags every item and adds it to the reports. */
  public static ThemeEvaluation run(
      Taxonomy taxonomy, List<ThemeGold> gold, Function<String, TagResult> tagger) {
    ThemeEvaluation e = new ThemeEvaluation(taxonomy);
    for (ThemeGold g : gold) {
      e.add(g, tagger.apply(g.text()).aspects());
    }
    return e;
  }

  public static ThemeEvaluation run(Taxonomy taxonomy, List<ThemeGold> gold, ReviewTagger t) {
    return run(taxonomy, gold, t::tag);
  }

  public void add(ThemeGold g, List<AspectMention> predicted) {
    Set<String> gc = new TreeSet<>();
    Set<String> gp = new TreeSet<>();
    for (ThemeGold.Aspect a : g.aspects()) {
      if (!categoryIds.contains(a.category())) {
        throw new IllegalArgumentException(
            "Item " + g.id() + ": category not in the taxonomy: " + a.category());
      }
      Polarity.fromLabel(a.polarity());
      gc.add(a.category());
      gp.add(pair(a.category(), a.polarity()));
    }
    Set<String> pc = new TreeSet<>();
    Set<String> pp = new TreeSet<>();
    for (AspectMention m : predicted) {
      pc.add(m.category());
      pp.add(pair(m.category(), m.polarity()));
    }
    categories.add(gc, pc);
    pairs.add(gp, pp);
    for (String ph : g.phenomena()) {
      byPhenomenon.computeIfAbsent(ph, k -> new MultiLabelReport(pairIds)).add(gp, pp);
    }
    for (ThemeGold.Aspect a : g.aspects()) {
      int at = g.text().indexOf(a.evidence());
      if (a.evidence().isEmpty() || at < 0) {
        continue;
      }
      for (AspectMention m : predicted) {
        if (m.category().equals(a.category()) && m.polarity().equals(a.polarity())) {
          evidenceTotal++;
          if (at < m.end() && m.start() < at + a.evidence().length()) { // spans overlap
            evidenceFound++;
          }
          break;
        }
      }
    }
    items.add(new ItemResult(g, gp, pp, predicted));
  }

  public MultiLabelReport categories() {
    return categories;
  }

  public MultiLabelReport pairs() {
    return pairs;
  }

  public List<ItemResult> items() {
    return items;
  }

  /**
   * Of the correctly found category+polarity pairs, the share whose sentence holds the evidence.
   */
  public double evidenceOverlap() {
    return evidenceTotal == 0 ? 0 : (double) evidenceFound / evidenceTotal;
  }

  public Map<String, MultiLabelReport> byPhenomenon() {
    return byPhenomenon;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("category_detection", categories.toMap());
    m.put("category_polarity", pairs.toMap());
    m.put("evidence_in_predicted_sentence", Math.round(evidenceOverlap() * 10000) / 10000.0);
    Map<String, Object> ph = new LinkedHashMap<>();
    byPhenomenon.forEach(
        (k, r) -> {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("items", r.items());
          x.put("micro_precision", Math.round(r.microPrecision() * 10000) / 10000.0);
          x.put("micro_recall", Math.round(r.microRecall() * 10000) / 10000.0);
          x.put("micro_f1", Math.round(r.microF1() * 10000) / 10000.0);
          x.put("no_label_items_predicted_empty", Math.round(r.emptyAccuracy() * 10000) / 10000.0);
          ph.put(k, x);
        });
    m.put("by_phenomenon", ph);
    return m;
  }

  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("### Category + polarity (the target metric)\n\n");
    b.append(pairs.toMarkdown()).append('\n');
    b.append("### Category detection (polarity ignored)\n\n");
    b.append(categories.toMarkdown()).append('\n');
    b.append(
        String.format(
            java.util.Locale.ROOT,
            "Evidence: %.1f%% of the correct category+polarity mentions point to a sentence that"
                + " overlaps the gold evidence span.%n%n",
            100 * evidenceOverlap()));
    b.append("### By phenomenon (category + polarity)\n\n");
    b.append("| phenomenon | items | micro P | micro R | micro-F1 | no-theme items kept empty |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    byPhenomenon.forEach(
        (k, r) ->
            b.append(
                String.format(
                    java.util.Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f | %s |%n",
                    k,
                    r.items(),
                    r.microPrecision(),
                    r.microRecall(),
                    r.microF1(),
                    r.emptyGold() == 0
                        ? "–"
                        : String.format(java.util.Locale.ROOT, "%.3f", r.emptyAccuracy()))));
    return b.toString();
  }
}
