package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeEvaluation;
import fi.palvelututka.models.themes.ThemeGold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models evaluate-themes}: per-category precision / recall / F1 and micro / macro F1 of the
 * theme tagger on a labelled JSON Lines file (category detection, and category + polarity).
 */
@Command(
    name = "evaluate-themes",
    mixinStandardHelpOptions = true,
    description = {
      "Print per-category precision / recall / F1 and micro / macro F1 of the theme tagger on a"
          + " labelled JSON Lines file ({\"id\", \"text\", \"aspects\": [{\"category\","
          + " \"polarity\", \"evidence\"}], \"phenomena\"}).",
      "Use --errors on development data only: reading the errors of a test set turns it into a"
          + " development set."
    })
public final class EvaluateThemesCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "<jsonl>",
      description = "Labelled file.")
  Path input;

  @Option(
      names = "--taxonomy",
      paramLabel = "<json>",
      description = "Evaluate this taxonomy file instead of the shipped one.")
  Path taxonomy;

  @Option(
      names = "--report",
      paramLabel = "<file.md>",
      description = "Also write the report as Markdown here, and as JSON next to it (.json).")
  Path report;

  @Option(
      names = "--errors",
      description =
          "Print every item whose category+polarity set is wrong (development data only).")
  boolean errors;

  @Option(
      names = "--category",
      paramLabel = "<id>",
      description = "With --errors: only errors that involve this category.")
  String category;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      System.err.println("evaluate-themes: input not found: " + input);
      return ExitCodes.INPUT;
    }
    Taxonomy t;
    try {
      t = Taxonomy.loadOrShipped(taxonomy);
    } catch (IllegalArgumentException e) {
      System.err.println("evaluate-themes: invalid taxonomy: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    List<ThemeGold> gold;
    try {
      gold = ThemeGold.read(input);
    } catch (IOException e) {
      System.err.println("evaluate-themes: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    ReviewTagger tagger = new ReviewTagger(AnalyzerModels.shipped(), SentimentModel.shipped(), t);
    ThemeEvaluation ev;
    try {
      ev = ThemeEvaluation.run(t, gold, tagger);
    } catch (IllegalArgumentException e) {
      System.err.println("evaluate-themes: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    String head =
        "# Theme evaluation of "
            + tagger.modelVersion()
            + "\n\non `"
            + input
            + "`, "
            + gold.size()
            + " items\n\n";
    String md = head + ev.toMarkdown();
    System.out.println(md);
    if (errors) {
      printErrors(ev);
    }
    if (report != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md, StandardCharsets.UTF_8);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model_version", tagger.modelVersion());
      m.put("input", input.toString());
      m.putAll(ev.toMap());
      Path js =
          report.resolveSibling(
              report.getFileName().toString().replaceFirst("\\.md$", "") + ".json");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(js.toFile(), m);
      System.err.println("evaluate-themes: wrote " + report + " and " + js);
    }
    return ExitCodes.OK;
  }

  private void printErrors(ThemeEvaluation ev) {
    System.out.println("## Errors\n");
    for (ThemeEvaluation.ItemResult r : ev.items()) {
      if (r.goldPairs().equals(r.predictedPairs())) {
        continue;
      }
      if (category != null
          && r.goldPairs().stream().noneMatch(p -> p.startsWith(category + "/"))
          && r.predictedPairs().stream().noneMatch(p -> p.startsWith(category + "/"))) {
        continue;
      }
      System.out.println(r.gold().id() + "  " + r.gold().text());
      System.out.println("   gold: " + r.goldPairs() + "   predicted: " + r.predictedPairs());
      for (ThemeGold.Aspect a : r.gold().aspects()) {
        System.out.println(
            "   evidence " + a.category() + "/" + a.polarity() + ": " + a.evidence());
      }
      for (AspectMention m : r.mentions()) {
        System.out.println("   found " + m.category() + "/" + m.polarity() + " " + m.confidence());
      }
    }
  }
}
