package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.models.corpus.LabeledJsonl;
import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.lang.LanguageIdentifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models evaluate-language}: how well the language identifier routes reviews, on a labelled
 * JSON Lines file ({@code {"id", "text", "lang"}}): the routing decision that matters for the
 * pipeline (Finnish / undetermined / other language), then the per-language confusion.
 */
@Command(
    name = "evaluate-language",
    mixinStandardHelpOptions = true,
    description = {
      "Print precision / recall / F1 of the language identifier on a labelled JSON Lines file"
          + " ({\"id\", \"text\", \"lang\"} with ISO 639-1 codes, \"und\" for no language):"
          + " first the routing (fi / und / other), then per language.",
      "Use --errors on development data only."
    })
public final class EvaluateLanguageCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "<jsonl>",
      description = "Labelled file.")
  Path input;

  @Option(
      names = "--report",
      paramLabel = "<file.md>",
      description = "Also write the report as Markdown here, and as JSON next to it (.json).")
  Path report;

  @Option(names = "--errors", description = "Print every misrouted item (development data only).")
  boolean errors;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      System.err.println("evaluate-language: input not found: " + input);
      return ExitCodes.INPUT;
    }
    List<LabeledJsonl.Item> items;
    try {
      items = LabeledJsonl.read(input, "text", "lang");
    } catch (IOException e) {
      System.err.println("evaluate-language: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    LanguageIdentifier id = LanguageIdentifier.shipped();
    ClassificationReport routing = new ClassificationReport(List.of("fi", "und", "other"));
    TreeSet<String> langs = new TreeSet<>();
    items.forEach(i -> langs.add(i.label()));
    List<String> langLabels = new ArrayList<>(langs);
    langLabels.add("(other)");
    ClassificationReport perLanguage = new ClassificationReport(langLabels);
    List<String> errorLines = new ArrayList<>();
    for (LabeledJsonl.Item i : items) {
      String predicted = id.identify(i.text()).language();
      routing.add(route(i.label()), route(predicted));
      perLanguage.add(i.label(), langs.contains(predicted) ? predicted : "(other)");
      if (!route(i.label()).equals(route(predicted))) {
        errorLines.add(
            i.id() + "  gold " + i.label() + "  predicted " + predicted + "  " + i.text());
      }
    }
    String md =
        "# Language identification ("
            + id.version()
            + ")\n\non `"
            + input
            + "`, "
            + items.size()
            + " items\n\n## Routing: Finnish / undetermined / other language\n\n"
            + routing.toMarkdown()
            + "\n## Per language\n\n"
            + perLanguage.toMarkdown();
    System.out.println(md);
    if (errors) {
      System.out.println("## Misrouted\n");
      errorLines.forEach(System.out::println);
    }
    if (report != null) {
      Path parent = report.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(report, md, StandardCharsets.UTF_8);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model_version", id.version().toString());
      m.put("input", input.toString());
      m.put("routing", routing.toMap());
      m.put("per_language", perLanguage.toMap());
      Path js =
          report.resolveSibling(
              report.getFileName().toString().replaceFirst("\\.md$", "") + ".json");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(js.toFile(), m);
      System.err.println("evaluate-language: wrote " + report + " and " + js);
    }
    return ExitCodes.OK;
  }

  private static String route(String lang) {
    return LanguageIdentifier.FINNISH.equals(lang) || LanguageIdentifier.UNDETERMINED.equals(lang)
        ? lang
        : "other";
  }
}
