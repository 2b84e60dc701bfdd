package fi.palvelututka.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's commit protocol, with the crashes simulated at each step. */
class LakeTest {

  @TempDir Path dir;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  private Dataset<Row> numbers(int from, int to) {
    return spark.range(from, to).toDF("n");
  }

  private long sum(String path) {
    return spark.read().parquet(path).selectExpr("sum(n)").first().getLong(0);
  }

  private Lake committed(String root) throws Exception {
    Lake l = new Lake(spark, root, "run-1");
    l.writeStaged(numbers(0, 10), "t");
    l.writeStaged(numbers(0, 5), "u");
    l.stageManifest("{}".getBytes());
    l.commit(List.of("t", "u"));
    return l;
  }

  @Test
  void commitSwapsInEveryTableAndTheManifest() throws Exception {
    String root = dir.resolve("lake").toString();
    Lake l = committed(root);
    assertThat(sum(l.current("t"))).isEqualTo(45);
    assertThat(sum(l.current("u"))).isEqualTo(10);
    assertThat(Path.of(root, "_runs", "run-1.json")).exists();
    assertThat(Path.of(root, Lake.STAGING)).doesNotExist();
    assertThat(l.exists("t")).isTrue();
  }

  @Test
  void aRunThatDiedBeforeItsCommitLeavesThePreviousStateAndIsDiscarded() throws Exception {
    String root = dir.resolve("lake").toString();
    committed(root);
    Lake dying = new Lake(spark, root, "run-2");
    dying.writeStaged(numbers(100, 110), "t"); // ... and the driver is killed here
    Lake next = new Lake(spark, root, "run-3");
    assertThat(next.recover()).isEmpty();
    assertThat(sum(next.current("t"))).isEqualTo(45);
    assertThat(Path.of(root, Lake.STAGING)).doesNotExist();
    assertThat(Path.of(root, "_runs", "run-2.json")).doesNotExist();
  }

  @Test
  void aRunThatDiedInTheMiddleOfItsSwapIsCompleted() throws Exception {
    String root = dir.resolve("lake").toString();
    committed(root);
    Lake dying = new Lake(spark, root, "run-2");
    dying.writeStaged(numbers(100, 110), "t");
    dying.writeStaged(numbers(100, 105), "u");
    dying.stageManifest("{}".getBytes());
    // the commit marker was written and table t moved to the trash, then the driver died
    Path staging = Path.of(root, Lake.STAGING, "run-2");
    Files.writeString(staging.resolve(Lake.MARKER), "t\nu\n");
    Path trash = Files.createDirectories(Path.of(root, Lake.TRASH, "run-2"));
    Files.move(Path.of(root, "t"), trash.resolve("t"));

    Lake next = new Lake(spark, root, "run-3");
    assertThat(next.recover()).containsExactly("run-2");
    assertThat(sum(next.current("t"))).isEqualTo(1045);
    assertThat(sum(next.current("u"))).isEqualTo(510);
    assertThat(Path.of(root, "_runs", "run-2.json")).exists();
    assertThat(Path.of(root, Lake.STAGING)).doesNotExist();
    assertThat(Path.of(root, Lake.TRASH)).doesNotExist();
  }

  @Test
  void readCurrentOfAMissingTableIsEmptyWithTheSchema() throws Exception {
    Lake l = new Lake(spark, dir.resolve("empty").toString(), "r");
    Dataset<Row> d = l.readCurrent(Tables.REVIEWS, Tables.REVIEWS_SCHEMA);
    assertThat(d.count()).isZero();
    assertThat(d.schema().fieldNames()).containsExactly(Tables.REVIEWS_SCHEMA.fieldNames());
  }
}
