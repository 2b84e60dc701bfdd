package fi.palvelututka.jobs;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every lake table's name and schema, declared once: the writers, the readers, the tests and the
 * schema documentation all use these. Timestamps are UTC (the session time zone is UTC).
 */
public final class Tables {

  public static final String REVIEWS = "reviews";
  public static final String REJECTS = "rejects";
  public static final String REVIEW_TAGS = "review_tags";
  public static final String ASPECT_MENTIONS = "aspect_mentions";
  public static final String BUSINESS_SUMMARY = "business_summary";
  public static final String BUSINESS_MONTHLY = "business_monthly";
  public static final String PROCESSED_FILES = "processed_files";
  public static final String RUNS = "_runs";

  private Tables() {}

  /**
   * Selects exactly the columns of {@code schema}, in its order, atomic columns cast to its types
   * (nested ones as they are: a cast cannot make a nested field non-nullable, and Parquet reads
   * every field back as nullable).
   */
  public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> conform(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df, StructType schema) {
    return df.select(columns(schema));
  }

  /** The columns of {@code schema} as {@link #conform} selects them, each named as its field. */
  public static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fields())
        .map(
            fl -> {
              org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(fl.name());
              boolean nested =
                  fl.dataType() instanceof StructType
                      || fl.dataType() instanceof org.apache.spark.sql.types.ArrayType;
              return (nested ? c : c.cast(fl.dataType())).as(fl.name());
            })
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static StructField f(String name, org.apache.spark.sql.types.DataType type) {
    return createStructField(name, type, true);
  }

  private static StructField required(String name, org.apache.spark.sql.types.DataType type) {
    return createStructField(name, type, false);
  }

  /** lake/reviews: canonical reviews, one row per review_id (latest version wins). */
  public static final StructType REVIEWS_SCHEMA =
      createStructType(
          List.of(
              required("review_id", StringType),
              required("source", StringType),
              required("business_id", StringType),
              f("business_name", StringType),
              f("business_category", StringType),
              f("city", StringType),
              f("author_id_hash", StringType),
              f("rating", IntegerType),
              required("text", StringType),
              f("language", StringType),
              f("source_language", StringType),
              f("created_at", TimestampType),
              f("updated_at", TimestampType),
              f("owner_reply_text", StringType),
              f("owner_reply_at", TimestampType),
              required("ingest_file", StringType),
              required("ingest_offset", LongType),
              required("run_id", StringType)));

  /** lake/rejects: every input record that could not be used, with the reason. */
  public static final StructType REJECTS_SCHEMA =
      createStructType(
          List.of(
              required("ingest_file", StringType),
              required("ingest_offset", LongType),
              required("reason", StringType),
              f("detail", StringType),
              f("raw", StringType),
              required("raw_bytes", IntegerType),
              required("raw_truncated", BooleanType),
              required("run_id", StringType)));

  public static final StructType PROBABILITIES =
      createStructType(
          List.of(
              required("negative", DoubleType),
              required("neutral", DoubleType),
              required("positive", DoubleType),
              required("mixed", DoubleType)));

  public static final StructType SENTENCE_SENTIMENT =
      createStructType(
          List.of(
              required("start", IntegerType),
              required("end", IntegerType),
              required("sentiment", StringType),
              required("score", DoubleType)));

  public static final StructType ASPECT =
      createStructType(
          List.of(
              required("category", StringType),
              required("polarity", StringType),
              required("confidence", DoubleType),
              required("sentence", StringType),
              required("start", IntegerType),
              required("end", IntegerType)));

  /**
   * lake/review_tags: sentiment (positive / neutral / negative / mixed, calibrated probabilities,
   * score, per-sentence sentiment with offsets) and themes per review, with the model version.
   */
  public static final StructType REVIEW_TAGS_SCHEMA =
      createStructType(
          List.of(
              required("review_id", StringType),
              required("business_id", StringType),
              required("sentiment", StringType),
              required("probabilities", PROBABILITIES),
              required("score", DoubleType),
              required("sentences", createArrayType(SENTENCE_SENTIMENT, false)),
              required("aspects", createArrayType(ASPECT, false)),
              required("model_version", StringType),
              required("run_id", StringType)));

  /**
   * lake/aspect_mentions: one row per service-quality theme mention (review, category, polarity,
   * evidence sentence); {@code mention_index} is the position in {@code review_tags.aspects}.
   */
  public static final StructType ASPECT_MENTIONS_SCHEMA =
      createStructType(
          List.of(
              required("review_id", StringType),
              required("business_id", StringType),
              required("mention_index", IntegerType),
              required("category", StringType),
              required("polarity", StringType),
              required("confidence", DoubleType),
              required("sentence", StringType),
              required("start", IntegerType),
              required("end", IntegerType),
              required("model_version", StringType),
              required("run_id", StringType)));

  /**
   * A rate with its Wilson 95% interval, or nulls and the reason when the sample is too small
   * ({@code suppressed_reason}).
   */
  public static final StructType THEME_RATE =
      createStructType(
          List.of(
              required("category", StringType),
              required("complaint_reviews", LongType),
              required("praise_reviews", LongType),
              f("complaint_rate", DoubleType),
              f("complaint_rate_low", DoubleType),
              f("complaint_rate_high", DoubleType),
              f("praise_rate", DoubleType),
              f("praise_rate_low", DoubleType),
              f("praise_rate_high", DoubleType),
              f("suppressed_reason", StringType)));

  /** THEME_RATE plus the previous period's complaint rate and the change flag. */
  public static final StructType THEME_RATE_WITH_CHANGE =
      THEME_RATE
          .add(f("previous_complaint_rate", DoubleType))
          .add(f("previous_complaint_rate_low", DoubleType))
          .add(f("previous_complaint_rate_high", DoubleType))
          .add(required("complaint_rate_up", BooleanType));

  public static final StructType QUOTE =
      createStructType(
          List.of(
              required("review_id", StringType),
              required("sentence", StringType),
              required("start", IntegerType),
              required("end", IntegerType),
              f("created_at", TimestampType),
              f("rating", IntegerType)));

  public static final StructType TOP_COMPLAINT =
      createStructType(
          List.of(
              required("rank", IntegerType),
              required("category", StringType),
              required("complaint_reviews", LongType),
              f("complaint_rate", DoubleType),
              required("quotes", createArrayType(QUOTE, false))));

  public static final StructType RATING_HISTOGRAM =
      createStructType(
          List.of(
              required("stars_1", LongType),
              required("stars_2", LongType),
              required("stars_3", LongType),
              required("stars_4", LongType),
              required("stars_5", LongType)));

  /**
   * lake/business_summary: one row per business and period ({@code all_time}, {@code last_30d},
   * {@code last_90d}; the last two end at {@code as_of}, exclusive, and are compared with the
   * period of the same length before them).
   */
  public static final StructType BUSINESS_SUMMARY_SCHEMA =
      createStructType(
          List.of(
              required("business_id", StringType),
              f("business_name", StringType),
              f("business_category", StringType),
              f("city", StringType),
              required("period", StringType),
              f("period_start", TimestampType),
              required("period_end", TimestampType),
              required("review_count", LongType),
              required("tagged_count", LongType),
              required("finnish_count", LongType),
              required("rated_count", LongType),
              f("rating_mean", DoubleType),
              required("rating_histogram", RATING_HISTOGRAM),
              required("positive_count", LongType),
              required("neutral_count", LongType),
              required("negative_count", LongType),
              required("mixed_count", LongType),
              f("positive_share", DoubleType),
              f("neutral_share", DoubleType),
              f("negative_share", DoubleType),
              f("mixed_share", DoubleType),
              f("net_sentiment", DoubleType),
              required("themes", createArrayType(THEME_RATE_WITH_CHANGE, false)),
              required("top_complaints", createArrayType(TOP_COMPLAINT, false)),
              required("five_star_with_complaint", LongType),
              required("one_star_with_praise", LongType),
              required("mismatch_review_ids", createArrayType(StringType, false)),
              required("replied_count", LongType),
              f("reply_rate", DoubleType),
              required("negative_reviews", LongType),
              required("negative_replied", LongType),
              f("negative_reply_rate", DoubleType),
              f("negative_median_reply_hours", DoubleType),
              required("unanswered_negative", LongType),
              f("previous_review_count", LongType),
              f("previous_rating_mean", DoubleType),
              f("previous_net_sentiment", DoubleType),
              f("rating_change", DoubleType),
              f("net_sentiment_change", DoubleType),
              required("alerts", createArrayType(StringType, false)),
              f("peer_group", StringType),
              f("peer_count", LongType),
              f("rating_percentile", DoubleType),
              f("net_sentiment_percentile", DoubleType),
              f("first_review_at", TimestampType),
              f("last_review_at", TimestampType),
              required("min_reviews", IntegerType),
              required("model_version", StringType),
              required("run_id", StringType)));

  /** lake/business_monthly: one row per business and calendar month (UTC) with reviews. */
  public static final StructType BUSINESS_MONTHLY_SCHEMA =
      createStructType(
          List.of(
              required("business_id", StringType),
              f("business_name", StringType),
              required("month", org.apache.spark.sql.types.DataTypes.DateType),
              required("review_count", LongType),
              required("tagged_count", LongType),
              required("rated_count", LongType),
              f("rating_mean", DoubleType),
              required("positive_count", LongType),
              required("neutral_count", LongType),
              required("negative_count", LongType),
              required("mixed_count", LongType),
              f("net_sentiment", DoubleType),
              required("themes", createArrayType(THEME_RATE, false)),
              required("replied_count", LongType),
              required("min_reviews", IntegerType),
              required("model_version", StringType),
              required("run_id", StringType)));

  /** lake/processed_files: input files read by committed runs (for incremental runs). */
  public static final StructType PROCESSED_FILES_SCHEMA =
      createStructType(
          List.of(
              required("path", StringType),
              required("size", LongType),
              required("sha256", StringType),
              required("format", StringType),
              required("run_id", StringType),
              required("processed_at", TimestampType)));
}
