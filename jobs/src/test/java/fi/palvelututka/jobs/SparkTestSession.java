package fi.palvelututka.jobs;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession per test JVM, UI off, few shuffle partitions. */
public final class SparkTestSession {

  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSessions.create(
              "palvelututka-tests",
              "local[2]",
              Map.of(
                  "spark.sql.shuffle.partitions", "2",
                  "spark.ui.enabled", "false",
                  "spark.driver.host", "127.0.0.1",
                  "spark.driver.bindAddress", "127.0.0.1"));
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
