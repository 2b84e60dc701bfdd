package fi.palvelututka.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code models evaluate} on labelled review JSON Lines, with the shipped models. */
class EvaluateCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(new EvaluateCommand()).execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final String REVIEWS =
      """
      {"id": "a", "text": "Ihana kampaaja, suosittelen lämpimästi! Tulen uudestaan.", "label": "positive", \
      "sentences": [{"text": "Ihana kampaaja, suosittelen lämpimästi!", "label": "positive"}, \
      {"text": "Tulen uudestaan.", "label": "positive"}]}
      {"id": "b", "text": "Aivan surkea palvelu. Myyjä oli tyly.", "label": "negative", \
      "sentences": [{"text": "Aivan surkea palvelu.", "label": "negative"}, \
      {"text": "Myyjä oli tyly.", "label": "negative"}, {"text": "Ei tässä tekstissä.", "label": "neutral"}]}
      {"id": "c", "text": "Ruoka oli hyvää mutta palvelu hidasta.", "label": "mixed"}
      """;

  @Test
  void reviewsGetDocumentCalibrationAndSentenceReports(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("r.jsonl");
    Files.writeString(f, REVIEWS, StandardCharsets.UTF_8);
    Run r = run("--input", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Review documents, 4 classes (positive, neutral, negative, mixed), n = 3")
        .contains("Calibration of the review-document probabilities (4 classes)")
        .contains("Brier score")
        // two reviews give sentences; one of their five gold sentences is not in its review
        .contains("Sentences of the 2 reviews with gold sentence labels")
        .contains("1 gold sentence(s) not found in their review, left out")
        .contains("n = 4, accuracy")
        .doesNotContain("Accuracy per phenomenon");
  }

  @Test
  void reviewsTaggedWithPhenomenaGetAccuracyPerPhenomenon(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("ph.jsonl");
    Files.writeString(
        f,
        """
        {"id": "a", "text": "Ihana kampaaja, suosittelen lämpimästi!", "label": "positive", \
        "phenomena": ["plain"]}
        {"id": "b", "text": "Aivan surkea palvelu, myyjä oli tyly.", "label": "positive", \
        "phenomena": ["plain", "control"]}
        {"id": "c", "text": "Ruoka oli kylmää.", "label": "negative"}
        """,
        StandardCharsets.UTF_8);
    Run r = run("--input", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // b is labelled positive on purpose: the model reads it as negative
    assertThat(r.out())
        .contains("Accuracy per phenomenon")
        .contains("| control | 1 | 0 | 0.000 |")
        .contains("| plain | 2 | 1 | 0.500 |");
  }

  @Test
  void unknownSentenceLabelIsAnInputErrorWithItsLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("r.jsonl");
    Files.writeString(
        f,
        "{\"text\": \"Hyvä.\", \"label\": \"positive\", \"sentences\": [{\"text\": \"Hyvä.\","
            + " \"label\": \"mixed\"}]}\n",
        StandardCharsets.UTF_8);
    Run r = run("--input", f.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("r.jsonl:1").contains("sentence label 'mixed'");
  }

  @Test
  void unknownDocumentLabelIsAnInputError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("r.jsonl");
    Files.writeString(
        f, "{\"id\": \"x\", \"text\": \"Hyvä.\", \"label\": \"great\"}\n", StandardCharsets.UTF_8);
    Run r = run("--input", f.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("item x: unknown label 'great'");
  }
}
