package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.themes.LearnedThemes;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeEvaluation;
import fi.palvelututka.models.themes.ThemeGold;
import fi.palvelututka.models.themes.ThemeLearning;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models train-themes}: the weak-supervision experiment. Labels corpus sentences with the
 * taxonomy's patterns, trains per-category maxent detectors (cue words masked, and not), and
 * measures on the development set whether adding them to the patterns helps, over a threshold
 * sweep. Writes the report, and the learned bundle only when it beats the patterns alone without
 * losing precision.
 */
@Command(
    name = "train-themes",
    mixinStandardHelpOptions = true,
    description = {
      "Train learned theme detectors from corpus sentences weakly labelled by the taxonomy's"
          + " patterns, and measure on the development set whether they add to the patterns.",
      "Ships the learned bundle only when it beats patterns alone on dev micro-F1 without losing"
          + " precision."
    })
public final class TrainThemesCommand implements Callable<Integer> {

  @Option(
      names = "--corpora",
      paramLabel = "<dir>",
      defaultValue = "${env:PALVELUTUTKA_CORPORA:-../shared/corpora}",
      description = "Corpora folder (default: $PALVELUTUTKA_CORPORA or ../shared/corpora).")
  Path corpora;

  @Option(
      names = "--dev",
      paramLabel = "<jsonl>",
      split = ",",
      defaultValue = "models/eval-data/themes-dev.jsonl,models/eval-data/themes-dev2.jsonl",
      description =
          "Labelled development sets, comma-separated; the selection uses all of them together"
              + " (default: ${DEFAULT-VALUE}).")
  List<Path> dev;

  @Option(
      names = "--extra-texts",
      paramLabel = "<jsonl>",
      defaultValue = "data-samples/reviews-sample.jsonl",
      description =
          "Unlabelled review texts added to the pool (JSON Lines with \"text\"; default:"
              + " ${DEFAULT-VALUE}; 'none' to leave out).")
  String extraTexts;

  @Option(
      names = "--out",
      paramLabel = "<zip>",
      defaultValue = "models/trained/themes-fi-learned.zip",
      description = "Where the learned bundle is written when it wins (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--report-dir",
      paramLabel = "<dir>",
      defaultValue = "models/eval",
      description = "Where themes-learned.md is written (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Override
  public Integer call() throws IOException {
    for (Path d : dev) {
      if (!Files.isRegularFile(d)) {
        System.err.println("train-themes: development set not found: " + d);
        return ExitCodes.INPUT;
      }
    }
    List<String> extra = new ArrayList<>();
    if (!extraTexts.equals("none")) {
      ObjectMapper json = new ObjectMapper();
      try (BufferedReader r =
          Files.newBufferedReader(Path.of(extraTexts), StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            extra.add(json.readTree(line).path("text").asText(""));
          }
        }
      }
    }
    Taxonomy taxonomy = Taxonomy.shipped();
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    SentimentModel sentiment = SentimentModel.shipped();
    List<ThemeGold> gold = new ArrayList<>();
    for (Path d : dev) {
      gold.addAll(ThemeGold.read(d));
    }
    long t0 = System.nanoTime();
    ThemeLearning.Pool pool;
    try {
      pool = ThemeLearning.pool(corpora, extra, analyzer);
    } catch (NoSuchFileException e) {
      System.err.println(
          "train-themes: corpus file not found: "
              + e.getMessage()
              + " (set --corpora or PALVELUTUTKA_CORPORA; see README)");
      return ExitCodes.INPUT;
    }
    System.err.printf(
        Locale.ROOT,
        "train-themes: %d sentences %s (%.0f s)%n",
        pool.sentences().size(),
        pool.sources(),
        (System.nanoTime() - t0) / 1e9);

    StringBuilder md = new StringBuilder();
    md.append("# Learned theme detectors: weak-supervision experiment\n\n");
    md.append("Command: `bin/palvelututka models train-themes`. Taxonomy ")
        .append(taxonomy.modelVersion())
        .append(", development sets ")
        .append(dev)
        .append(" (")
        .append(gold.size())
        .append(" items). Sentence pool: ")
        .append(pool.sources())
        .append(".\n\n");
    md.append("| detector | threshold | micro P | micro R | micro-F1 (category+polarity) |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    ThemeEvaluation base = ThemeLearning.evaluate(taxonomy, null, gold, analyzer, sentiment);
    row(md, "patterns only", "–", base);
    double baseF1 = base.pairs().microF1();
    double baseP = base.pairs().microPrecision();
    LearnedThemes best = null;
    double bestF1 = baseF1;
    String bestName = "patterns only";
    for (boolean masked : new boolean[] {true, false}) {
      System.err.println("train-themes: training " + (masked ? "masked" : "unmasked") + " models");
      LearnedThemes learned = ThemeLearning.train(taxonomy, pool.sentences(), masked, System.err);
      for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
        LearnedThemes lt = learned.withThreshold(t);
        ThemeEvaluation e = ThemeLearning.evaluate(taxonomy, lt, gold, analyzer, sentiment);
        String name = "patterns + learned (" + (masked ? "cue words masked" : "all words") + ")";
        row(md, name, String.format(Locale.ROOT, "%.1f", t), e);
        if (e.pairs().microF1() > bestF1 + 1e-9 && e.pairs().microPrecision() >= baseP - 1e-9) {
          best = lt;
          bestF1 = e.pairs().microF1();
          bestName = name + " @ " + t;
        }
      }
    }
    md.append("\nKept: **").append(bestName).append("**");
    if (best == null) {
      md.append(
          " — no learned combination beat the patterns on development micro-F1 without losing"
              + " precision, so no learned bundle ships and the tagger uses the patterns alone.\n");
      Files.deleteIfExists(out);
    } else {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.write(out, best.toBytes());
      md.append(" — written to `").append(out).append("`.\n");
    }
    Files.createDirectories(reportDir);
    Files.writeString(
        reportDir.resolve("themes-learned.md"), md.toString(), StandardCharsets.UTF_8);
    System.out.println(md);
    return ExitCodes.OK;
  }

  private static void row(StringBuilder md, String name, String t, ThemeEvaluation e) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.3f | %.3f | %.3f |%n",
            name,
            t,
            e.pairs().microPrecision(),
            e.pairs().microRecall(),
            e.pairs().microF1()));
  }
}
