package fi.palvelututka.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The Spark options every Spark command takes ({@code @Mixin}): master and settings. */
public final class SparkOptions {

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description =
          "Spark master (default: spark-submit's, else embedded "
              + SparkSessions.DEFAULT_MASTER
              + ").")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "<key=value>",
      description = "Spark setting, repeatable (overrides spark-submit's).")
  Map<String, String> confs = new LinkedHashMap<>();

  /** The session these options ask for (see {@link SparkSessions#create}). */
  public SparkSession session(String appName) {
    return SparkSessions.create(appName, master, confs);
  }
}
