package fi.palvelututka.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** evaluate-themes on a small labelled file written for this test: known counts, report files. */
class EvaluateThemesCommandTest {

  @Test
  void printsAndWritesTheMetrics(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("gold.jsonl");
    Files.writeString(
        in,
        """
        {"id": "g1", "text": "Myyjä oli todella töykeä.", "aspects": [{"category": "attitude", "polarity": "complaint", "evidence": "todella töykeä"}], "phenomena": []}
        {"id": "g2", "text": "Aukeaa klo 9.", "aspects": [], "phenomena": ["no_theme"]}
        {"id": "g3", "text": "Kävimme tiistaina.", "aspects": [{"category": "price", "polarity": "praise", "evidence": "Kävimme"}], "phenomena": []}
        """,
        StandardCharsets.UTF_8);
    Path report = dir.resolve("r/themes.md");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new EvaluateThemesCommand())
              .execute("--input", in.toString(), "--report", report.toString());
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("| attitude/complaint | 1 | 1 | 0 | 0 |");
    assertThat(out).contains("| price/praise | 1 | 0 | 0 | 1 |");
    assertThat(Files.readString(report)).contains("micro-F1");
    JsonNode js = new ObjectMapper().readTree(dir.resolve("r/themes.json").toFile());
    assertThat(js.at("/category_polarity/micro_recall").asDouble()).isEqualTo(0.5);
    assertThat(js.at("/category_polarity/micro_precision").asDouble()).isEqualTo(1.0);
  }

  @Test
  void unknownCategoryIsAnInputError(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(
        in,
        "{\"id\": \"b\", \"text\": \"x\", \"aspects\": [{\"category\": \"nope\","
            + " \"polarity\": \"praise\"}]}\n");
    assertThat(new CommandLine(new EvaluateThemesCommand()).execute("--input", in.toString()))
        .isEqualTo(ExitCodes.INPUT);
  }
}
