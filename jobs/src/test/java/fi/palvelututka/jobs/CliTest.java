package fi.palvelututka.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.models.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: help everywhere, documented exit codes. */
class CliTest {

  @Test
  void helpOnEveryCommand() {
    assertThat(Cli.execute("--help")).isZero();
    assertThat(Cli.execute("nightly", "--help")).isZero();
    assertThat(Cli.execute("tag", "--help")).isZero();
    assertThat(Cli.execute("models", "--help")).isZero();
    assertThat(Cli.execute("models", "train-sentiment", "--help")).isZero();
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(Cli.execute()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.execute("nightly", "--input", "x")).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.execute("nightly", "--input", "x", "--lake", "y", "--max-text-chars", "0"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.execute("no-such-command")).isEqualTo(ExitCodes.USAGE);
    // ".." would name the lake itself as the run's staging folder
    assertThat(Cli.execute("nightly", "--input", "x", "--lake", "y", "--run-id", ".."))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.execute("nightly", "--input", "x", "--lake", "y", "--field-map", "text="))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.execute("nightly", "--input", "x", "--lake", "y", "--as-of", "0001-01-01"))
        .isEqualTo(ExitCodes.USAGE);
    // an encoding ingest does not read (its lines are not in fixed-width units)
    assertThat(Cli.execute("nightly", "--input", "x", "--lake", "y", "--encoding", "Shift_JIS"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMasterSparkDoesNotKnowIsAUsageError(@TempDir Path dir) throws Exception {
    assertThat(nightlyInItsOwnJvm(dir, "--master", "bogus://x"))
        .contains("exit " + ExitCodes.USAGE)
        .contains("nightly: Spark cannot start with --master bogus://x");
  }

  @Test
  void aSparkSettingOfTheWrongTypeIsAUsageError(@TempDir Path dir) throws Exception {
    assertThat(nightlyInItsOwnJvm(dir, "--conf", "spark.sql.shuffle.partitions=abc"))
        .contains("exit " + ExitCodes.USAGE)
        .contains("nightly: Spark cannot start with --conf {spark.sql.shuffle.partitions=abc}")
        .contains("It should be a/an 'int' value");
  }

  /**
   * {@code nightly} in a JVM of its own, with these Spark options (this JVM's shared test session
   * would be reused whatever they say): its output, then "exit N".
   */
  private static String nightlyInItsOwnJvm(Path dir, String... sparkOptions) throws Exception {
    Files.writeString(dir.resolve("in.jsonl"), "{}\n");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "fi.palvelututka.jobs.Cli",
                "nightly",
                "--input",
                dir.resolve("in.jsonl").toString(),
                "--lake",
                dir.resolve("lake").toString()));
    command.addAll(List.of(sparkOptions));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return out + "\nexit " + p.waitFor();
  }

  @Test
  void missingInputIsAnInputError(@TempDir Path dir) {
    SparkTestSession.get();
    assertThat(nightly(dir.resolve("nope"), dir.resolve("lake"))).isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void unusableReportsFolderIsFoundBeforeTheRun(@TempDir Path dir) throws Exception {
    SparkTestSession.get();
    Files.writeString(
        dir.resolve("in.jsonl"), "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"x\"}\n");
    Files.writeString(dir.resolve("reports"), "a file, not a folder");
    assertThat(nightly(dir.resolve("in.jsonl"), dir.resolve("lake"), "--reports", dir + "/reports"))
        .isEqualTo(ExitCodes.USAGE);
    // nothing was run, so nothing was committed that a rerun would skip
    assertThat(dir.resolve("lake/_runs")).doesNotExist();
    Files.writeString(dir.resolve("lake-file"), "a file, not a lake");
    assertThat(nightly(dir.resolve("in.jsonl"), dir.resolve("lake-file")))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 5,
      unit = java.util.concurrent.TimeUnit.MINUTES,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aLakeInUseByAnotherProcessIsLeftAloneUntilThatProcessDies(@TempDir Path dir)
      throws Exception {
    SparkTestSession.get();
    Files.writeString(
        dir.resolve("in.jsonl"),
        "{\"review_id\": 1, \"business_id\": \"b\", \"text\": \"Hyvä palvelu.\"}\n");
    Path lake = dir.resolve("lake");
    // the other run: its own process, with the lock and a half-written staging folder
    Path staged = Files.createDirectories(lake.resolve(Lake.STAGING).resolve("other/reviews"));
    Files.writeString(staged.resolve("part-0.parquet"), "being written");
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                lake.toString(),
                "other")
            .redirectErrorStream(true)
            .start();
    try {
      java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  other.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null && !line.startsWith("locked")) {
        // its log lines
      }
      assertThat(line).isEqualTo("locked false");
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      java.io.PrintStream stderr = System.err;
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      int code;
      try {
        code = nightly(dir.resolve("in.jsonl"), lake, "--run-id", "refused");
      } finally {
        System.setErr(stderr);
      }
      assertThat(code).isEqualTo(ExitCodes.LAKE_IN_USE);
      assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
          .contains("nightly: The lake " + lake + " is in use")
          .contains("is in use by run other (host ")
          .contains("pid " + other.pid());
      // the other run's staged output was not discarded as a dead run's
      assertThat(staged.resolve("part-0.parquet")).exists();
      assertThat(lake.resolve("_runs")).doesNotExist();
    } finally {
      other.destroyForcibly().waitFor();
    }
    // killed: the next run takes its lock over at once and discards its staging
    assertThat(nightly(dir.resolve("in.jsonl"), lake, "--run-id", "after")).isZero();
    assertThat(lake.resolve(Lake.STAGING)).doesNotExist();
    assertThat(lake.resolve(LakeLock.FILE)).doesNotExist();
    assertThat(Files.readString(lake.resolve("_runs/after.json")))
        .contains("\"lock_taken_over_from\" : \"other\"");
  }

  /** {@code nightly --input in --lake lake} and further arguments. */
  static int nightly(Path in, Path lake, String... more) {
    List<String> args =
        new ArrayList<>(List.of("nightly", "--input", in.toString(), "--lake", lake.toString()));
    args.addAll(List.of(more));
    return Cli.execute(args.toArray(new String[0]));
  }

  @Test
  void folderWithoutDumpsIsAnInputError(@TempDir Path dir) throws Exception {
    SparkTestSession.get();
    Files.writeString(dir.resolve("readme.txt"), "no dumps here");
    assertThat(
            Cli.execute(
                "nightly", "--input", dir.toString(), "--lake", dir.resolve("lake").toString()))
        .isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void missingBundleToEvaluateIsAnInputError(@TempDir Path dir) {
    assertThat(
            Cli.execute(
                "models",
                "train-analyzer",
                "--evaluate",
                dir.resolve("nope.zip").toString(),
                "--report-dir",
                dir.toString()))
        .isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void missingCorpusIsAnInputError(@TempDir Path dir) {
    assertThat(
            Cli.execute(
                "models",
                "train-sentiment",
                "--corpora",
                dir.toString(),
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.INPUT);
  }
}
