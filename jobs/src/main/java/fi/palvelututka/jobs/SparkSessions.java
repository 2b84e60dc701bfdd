package fi.palvelututka.jobs;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession for a command. Master: {@code --master} if given, else the one set by
 * spark-submit ({@code spark.master}), else embedded {@value #DEFAULT_MASTER}. Settings: {@code
 * --conf} entries override spark-submit's, which override the defaults below.
 */
public final class SparkSessions {

  public static final String DEFAULT_MASTER = "local[*]";

  /** Whether cached tables are compressed (Spark's default true; ours false, see below). */
  public static final String COMPRESSED_CACHE = "spark.sql.inMemoryColumnarStorage.compressed";

  private SparkSessions() {}

  public static SparkSession create(String appName, String master, Map<String, String> confs) {
    SparkConf conf = new SparkConf(true); // loads spark.* system properties (spark-submit)
    if (master != null && !master.isBlank()) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(DEFAULT_MASTER);
    }
    boolean local = conf.get("spark.master").startsWith("local");
    // Timestamps are stored and compared in UTC, whatever the machine's zone.
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    // Standard Parquet timestamps (INT64 micros, UTC) instead of Spark's legacy INT96.
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    // Ingest caches its records (texts included) on local disk. Compressing the cached column
    // batches gathers statistics of every string to choose an encoding, which barely shrinks
    // unique texts: without it ingest took 11% less time and 15% less CPU at 1M reviews, for 24%
    // more scratch space on the local disk (BENCHMARKS.md, session 18).
    conf.setIfMissing(COMPRESSED_CACHE, "false");
    if (local) {
      // Embedded runs: no web UI port to collide with, few shuffle partitions for small data.
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    }
    confs.forEach(conf::set);
    conf.setIfMissing("spark.app.name", appName);
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    // Spark checks SQL settings ("spark.sql.shuffle.partitions=abc") only when the session state
    // is first built: build it here, so that a bad --conf is a usage error before any work.
    session.conf().get(COMPRESSED_CACHE);
    return session;
  }
}
