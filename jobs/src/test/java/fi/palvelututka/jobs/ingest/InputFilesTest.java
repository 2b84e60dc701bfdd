package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the dump files of the --input folders, without Spark. */
class InputFilesTest {

  @Test
  void hiddenFoldersLoopsAndBrokenLinks(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{}\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.csv"), "x\n");
    Files.createDirectories(dir.resolve("_temporary/0"));
    Files.writeString(dir.resolve("_temporary/0/part-0.jsonl"), "{}\n");
    Files.createDirectories(dir.resolve(".snapshot"));
    Files.writeString(dir.resolve(".snapshot/old.jsonl"), "{}\n");
    Files.writeString(dir.resolve("notes.txt"), "no dump");
    Files.createSymbolicLink(dir.resolve("sub/loop"), dir); // a folder that contains itself
    Files.createSymbolicLink(dir.resolve("gone.jsonl"), dir.resolve("nowhere.jsonl"));

    InputFiles.Listing l = InputFiles.expand(List.of(dir.toString()), new Configuration());

    assertThat(l.files())
        .extracting(f -> Path.of(java.net.URI.create(f.path())).getFileName().toString())
        .containsExactly("a.jsonl", "b.csv");
    assertThat(l.files().get(0).path()).doesNotContain("loop");
    assertThat(l.skipped()).anyMatch(s -> s.contains("notes.txt"));
    assertThat(l.skipped()).anyMatch(s -> s.contains("gone.jsonl (broken symbolic link)"));
  }

  @Test
  void commasSeparatePathsUnlessTheWholeValueIsAPath(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("arvostelut,syksy.jsonl"), "{}\n");
    Files.writeString(dir.resolve("a.jsonl"), "{}\n");
    Files.writeString(dir.resolve("b.jsonl"), "{}\n");
    Configuration conf = new Configuration();
    String comma = dir.resolve("arvostelut,syksy.jsonl").toString();
    String list = dir.resolve("a.jsonl") + "," + dir.resolve("b.jsonl") + ",";
    assertThat(InputFiles.pieces(List.of(comma, list), conf))
        .containsExactly(
            comma, dir.resolve("a.jsonl").toString(), dir.resolve("b.jsonl").toString());
    assertThat(InputFiles.expand(List.of(comma), conf).files())
        .extracting(f -> Path.of(java.net.URI.create(f.path())).getFileName().toString())
        .containsExactly("arvostelut,syksy.jsonl");
    // a list whose first part does not exist names that part, not the whole value
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> InputFiles.expand(List.of(dir.resolve("nope.jsonl") + "," + comma), conf))
        .isInstanceOf(java.io.FileNotFoundException.class)
        .hasMessageEndingWith("nope.jsonl");
  }

  @Test
  void namesHadoopWouldMisreadGoToTheOwnReader() {
    assertThat(InputFiles.needsOwnReader("file:/d/export 2026-11-01T02:30:00.jsonl")).isTrue();
    assertThat(InputFiles.needsOwnReader("file:/d/a,b.jsonl")).isTrue();
    assertThat(InputFiles.needsOwnReader("file:/d/x[1].jsonl")).isTrue();
    assertThat(InputFiles.needsOwnReader("file:/d/reviews-00001.jsonl")).isFalse();
    assertThat(InputFiles.hidden("/in", "/in/_temporary/0/part.jsonl")).isTrue();
    assertThat(InputFiles.hidden("/in", "/in/a/.snap/x.jsonl")).isTrue();
    assertThat(InputFiles.hidden("/in/_x", "/in/_x/a.jsonl")).isFalse(); // the given folder itself
  }
}
