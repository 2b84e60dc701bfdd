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

  /**
   * The session these options ask for (see {@link SparkSessions#create}).
   *
   * @throws BadSparkOptionsException when Spark cannot start with them (a master URL it does not
   *     know, an unusable setting)
   */
  public SparkSession session(String appName) {
    try {
      return SparkSessions.create(appName, master, confs);
    } catch (Exception e) { // SparkException is checked but undeclared (Scala)
      Throwable root = e; // the setting's own complaint, not the wrapper that built the session
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new BadSparkOptionsException(
          "Spark cannot start with "
              + (master == null ? "" : "--master " + master + " ")
              + (confs.isEmpty() ? "" : "--conf " + confs + " ")
              + "("
              + Cli.firstLine(root)
              + ")",
          e);
    }
  }

  /** Spark could not start with the --master / --conf given: a usage error (exit 2). */
  public static final class BadSparkOptionsException extends IllegalArgumentException {
    BadSparkOptionsException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
