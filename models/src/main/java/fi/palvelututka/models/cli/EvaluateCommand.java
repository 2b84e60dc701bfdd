package fi.palvelututka.models.cli;

import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.corpus.LabeledJsonl;
import fi.palvelututka.models.eval.ClassificationReport;
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
    List<LabeledJsonl.Item> items;
    try {
      items = LabeledJsonl.read(input, textField, labelField);
    } catch (IOException e) {
      System.err.println("evaluate: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    for (LabeledJsonl.Item it : items) {
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
    // each review classified once, for both reports
    ClassificationReport r = new ClassificationReport(SentimentEvaluation.LABELS4);
    ClassificationReport three = new ClassificationReport(SentimentEvaluation.LABELS3);
    var c = m.newClassifier();
    ReviewCues cues = new ThemeTagger(Taxonomy.loadOrShipped(taxonomy))::cues;
    for (LabeledJsonl.Item it : items) {
      String p = c.classifyDocument(it.text(), cues).label();
      r.add(it.label(), p);
      if (!it.label().equals("mixed")) {
        // the 3-class view: a predicted mixed counts as neutral
        three.add(it.label(), p.equals("mixed") ? Sentiment.NEUTRAL.label() : p);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Review documents, 4 classes (positive, neutral, negative, mixed), n = %d%n%n",
        items.size());
    System.out.println(r.toMarkdown());
    System.out.println(
        "Without the gold-mixed reviews (a predicted mixed counts as neutral), 3 classes\n");
    System.out.println(three.toMarkdown());
    return ExitCodes.OK;
  }
}
