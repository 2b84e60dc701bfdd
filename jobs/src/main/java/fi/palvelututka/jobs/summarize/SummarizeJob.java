package fi.palvelututka.jobs.summarize;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.tag.TagJob;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarize: joins {@code lake/reviews} with {@code lake/review_tags} and writes {@code
 * lake/business_summary}, one row per business for the period {@value #PERIOD_ALL}: review count,
 * mean rating, sentiment counts and shares of the tagged (Finnish) reviews, net sentiment =
 * (positive - negative) / tagged × 100, in [-100, 100].
 */
public final class SummarizeJob {

  private static final Logger LOG = LoggerFactory.getLogger(SummarizeJob.class);

  public static final String PERIOD_ALL = "all_time";

  private final SparkSession spark;

  public SummarizeJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Returns the number of summary rows written. */
  public long execute(Lake lake) {
    spark.sparkContext().setJobGroup("summarize", "palvelututka summarize", false);
    try {
      String runId = lake.runId();
      Dataset<Row> reviews = lake.readStaged(Tables.REVIEWS);
      Dataset<Row> tags =
          lake.readStaged(Tables.REVIEW_TAGS).select("review_id", "sentiment", "model_version");
      Dataset<Row> joined =
          reviews
              .join(tags, reviews.col("review_id").equalTo(tags.col("review_id")), "left")
              .drop(tags.col("review_id"));
      Column n = count(lit(1));
      Dataset<Row> summary =
          joined
              .groupBy("business_id")
              .agg(
                  first("business_name", true).as("business_name"),
                  first("business_category", true).as("business_category"),
                  first("city", true).as("city"),
                  n.as("review_count"),
                  count(col("sentiment")).as("tagged_count"),
                  sum(when(col("language").equalTo("fi"), 1L).otherwise(0L)).as("finnish_count"),
                  count(col("rating")).as("rated_count"),
                  avg(col("rating")).as("rating_mean"),
                  countIf("positive").as("positive_count"),
                  countIf("neutral").as("neutral_count"),
                  countIf("negative").as("negative_count"),
                  countIf("mixed").as("mixed_count"),
                  min("created_at").as("first_review_at"),
                  max("created_at").as("last_review_at"),
                  max("model_version").as("model_version"))
              .withColumn(
                  "model_version",
                  org.apache.spark.sql.functions.coalesce(
                      col("model_version"), lit(TagJob.modelVersion())))
              .withColumn("period", lit(PERIOD_ALL))
              .withColumn("positive_share", col("positive_count").divide(col("tagged_count")))
              .withColumn("neutral_share", col("neutral_count").divide(col("tagged_count")))
              .withColumn("negative_share", col("negative_count").divide(col("tagged_count")))
              .withColumn("mixed_share", col("mixed_count").divide(col("tagged_count")))
              .withColumn(
                  "net_sentiment",
                  col("positive_count")
                      .minus(col("negative_count"))
                      .divide(col("tagged_count"))
                      .multiply(100))
              .withColumn("run_id", lit(runId));
      lake.writeStaged(
          Tables.conform(summary, Tables.BUSINESS_SUMMARY_SCHEMA).coalesce(1),
          Tables.BUSINESS_SUMMARY);
      long rows = lake.readStaged(Tables.BUSINESS_SUMMARY).count();
      LOG.info("summarize: {} businesses", rows);
      return rows;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static Column countIf(String label) {
    return sum(when(col("sentiment").equalTo(label), 1L).otherwise(0L));
  }
}
