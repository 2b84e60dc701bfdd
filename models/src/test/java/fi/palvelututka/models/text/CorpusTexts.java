package fi.palvelututka.models.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.palvelututka.models.text.conllu.ConlluReader;
import fi.palvelututka.models.text.conllu.ConlluSentence;
import fi.palvelututka.models.text.train.AnalyzerTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Finnish texts for comparing the analyzer's shortcuts with its models: FinnSentiment, XED.
 */
final class CorpusTexts {

  static final Path CORPORA =
      Path.of(System.getProperty("palvelututka.corpora", "../../shared/corpora"));

  private CorpusTexts() {}

  /**
   * The first {@code perCorpus} texts of FinnSentiment and of XED Finnish (all when fewer); skips
   * the calling test with a message when either corpus is absent.
   */
  static List<String> finnSentimentAndXed(int perCorpus) throws IOException {
    Path fs = CORPORA.resolve("finnsentiment/finnsentiment-dev.tsv");
    Path xed = CORPORA.resolve("xed-fi/fi-annotated.tsv");
    assumeTrue(
        Files.isRegularFile(fs) && Files.isRegularFile(xed),
        "FinnSentiment or XED not found under " + CORPORA + ": corpus comparison skipped");
    List<String> texts = new ArrayList<>();
    List<String> lines = Files.readAllLines(fs, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, 1 + Math.min(lines.size() - 1, perCorpus))) {
      String[] f = line.split("\t");
      texts.add(f[f.length - 1]);
    }
    lines = Files.readAllLines(xed, StandardCharsets.UTF_8);
    for (String line : lines.subList(0, Math.min(lines.size(), perCorpus))) {
      texts.add(line.split("\t")[0]);
    }
    return texts;
  }

  /**
   * The held-out UD sentences: UD_Finnish-TDT test and the OOD thread and tweet sentences; skips
   * the calling test with a message when UD Finnish is absent.
   */
  static List<List<ConlluSentence>> heldOutUd() throws IOException {
    assumeTrue(
        Files.isRegularFile(CORPORA.resolve(ConlluReader.TDT_TEST)),
        "UD Finnish not found under " + CORPORA + ": corpus comparison skipped");
    AnalyzerTraining.UdData ud = AnalyzerTraining.loadUd(CORPORA);
    return List.of(ud.tdtTest(), ud.oodHeldOut());
  }
}
