package fi.palvelututka.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TagCommandTest {

  private final ObjectMapper json = new ObjectMapper();

  private int run(String... args) {
    return new CommandLine(new TagCommand()).execute(args);
  }

  @Test
  void tagsEveryRecordWithTheStableContract(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(
        in,
        """
        {"id": "r1", "text": "Aivan surkea palvelu, en mene enää ikinä. Myyjä oli töykeä."}
        {"id": 2, "text": "Ihana kampaaja, suosittelen lämpimästi!"}

        {"id": null, "text": ""}
        """,
        StandardCharsets.UTF_8);
    assertThat(run("--input", in.toString(), "--output", out.toString())).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("r1");
    assertThat(first.get("sentiment").asText()).isEqualTo("negative");
    assertThat(first.get("probabilities").fieldNames())
        .toIterable()
        .containsExactly("negative", "neutral", "positive", "mixed");
    assertThat(first.get("sentences")).hasSize(2);
    assertThat(first.get("sentences").get(0).get("sentiment").asText()).isEqualTo("negative");
    assertThat(first.get("score").asDouble()).isLessThan(0);
    JsonNode aspect = first.get("aspects").get(0);
    assertThat(aspect.get("category").asText()).isEqualTo("attitude");
    assertThat(aspect.get("polarity").asText()).isEqualTo("complaint");
    assertThat(aspect.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(aspect.get("sentence").asText()).isEqualTo("Myyjä oli töykeä.");
    assertThat(aspect.get("start").asInt()).isEqualTo(42);
    assertThat(aspect.get("end").asInt()).isEqualTo(59);
    JsonNode second = json.readTree(lines.get(1));
    assertThat(second.get("id").isInt()).isTrue();
    assertThat(second.get("sentiment").asText()).isEqualTo("positive");
    JsonNode third = json.readTree(lines.get(2));
    assertThat(third.get("id").isNull()).isTrue();
    assertThat(third.get("sentiment").asText()).isEqualTo("neutral");
  }

  /** Exit code and standard error of one run. */
  record Captured(int code, String err) {}

  private Captured runCapturingErr(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = run(args);
      return new Captured(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void badLinesAreReportedSkippedAndSetTheExitCode(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(
        in,
        "{\"id\": 1, \"text\": \"Hyvä.\"}\nnot json\n{\"id\": 3, \"text\": 5}\n[1,2]\n",
        StandardCharsets.UTF_8);
    Captured r = runCapturingErr("--input", in.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(Files.readAllLines(out)).hasSize(1);
    assertThat(r.err())
        .contains("line 2: not valid JSON")
        .contains("line 3: no string field \"text\"")
        .contains("line 4:")
        .contains("1 records tagged, 3 skipped");
  }

  @Test
  void byteOrderMarkBigIdsTrailingValuesAndLongTexts(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(
        in,
        "\uFEFF{\"id\": 1e400, \"text\": \"Hyvä.\"}\n"
            + "{\"id\": 2, \"text\": \"Yksi.\"}{\"id\": 3, \"text\": \"Kaksi.\"}\n"
            + "{\"id\": 4, \"text\": \""
            + "Hyvä palvelu. ".repeat(8_000)
            + "\"}\n",
        StandardCharsets.UTF_8);
    Captured r = runCapturingErr("--input", in.toString(), "--output", out.toString());
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"id\":1E+400,");
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT); // line 2: two values, reported
    assertThat(r.err())
        .contains("line 2: not valid JSON")
        .contains("line 3: text has 112,000 characters; only the first 100,000 are analyzed");
  }

  @Test
  void utf16WithAByteOrderMarkIsReadAsText(@TempDir Path dir) throws Exception {
    for (java.nio.charset.Charset c :
        List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      Path in = dir.resolve("in-" + c.name() + ".jsonl");
      Path out = dir.resolve("out-" + c.name() + ".jsonl");
      Files.write(in, "\uFEFF{\"id\": 1, \"text\": \"Hyvä palvelu.\"}\r\n".getBytes(c));
      Captured r = runCapturingErr("--input", in.toString(), "--output", out.toString());
      assertThat(r.code()).as(c.name() + r.err()).isEqualTo(ExitCodes.OK);
      assertThat(Files.readAllLines(out)).singleElement().asString().startsWith("{\"id\":1,");
    }
  }

  @Test
  void outputOntoTheInputIsRefusedAndTheInputKept(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("same.jsonl");
    String content = "{\"id\": 1, \"text\": \"Hyvä.\"}\n";
    Files.writeString(in, content, StandardCharsets.UTF_8);
    assertThat(run("--input", in.toString(), "--output", dir.resolve("./same.jsonl").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(in, StandardCharsets.UTF_8)).isEqualTo(content);
    assertThat(run("--input", dir.toString(), "--output", "-")).isEqualTo(ExitCodes.INPUT);
    Path bad = dir.resolve("bad-taxonomy.json");
    Files.writeString(bad, "{ not json", StandardCharsets.UTF_8);
    assertThat(
            run(
                "--input",
                in.toString(),
                "--output",
                dir.resolve("o.jsonl").toString(),
                "--taxonomy",
                bad.toString()))
        .isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void missingInputIsAnInputError(@TempDir Path dir) {
    assertThat(run("--input", dir.resolve("nope.jsonl").toString(), "--output", "-"))
        .isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void helpWorks() {
    assertThat(run("--help")).isZero();
  }
}
