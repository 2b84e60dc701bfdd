package fi.palvelututka.models.cli;

import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.text.Sentence;
import fi.palvelututka.models.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code models analyze}: prints how the Finnish analyzer sees a text (sentences; per token the
 * surface form, normalized form, lemma and negation flags). For writing lemma patterns and for
 * debugging a tag.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Print sentences, tokens, lemmas and negation flags of Finnish text.",
      "Texts come from the arguments, or one per line from stdin when none are given."
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<text>", arity = "0..*", description = "Texts to analyse.")
  List<String> texts;

  @Override
  public Integer call() throws IOException {
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    if (texts != null && !texts.isEmpty()) {
      for (String t : texts) {
        print(analyzer.analyze(t));
      }
      return ExitCodes.OK;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      print(analyzer.analyze(line));
    }
    return ExitCodes.OK;
  }

  private static void print(Analysis a) {
    for (Sentence s : a.sentences()) {
      System.out.println("# [" + s.start() + "," + s.end() + ") " + s.text());
      StringBuilder b = new StringBuilder();
      for (Token t : s.tokens()) {
        b.append(t.text());
        if (!t.lemma().equals(t.text())) {
          b.append('/').append(t.lemma());
        }
        if (t.negator()) {
          b.append("/NEG");
        } else if (t.negated()) {
          b.append("/~");
        }
        b.append(' ');
      }
      System.out.println(b.toString().strip());
    }
  }
}
