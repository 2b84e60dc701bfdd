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
 * train-sentiment's usage errors, found before any corpus is read (training is tested elsewhere).
 */
class TrainSentimentCommandTest {

  @Test
  void unknownReviewRuleIsAUsageError(@TempDir Path dir) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new TrainSentimentCommand())
              .execute(
                  "--corpora",
                  dir.resolve("missing").toString(),
                  "--out",
                  dir.toString(),
                  "--review-rules",
                  "contrast,sarcasm");
    } finally {
      System.setErr(old);
    }
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown --review-rules 'contrast,sarcasm'")
        .contains("negated_lexicon, contrast");
  }

  @Test
  void missingLexiconSupplementIsAnInputError(@TempDir Path dir) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new TrainSentimentCommand())
              .execute(
                  "--corpora",
                  dir.resolve("missing").toString(),
                  "--out",
                  dir.toString(),
                  "--lexicon-supplement",
                  dir.resolve("nope.tsv").toString());
    } finally {
      System.setErr(old);
    }
    assertThat(code).isEqualTo(ExitCodes.INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--lexicon-supplement " + dir.resolve("nope.tsv"))
        .contains("no such file");
  }
}
