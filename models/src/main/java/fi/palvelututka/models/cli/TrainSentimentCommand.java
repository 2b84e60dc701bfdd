package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.sentiment.SentimentTrainer;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import fi.palvelututka.models.sentiment.SentimentTrainer.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models train-sentiment}: trains the Finnish sentiment model on FinnSentiment, split by a
 * hash of the normalized text (80 % train, 10 % dev, 10 % test, frozen), evaluates it on dev and on
 * the held-out test part, and writes the model file and the evaluation report.
 */
@Command(
    name = "train-sentiment",
    mixinStandardHelpOptions = true,
    description = {
      "Train the 3-class Finnish sentiment model on FinnSentiment and evaluate it on the held-out"
          + " split.",
      "Writes <out>/sentiment-fi.bin and <report-dir>/sentiment-fi.md + .json."
    })
public final class TrainSentimentCommand implements Callable<Integer> {

  @Option(
      names = "--corpora",
      paramLabel = "<dir>",
      defaultValue = "${env:PALVELUTUTKA_CORPORA:-../shared/corpora}",
      description =
          "Corpora folder holding finnsentiment/ (default: $PALVELUTUTKA_CORPORA or"
              + " ../shared/corpora).")
  Path corpora;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      defaultValue = "models/trained",
      description = "Where the model file goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--report-dir",
      paramLabel = "<dir>",
      defaultValue = "models/eval",
      description = "Where the evaluation report goes (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(
      names = "--algorithm",
      defaultValue = Settings.DEFAULT_ALGORITHM,
      description = "MAXENT, NAIVEBAYES or PERCEPTRON (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(
      names = "--iterations",
      defaultValue = "" + Settings.DEFAULT_ITERATIONS,
      description = "Training iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--cutoff",
      defaultValue = "" + Settings.DEFAULT_CUTOFF,
      description = "Minimum feature count (default: ${DEFAULT-VALUE}).")
  int cutoff;

  @Option(
      names = "--ngram",
      defaultValue = "" + Settings.DEFAULT_NGRAM,
      description = "Longest word n-gram feature, 1..3 (default: ${DEFAULT-VALUE}).")
  int ngram;

  @Option(
      names = "--no-balance",
      description = "Train on the natural class distribution (default: oversample to balance).")
  boolean noBalance;

  @Override
  public Integer call() throws IOException {
    Settings settings;
    try {
      settings = new Settings(algorithm, iterations, cutoff, ngram, !noBalance);
    } catch (IllegalArgumentException e) {
      System.err.println("train-sentiment: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path tsv;
    try {
      tsv = FinnSentimentReader.locate(corpora);
    } catch (NoSuchFileException e) {
      System.err.println("train-sentiment: " + e.getFile() + ": " + e.getReason());
      return ExitCodes.INPUT;
    }
    List<FinnSentimentRow> rows = FinnSentimentReader.read(tsv);
    HashSplit split = HashSplit.standard();
    Map<HashSplit.Part, List<LabeledText>> parts = new EnumMap<>(HashSplit.Part.class);
    for (HashSplit.Part p : HashSplit.Part.values()) {
      parts.put(p, new ArrayList<>());
    }
    for (FinnSentimentRow r : rows) {
      parts.get(split.partOf(r.text())).add(new LabeledText(r.text(), r.majority()));
    }
    System.err.printf(
        "train-sentiment: %s: %,d sentences -> train %,d / dev %,d / test %,d%n",
        tsv,
        rows.size(),
        parts.get(HashSplit.Part.TRAIN).size(),
        parts.get(HashSplit.Part.DEV).size(),
        parts.get(HashSplit.Part.TEST).size());
    long t0 = System.nanoTime();
    SentimentModel model = SentimentTrainer.train(parts.get(HashSplit.Part.TRAIN), settings);
    double trainSecs = (System.nanoTime() - t0) / 1e9;
    ClassificationReport dev = SentimentTrainer.evaluate(model, parts.get(HashSplit.Part.DEV));
    ClassificationReport test = SentimentTrainer.evaluate(model, parts.get(HashSplit.Part.TEST));
    System.err.printf(
        Locale.ROOT,
        "train-sentiment: trained in %.1f s; dev macro-F1 %.3f MCC %.3f; test macro-F1 %.3f MCC"
            + " %.3f%n",
        trainSecs,
        dev.macroF1(),
        dev.mcc(),
        test.macroF1(),
        test.mcc());

    Files.createDirectories(out);
    Path modelFile = out.resolve("sentiment-fi.bin");
    Files.write(modelFile, model.toBytes());
    writeReport(settings, rows.size(), parts, model, dev, test);
    System.err.println("train-sentiment: wrote " + modelFile + " (" + model.version() + ")");
    return ExitCodes.OK;
  }

  private String commandLine() {
    StringBuilder sb = new StringBuilder("bin/palvelututka models train-sentiment");
    sb.append(" --corpora ").append(corpora);
    sb.append(" --out ").append(out).append(" --report-dir ").append(reportDir);
    sb.append(" --algorithm ").append(algorithm);
    sb.append(" --iterations ").append(iterations).append(" --cutoff ").append(cutoff);
    sb.append(" --ngram ").append(ngram);
    if (noBalance) {
      sb.append(" --no-balance");
    }
    return sb.toString();
  }

  private void writeReport(
      Settings settings,
      int total,
      Map<HashSplit.Part, List<LabeledText>> parts,
      SentimentModel model,
      ClassificationReport dev,
      ClassificationReport test)
      throws IOException {
    Files.createDirectories(reportDir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model.version().toString());
    json.put("command", commandLine());
    json.put("corpus", "FinnSentiment 2020 (CC BY 4.0), " + FinnSentimentReader.RELATIVE_PATH);
    json.put("sentences", total);
    json.put(
        "split",
        Map.of(
            "method", "SHA-256 of normalized text, buckets 0-79 train, 80-89 dev, 90-99 test",
            "train", parts.get(HashSplit.Part.TRAIN).size(),
            "dev", parts.get(HashSplit.Part.DEV).size(),
            "test", parts.get(HashSplit.Part.TEST).size()));
    json.put("settings", settings);
    json.put("dev", dev.toMap());
    json.put("test", test.toMap());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(reportDir.resolve("sentiment-fi.json").toFile(), json);

    String md =
        "# Sentiment model evaluation: "
            + model.version()
            + "\n\n"
            + "Generated by the training command; do not edit by hand.\n\n"
            + "```\n"
            + commandLine()
            + "\n```\n\n"
            + String.format(
                Locale.ROOT,
                "Data: FinnSentiment 2020 (Lindén, Jauhiainen & Hardwick; CC BY 4.0), %,d"
                    + " sentences, majority label. Split by SHA-256 of the normalized text:"
                    + " train %,d / dev %,d / test %,d (a text never on two sides).%n%n",
                total,
                parts.get(HashSplit.Part.TRAIN).size(),
                parts.get(HashSplit.Part.DEV).size(),
                parts.get(HashSplit.Part.TEST).size())
            + "Settings: "
            + settings
            + "\n\n"
            + "## Held-out test split\n\n"
            + test.toMarkdown()
            + "\n## Dev split\n\n"
            + dev.toMarkdown();
    Files.writeString(reportDir.resolve("sentiment-fi.md"), md, StandardCharsets.UTF_8);
  }
}
