package fi.palvelututka.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * train-sentiment's usage and input errors, found before any corpus is read (training is tested
 * elsewhere).
 */
class TrainSentimentCommandTest {

  private record Run(int code, String err) {}

  /** Runs train-sentiment with a missing corpora folder, an output in dir, and these options. */
  private static Run run(Path dir, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "--corpora";
    args[1] = dir.resolve("missing").toString();
    args[2] = "--out";
    args[3] = dir.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(new TrainSentimentCommand()).execute(args);
    } finally {
      System.setErr(old);
    }
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unknownReviewRuleIsAUsageError(@TempDir Path dir) {
    Run r = run(dir, "--review-rules", "contrast,sarcasm");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("unknown --review-rules 'contrast,sarcasm'")
        .contains("negated_lexicon, contrast");
  }

  @Test
  void missingLexiconSupplementIsAnInputError(@TempDir Path dir) {
    Run r = run(dir, "--lexicon-supplement", dir.resolve("nope.tsv").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .contains("--lexicon-supplement " + dir.resolve("nope.tsv"))
        .contains("no such file");
  }

  @Test
  void missingOrMalformedIdiomListIsAnInputError(@TempDir Path dir) throws Exception {
    String sup = "../models/lexicon/review-lexicon-fi.tsv";
    if (!java.nio.file.Files.isRegularFile(Path.of(sup))) {
      sup = "models/lexicon/review-lexicon-fi.tsv";
    }
    Run r = run(dir, "--lexicon-supplement", sup, "--idioms", dir.resolve("nope.json").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("--idioms " + dir.resolve("nope.json")).contains("no such file");
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.json"), "[1, 2]");
    Run b = run(dir, "--lexicon-supplement", sup, "--idioms", bad.toString());
    assertThat(b.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(b.err()).contains("--idioms " + bad).contains("not an idiom list");
  }
}
