package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models bench-analyzer}: single-thread throughput of the Finnish analyzer and of the whole
 * review tagger (analyzer + sentiment) on real review texts, after a warm-up.
 */
@Command(
    name = "bench-analyzer",
    mixinStandardHelpOptions = true,
    description = "Measure single-thread throughput of the analyzer and the review tagger.")
public final class BenchAnalyzerCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      paramLabel = "<jsonl>",
      defaultValue = "data-samples/reviews-sample.jsonl",
      description = "JSON Lines with a \"text\" field (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = "--seconds",
      defaultValue = "15",
      description = "Measured seconds per stage (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "Warm-up seconds per stage (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      System.err.println("bench-analyzer: input not found: " + input);
      return ExitCodes.INPUT;
    }
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        try {
          JsonNode n = json.readTree(line);
          if (n != null && n.path("text").isTextual()) {
            texts.add(n.get("text").asText());
          }
        } catch (IOException e) {
          // not a record: skip
        }
      }
    }
    if (texts.isEmpty()) {
      System.err.println("bench-analyzer: no texts in " + input);
      return ExitCodes.INPUT;
    }
    long chars = texts.stream().mapToLong(String::length).sum();
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    long tokens = 0;
    for (String t : texts) {
      tokens += analyzer.analyze(t).tokenCount();
    }
    System.out.printf(
        Locale.ROOT,
        "bench-analyzer: %d texts, %.0f chars and %.1f tokens per text on average, JDK %s, %d cores%n",
        texts.size(),
        (double) chars / texts.size(),
        (double) tokens / texts.size(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    double[] a = run(texts, t -> analyzer.analyze(t).tokenCount());
    report("analyzer", a, tokens, texts.size());
    ReviewTagger tagger = ReviewTagger.shipped();
    double[] b = run(texts, t -> tagger.tag(t).sentiment().sentences().size());
    report("tagger (analyzer + sentiment)", b, tokens, texts.size());
    return ExitCodes.OK;
  }

  private interface Work {
    int apply(String text);
  }

  /** Returns {passes per second}; runs warm-up then the measured period. */
  private double[] run(List<String> texts, Work w) {
    long sink = 0;
    long end = System.nanoTime() + warmup * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (String t : texts) {
        sink += w.apply(t);
      }
    }
    long t0 = System.nanoTime();
    long passes = 0;
    end = t0 + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (String t : texts) {
        sink += w.apply(t);
      }
      passes++;
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    if (sink == Long.MIN_VALUE) {
      System.out.println();
    }
    return new double[] {passes / secs};
  }

  private static void report(String what, double[] r, long tokensPerPass, int textsPerPass) {
    System.out.printf(
        Locale.ROOT,
        "bench-analyzer: %-30s %,10.0f texts/s %,12.0f tokens/s (one thread)%n",
        what,
        r[0] * textsPerPass,
        r[0] * tokensPerPass);
  }
}
