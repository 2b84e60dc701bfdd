package fi.palvelututka.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settings every palvelututka session gets unless the user gives them. */
class SparkSessionsTest {

  @Test
  void defaults() {
    var conf = SparkTestSession.get().conf();
    assertThat(conf.get("spark.sql.session.timeZone")).isEqualTo("UTC");
    assertThat(conf.get("spark.sql.parquet.outputTimestampType")).isEqualTo("TIMESTAMP_MICROS");
    assertThat(conf.get(SparkSessions.COMPRESSED_CACHE)).isEqualTo("false");
  }
}
