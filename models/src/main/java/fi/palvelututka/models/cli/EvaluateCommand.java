package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.corpus.LabeledJsonl;
import fi.palvelututka.models.eval.CalibrationReport;
import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.sentiment.ReviewCues;
import fi.palvelututka.models.sentiment.Sentiment;
import fi.palvelututka.models.sentiment.SentimentEvaluation;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeTagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models evaluate}: metrics of the sentiment model on any labelled file, so that anyone can
 * rerun the reported numbers: labelled JSON Lines (reviews; labels positive / neutral / negative /
 * mixed) or the FinnSentiment TSV (majority label; optionally one part of the frozen hash split).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Print macro-F1, MCC, per-class precision / recall / F1 and the confusion matrix of the"
          + " sentiment model on a labelled file.",
      "JSON Lines are evaluated as review documents (4 classes, with mixed); the FinnSentiment"
          + " TSV as texts (3 classes) with calibration."
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "<file>",
      description = "Labelled .jsonl or FinnSentiment .tsv.")
  Path input;

  @Option(
      names = "--text-field",
      defaultValue = "text",
      description = "JSON field with the text (default: ${DEFAULT-VALUE}).")
  String textField;

  @Option(
      names = "--label-field",
      defaultValue = "label",
      description = "JSON field with the gold label (default: ${DEFAULT-VALUE}).")
  String labelField;

  @Option(
      names = "--split",
      defaultValue = "all",
      description =
          "FinnSentiment only: all, train, dev or test part of the hash split (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--model",
      paramLabel = "<zip>",
      description = "Evaluate this sentiment bundle instead of the shipped one.")
  Path model;

  @Option(
      names = "--taxonomy",
      paramLabel = "<json>",
      description =
          "Review documents: the theme taxonomy whose complaint and praise cues the review mode"
              + " weighs, as the tag job does (default: the shipped one).")
  Path taxonomy;

  /**
   * A labelled review, its labelled sentences when the file gives them (else null), and its
   * "phenomena" tags (empty when none).
   */
  private record Review(
      LabeledJsonl.Item item,
      List<SentimentEvaluation.GoldSentence> sentences,
      List<String> phenomena) {}

  private List<Review> readReviews() throws IOException {
    return LabeledJsonl.readLines(
        input,
        (n, no) -> {
          JsonNode t = n.get(textField);
          JsonNode l = n.get(labelField);
          if (t == null || !t.isTextual() || l == null || !l.isTextual()) {
            throw new IOException(
                "needs string fields \"" + textField + "\" and \"" + labelField + "\"");
          }
          LabeledJsonl.Item it =
              new LabeledJsonl.Item(
                  n.path("id").asText(String.valueOf(no)), t.asText(), l.asText());
          List<String> phenomena = new ArrayList<>();
          n.path("phenomena").forEach(x -> phenomena.add(x.asText()));
          JsonNode ss = n.get("sentences");
          if (ss == null || !ss.isArray()) {
            return new Review(it, null, phenomena);
          }
          List<SentimentEvaluation.GoldSentence> gold = new ArrayList<>();
          for (JsonNode s : ss) {
            String label = s.path("label").asText("");
            if (!SentimentEvaluation.LABELS3.contains(label)) {
              throw new IOException(
                  "sentence label '" + label + "' (expected " + SentimentEvaluation.LABELS3 + ")");
            }
            gold.add(new SentimentEvaluation.GoldSentence(s.path("text").asText(""), label));
          }
          return new Review(it, gold, phenomena);
        });
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      System.err.println("evaluate: input not found: " + input);
      return ExitCodes.INPUT;
    }
    SentimentModel m = model == null ? SentimentModel.shipped() : SentimentModel.load(model);
    System.out.println("# Evaluation of " + m.version() + " on " + input);
    System.out.println();
    if (input.toString().endsWith(".tsv")) {
      if (!List.of("all", "train", "dev", "test").contains(split)) {
        System.err.println("evaluate: invalid --split (all, train, dev, test): " + split);
        return ExitCodes.USAGE;
      }
      List<LabeledText> data = new ArrayList<>();
      HashSplit hs = HashSplit.standard();
      for (FinnSentimentRow r : FinnSentimentReader.read(input)) {
        if (split.equals("all") || hs.partOf(r.text()).name().equalsIgnoreCase(split)) {
          data.add(new LabeledText(r.text(), r.majority()));
        }
      }
      System.out.printf(
          Locale.ROOT, "FinnSentiment, split part '%s', 3 classes, n = %d%n%n", split, data.size());
      System.out.println(SentimentEvaluation.threeClass(m, data).toMarkdown());
      System.out.println("Calibration\n");
      System.out.println(SentimentEvaluation.calibration(m, data).toMarkdown());
      return ExitCodes.OK;
    }
    List<Review> reviews;
    try {
      reviews = readReviews();
    } catch (IOException e) {
      System.err.println("evaluate: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    for (Review rv : reviews) {
      LabeledJsonl.Item it = rv.item();
      if (!SentimentEvaluation.LABELS4.contains(it.label())) {
        System.err.println(
            "evaluate: item "
                + it.id()
                + ": unknown label '"
                + it.label()
                + "' (expected "
                + SentimentEvaluation.LABELS4
                + ")");
        return ExitCodes.INPUT;
      }
    }
    // each review classified once, for every report
    ClassificationReport r = new ClassificationReport(SentimentEvaluation.LABELS4);
    ClassificationReport three = new ClassificationReport(SentimentEvaluation.LABELS3);
    ClassificationReport sentences = new ClassificationReport(SentimentEvaluation.LABELS3);
    CalibrationReport calibration = new CalibrationReport();
    int withSentences = 0;
    int missed = 0;
    // phenomenon -> {reviews, right}
    java.util.Map<String, int[]> byPhenomenon = new java.util.TreeMap<>();
    var c = m.newClassifier();
    ReviewCues cues = new ThemeTagger(Taxonomy.loadOrShipped(taxonomy))::cues;
    for (Review rv : reviews) {
      LabeledJsonl.Item it = rv.item();
      DocumentSentiment d = c.classifyDocument(it.text(), cues);
      String p = d.label();
      r.add(it.label(), p);
      SentimentEvaluation.addDocumentCalibration(calibration, d, it.label());
      if (!it.label().equals("mixed")) {
        // the 3-class view: a predicted mixed counts as neutral
        three.add(it.label(), p.equals("mixed") ? Sentiment.NEUTRAL.label() : p);
      }
      for (String ph : rv.phenomena()) {
        int[] k = byPhenomenon.computeIfAbsent(ph, x -> new int[2]);
        k[0]++;
        k[1] += p.equals(it.label()) ? 1 : 0;
      }
      if (rv.sentences() != null) {
        withSentences++;
        missed += SentimentEvaluation.addSentences(sentences, it.text(), d, rv.sentences());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Review documents, 4 classes (positive, neutral, negative, mixed), n = %d%n%n",
        reviews.size());
    System.out.println(r.toMarkdown());
    System.out.println(
        "Without the gold-mixed reviews (a predicted mixed counts as neutral), 3 classes\n");
    System.out.println(three.toMarkdown());
    System.out.println("Calibration of the review-document probabilities (4 classes)\n");
    System.out.println(calibration.toMarkdown());
    if (withSentences > 0) {
      System.out.printf(
          Locale.ROOT,
          "Sentences of the %d reviews with gold sentence labels (\"sentences\": [{\"text\","
              + " \"label\"}]), 3 classes: each gold sentence against the predicted sentence that"
              + " overlaps it most%s%n%n",
          withSentences,
          missed == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %d gold sentence(s) not found in their review, left out",
                  missed));
      System.out.println(sentences.toMarkdown());
    }
    if (!byPhenomenon.isEmpty()) {
      System.out.println(
          "Accuracy per phenomenon (4-class review labels; a review may have two tags)\n");
      System.out.println("| phenomenon | reviews | right | accuracy |\n|---|---:|---:|---:|");
      byPhenomenon.forEach(
          (ph, k) ->
              System.out.printf(
                  Locale.ROOT, "| %s | %d | %d | %.3f |%n", ph, k[0], k[1], (double) k[1] / k[0]));
      System.out.println();
    }
    return ExitCodes.OK;
  }
}
