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

  /** Every table a nightly run writes, in the order of the documentation. */
  public static final java.util.List<String> ALL =
      java.util.List.of(
          REVIEWS,
          REJECTS,
          REVIEW_TAGS,
          ASPECT_MENTIONS,
          BUSINESS_SUMMARY,
          BUSINESS_MONTHLY,
          PROCESSED_FILES);

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
              return (nested ? c : c.cast(fl.dataType())).as(fl.name(), fl.metadata());
            })
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /** A nullable column; {@code doc} is its meaning, kept as the field's comment. */
  private static StructField f(String name, org.apache.spark.sql.types.DataType type, String doc) {
    return createStructField(name, type, true).withComment(doc);
  }

  /** A column that is never null. */
  private static StructField required(
      String name, org.apache.spark.sql.types.DataType type, String doc) {
    return createStructField(name, type, false).withComment(doc);
  }

  /** lake/reviews: canonical reviews, one row per review_id (latest version wins). */
  public static final StructType REVIEWS_SCHEMA =
      createStructType(
          List.of(
              required(
                  "review_id",
                  StringType,
                  "Source-qualified review id, `<source>:<id in the source>` (a hash of identifying fields when the source has none). Unique in the table."),
              required(
                  "source",
                  StringType,
                  "Input format the review came from: `jsonl`, `google-business`, `google-places`, `facebook`, `yelp`, `trustpilot`, `csv`."),
              required(
                  "business_id",
                  StringType,
                  "Business the review is about, as the source names it (or `--business-id`)."),
              f(
                  "business_name",
                  StringType,
                  "Business display name (record, business record, or `--business-name`)."),
              f(
                  "business_category",
                  StringType,
                  "Business category, free text from the source or `--business-category` (e.g. `kahvila`)."),
              f("city", StringType, "City of the business (record, business record or `--city`)."),
              f(
                  "author_id_hash",
                  StringType,
                  "First 32 hex digits of SHA-256(salt, lower-cased author name); null without `--author-salt`. Author names are never stored."),
              f(
                  "rating",
                  IntegerType,
                  "Star rating 1–5; null when the source has none (e.g. Facebook recommendations without stars)."),
              required(
                  "text",
                  StringType,
                  "Review text as written (UTF-8, not normalized; offsets in other tables point into it, in UTF-16 code units)."),
              f(
                  "language",
                  StringType,
                  "Detected language, ISO 639-1 (`fi`, `sv`, `en`, …) or `und` when the text has too few letters to tell."),
              f(
                  "source_language",
                  StringType,
                  "Language the source declared (e.g. Google `languageCode`), if any; used only when the text is undetermined."),
              f("created_at", TimestampType, "When the review was written (UTC)."),
              f(
                  "updated_at",
                  TimestampType,
                  "When the review was last edited (UTC), if the source says; the newest version wins deduplication."),
              f("owner_reply_text", StringType, "The business owner's public reply, if any."),
              f("owner_reply_at", TimestampType, "When the owner replied (UTC)."),
              required(
                  "ingest_file", StringType, "Input file URI the stored version was read from."),
              required(
                  "ingest_offset",
                  LongType,
                  "Position in `ingest_file`: byte offset of the line (JSON Lines, decompressed for .gz), of the top-level value (JSON documents; in UTF-16 or Windows-1252, in the document's UTF-8 form), or the line number (CSV)."),
              required(
                  "run_id",
                  StringType,
                  "Nightly run that stored this version (see `_runs/<run_id>.json`).")));

  /** lake/rejects: every input record that could not be used, with the reason. */
  public static final StructType REJECTS_SCHEMA =
      createStructType(
          List.of(
              required("ingest_file", StringType, "Input file URI."),
              required(
                  "ingest_offset",
                  LongType,
                  "Position of the record in the file, as `reviews.ingest_offset`."),
              required("reason", StringType, "Reject reason code (see the list below)."),
              f("detail", StringType, "Human-readable explanation (e.g. which field, what value)."),
              f(
                  "raw",
                  StringType,
                  "The record as far as it could be decoded, at most its first 4000 characters."),
              required("raw_bytes", IntegerType, "Size of the raw record in bytes."),
              required("raw_truncated", BooleanType, "True when `raw` was cut to the limit."),
              required("run_id", StringType, "Run that read the record.")));

  public static final StructType PROBABILITIES =
      createStructType(
          List.of(
              required(
                  "negative",
                  DoubleType,
                  "Calibrated probability that the review is negative (the four sum to 1)."),
              required("neutral", DoubleType, "Calibrated probability of neutral."),
              required("positive", DoubleType, "Calibrated probability of positive."),
              required(
                  "mixed",
                  DoubleType,
                  "Probability that the review is mixed (a clearly positive and a clearly negative sentence, or clause around a contrast word such as \"mutta\"); at least 0.5 exactly when `sentiment` is `mixed`.")));

  public static final StructType SENTENCE_SENTIMENT =
      createStructType(
          List.of(
              required(
                  "start",
                  IntegerType,
                  "Sentence start offset in `reviews.text` (UTF-16 code units, inclusive)."),
              required("end", IntegerType, "Sentence end offset (exclusive)."),
              required("sentiment", StringType, "`positive`, `neutral` or `negative`."),
              required(
                  "score", DoubleType, "P(positive) − P(negative) of the sentence, in [-1, 1].")));

  public static final StructType ASPECT =
      createStructType(
          List.of(
              required(
                  "category", StringType, "Service-quality theme id (see the taxonomy below)."),
              required("polarity", StringType, "`complaint` or `praise`."),
              required(
                  "confidence",
                  DoubleType,
                  "Confidence of the mention in [0, 1] (pattern strength combined with sentence sentiment)."),
              required("sentence", StringType, "The evidence sentence, verbatim from the review."),
              required(
                  "start", IntegerType, "Sentence start offset in `reviews.text` (inclusive)."),
              required("end", IntegerType, "Sentence end offset (exclusive).")));

  /**
   * lake/review_tags: sentiment (positive / neutral / negative / mixed, calibrated probabilities,
   * score, per-sentence sentiment with offsets) and themes per review, with the model version.
   */
  public static final StructType REVIEW_TAGS_SCHEMA =
      createStructType(
          List.of(
              required("review_id", StringType, "Review (`reviews.review_id`)."),
              required("business_id", StringType, "Business of the review."),
              required(
                  "sentiment",
                  StringType,
                  "Document label: `positive`, `neutral`, `negative` or `mixed`."),
              required(
                  "probabilities", PROBABILITIES, "Calibrated probabilities of the four labels."),
              required("score", DoubleType, "P(positive) − P(negative), in [-1, 1]."),
              required(
                  "sentences",
                  createArrayType(SENTENCE_SENTIMENT, false),
                  "Per-sentence sentiment, in text order."),
              required(
                  "aspects",
                  createArrayType(ASPECT, false),
                  "Service-quality theme mentions with their evidence sentence, in text order."),
              required(
                  "model_version",
                  StringType,
                  "Model bundle that tagged the review: `analyzer-fi@<sha>+sentiment-fi@<sha>+themes-fi@<sha>` (12 hex digits of each model file's SHA-256)."),
              required(
                  "run_id",
                  StringType,
                  "Run that tagged the review (tags of unchanged reviews are kept across runs while the model version is the same).")));

  /**
   * lake/aspect_mentions: one row per service-quality theme mention (review, category, polarity,
   * evidence sentence); {@code mention_index} is the position in {@code review_tags.aspects}.
   */
  public static final StructType ASPECT_MENTIONS_SCHEMA =
      createStructType(
          List.of(
              required("review_id", StringType, "Review (`reviews.review_id`)."),
              required("business_id", StringType, "Business of the review."),
              required(
                  "mention_index",
                  IntegerType,
                  "Position of the mention in `review_tags.aspects` (0-based)."),
              required("category", StringType, "Service-quality theme id."),
              required("polarity", StringType, "`complaint` or `praise`."),
              required("confidence", DoubleType, "Confidence in [0, 1]."),
              required(
                  "sentence",
                  StringType,
                  "Evidence sentence, verbatim (not masked: the lake holds the full text; reports mask it)."),
              required(
                  "start", IntegerType, "Sentence start offset in `reviews.text` (inclusive)."),
              required("end", IntegerType, "Sentence end offset (exclusive)."),
              required(
                  "model_version", StringType, "Model bundle, as `review_tags.model_version`."),
              required("run_id", StringType, "Run that tagged the review.")));

  /**
   * A rate with its Wilson 95% interval, or nulls and the reason when the sample is too small
   * ({@code suppressed_reason}).
   */
  public static final StructType THEME_RATE =
      createStructType(
          List.of(
              required(
                  "category",
                  StringType,
                  "Service-quality theme id; every category of the taxonomy has an entry, zeros included."),
              required(
                  "complaint_reviews",
                  LongType,
                  "Tagged reviews with at least one complaint mention of the category."),
              required(
                  "praise_reviews",
                  LongType,
                  "Tagged reviews with at least one praise mention of the category."),
              f(
                  "complaint_rate",
                  DoubleType,
                  "complaint_reviews ÷ tagged_count, a fraction in [0, 1]; null when suppressed."),
              f(
                  "complaint_rate_low",
                  DoubleType,
                  "Lower bound of the Wilson 95% interval of complaint_rate."),
              f(
                  "complaint_rate_high",
                  DoubleType,
                  "Upper bound of the Wilson 95% interval of complaint_rate."),
              f(
                  "praise_rate",
                  DoubleType,
                  "praise_reviews ÷ tagged_count, in [0, 1]; null when suppressed."),
              f(
                  "praise_rate_low",
                  DoubleType,
                  "Lower bound of the Wilson 95% interval of praise_rate."),
              f(
                  "praise_rate_high",
                  DoubleType,
                  "Upper bound of the Wilson 95% interval of praise_rate."),
              f(
                  "suppressed_reason",
                  StringType,
                  "Why the rates are null, e.g. `fewer than 10 tagged reviews (n=3)`; null when they are given.")));

  /** THEME_RATE plus the previous period's complaint rate and the change flag. */
  public static final StructType THEME_RATE_WITH_CHANGE =
      THEME_RATE
          .add(
              f(
                  "previous_complaint_rate",
                  DoubleType,
                  "complaint_rate of the previous period of the same length (null for all_time or when suppressed)."))
          .add(
              f(
                  "previous_complaint_rate_low",
                  DoubleType,
                  "Lower Wilson bound of previous_complaint_rate."))
          .add(
              f(
                  "previous_complaint_rate_high",
                  DoubleType,
                  "Upper Wilson bound of previous_complaint_rate."))
          .add(
              required(
                  "complaint_rate_up",
                  BooleanType,
                  "True when this period's interval lies wholly above the previous period's."));

  public static final StructType QUOTE =
      createStructType(
          List.of(
              required("review_id", StringType, "Review quoted."),
              required(
                  "sentence",
                  StringType,
                  "Evidence sentence with personal data masked (`[nimi]`, `[puhelin]`, `[sähköposti]`, `[rekisterinumero]`, …)."),
              required(
                  "start", IntegerType, "Sentence start offset in the original `reviews.text`."),
              required("end", IntegerType, "Sentence end offset (exclusive)."),
              f("created_at", TimestampType, "When the quoted review was written (UTC)."),
              f("rating", IntegerType, "Star rating of the quoted review.")));

  public static final StructType TOP_COMPLAINT =
      createStructType(
          List.of(
              required("rank", IntegerType, "1 = the category with the most complaint reviews."),
              required("category", StringType, "Service-quality theme id."),
              required(
                  "complaint_reviews",
                  LongType,
                  "Reviews with a complaint of the category in the period."),
              f("complaint_rate", DoubleType, "As in `themes`; null when suppressed."),
              required("quotes", createArrayType(QUOTE, false), "Up to 3 quotes, newest first.")));

  public static final StructType RATING_HISTOGRAM =
      createStructType(
          List.of(
              required("stars_1", LongType, "Reviews with 1 star."),
              required("stars_2", LongType, "Reviews with 2 stars."),
              required("stars_3", LongType, "Reviews with 3 stars."),
              required("stars_4", LongType, "Reviews with 4 stars."),
              required("stars_5", LongType, "Reviews with 5 stars.")));

  /**
   * lake/business_summary: one row per business and period ({@code all_time}, {@code last_30d},
   * {@code last_90d}; the last two end at {@code as_of}, exclusive, and are compared with the
   * period of the same length before them).
   */
  public static final StructType BUSINESS_SUMMARY_SCHEMA =
      createStructType(
          List.of(
              required("business_id", StringType, "Business."),
              f("business_name", StringType, "Business name (from its latest review)."),
              f("business_category", StringType, "Business category."),
              f("city", StringType, "City."),
              required(
                  "period",
                  StringType,
                  "`all_time`, `last_30d` or `last_90d`; every business has all three rows."),
              f(
                  "period_start",
                  TimestampType,
                  "Start of the period (UTC, inclusive); null for all_time."),
              required(
                  "period_end",
                  TimestampType,
                  "End of the period (UTC, exclusive): the end of the `--as-of` day."),
              required("review_count", LongType, "Reviews in the period, all languages."),
              required(
                  "tagged_count",
                  LongType,
                  "Reviews the models analysed (Finnish and undetermined): the denominator of shares and rates."),
              required("finnish_count", LongType, "Reviews detected as Finnish."),
              required("rated_count", LongType, "Reviews with a star rating."),
              f(
                  "rating_mean",
                  DoubleType,
                  "Mean star rating (1–5) of the rated reviews; null without ratings."),
              required("rating_histogram", RATING_HISTOGRAM, "Reviews per star rating."),
              required("positive_count", LongType, "Tagged reviews labelled positive."),
              required("neutral_count", LongType, "Tagged reviews labelled neutral."),
              required("negative_count", LongType, "Tagged reviews labelled negative."),
              required("mixed_count", LongType, "Tagged reviews labelled mixed."),
              f(
                  "positive_share",
                  DoubleType,
                  "positive_count ÷ tagged_count, in [0, 1]; null when nothing is tagged."),
              f("neutral_share", DoubleType, "neutral_count ÷ tagged_count."),
              f("negative_share", DoubleType, "negative_count ÷ tagged_count."),
              f("mixed_share", DoubleType, "mixed_count ÷ tagged_count."),
              f(
                  "net_sentiment",
                  DoubleType,
                  "(positive − negative) ÷ tagged × 100, in [-100, 100] (points)."),
              required(
                  "themes",
                  createArrayType(THEME_RATE_WITH_CHANGE, false),
                  "One entry per taxonomy category: complaint and praise rates with intervals and the change against the previous period."),
              required(
                  "top_complaints",
                  createArrayType(TOP_COMPLAINT, false),
                  "Up to 3 categories with the most complaint reviews, with masked quotes."),
              required(
                  "five_star_with_complaint",
                  LongType,
                  "5-star reviews with a complaint mention or negative sentiment (rating–text mismatch)."),
              required(
                  "one_star_with_praise",
                  LongType,
                  "1-star reviews with a praise mention or positive sentiment."),
              required(
                  "mismatch_review_ids",
                  createArrayType(StringType, false),
                  "Up to 5 review ids of such mismatches."),
              required("replied_count", LongType, "Reviews with an owner reply."),
              f("reply_rate", DoubleType, "replied_count ÷ review_count, in [0, 1]."),
              required(
                  "negative_reviews",
                  LongType,
                  "Negative reviews: sentiment negative, or rating 1–2 when not tagged."),
              required("negative_replied", LongType, "Negative reviews with an owner reply."),
              f(
                  "negative_reply_rate",
                  DoubleType,
                  "negative_replied ÷ negative_reviews, in [0, 1]."),
              f(
                  "negative_median_reply_hours",
                  DoubleType,
                  "Median of owner_reply_at − created_at over replied negative reviews, in hours."),
              required("unanswered_negative", LongType, "Negative reviews without a reply."),
              f(
                  "previous_review_count",
                  LongType,
                  "review_count of the previous period of the same length (null for all_time)."),
              f("previous_rating_mean", DoubleType, "rating_mean of the previous period."),
              f("previous_net_sentiment", DoubleType, "net_sentiment of the previous period."),
              f("rating_change", DoubleType, "rating_mean − previous_rating_mean, in stars."),
              f(
                  "net_sentiment_change",
                  DoubleType,
                  "net_sentiment − previous_net_sentiment, in points."),
              required(
                  "alerts",
                  createArrayType(StringType, false),
                  "`complaint_rate_up:<category>`, `rating_drop` (≥ 0.5 stars down), `net_sentiment_drop` (≥ 20 points down); drops only when both periods have min_reviews."),
              f(
                  "peer_group",
                  StringType,
                  "`business_category=…, city=…` when the city has at least `--min-peers` eligible businesses, else `business_category=…`; null without peers."),
              f(
                  "peer_count",
                  LongType,
                  "Eligible businesses in the peer group (at least min_reviews tagged reviews in the period)."),
              f("rating_percentile", DoubleType, "100 × share of peers with a lower rating_mean."),
              f(
                  "net_sentiment_percentile",
                  DoubleType,
                  "100 × share of peers with a lower net_sentiment."),
              f(
                  "first_review_at",
                  TimestampType,
                  "Oldest review of the business (UTC), any period."),
              f("last_review_at", TimestampType, "Newest review of the business (UTC)."),
              required(
                  "min_reviews",
                  IntegerType,
                  "Minimum tagged reviews for a rate to be given (`--min-reviews`)."),
              required("model_version", StringType, "Model bundle of the tags summarized."),
              required("run_id", StringType, "Run that computed the summary.")));

  /** lake/business_monthly: one row per business and calendar month (UTC) with reviews. */
  public static final StructType BUSINESS_MONTHLY_SCHEMA =
      createStructType(
          List.of(
              required("business_id", StringType, "Business."),
              f("business_name", StringType, "Business name."),
              required(
                  "month",
                  org.apache.spark.sql.types.DataTypes.DateType,
                  "First day of the calendar month (UTC) of `created_at`."),
              required("review_count", LongType, "Reviews written in the month, all languages."),
              required(
                  "tagged_count",
                  LongType,
                  "Reviews analysed by the models (Finnish and undetermined)."),
              required("rated_count", LongType, "Reviews with a star rating."),
              f("rating_mean", DoubleType, "Mean star rating."),
              required("positive_count", LongType, "Tagged reviews labelled positive."),
              required("neutral_count", LongType, "Tagged reviews labelled neutral."),
              required("negative_count", LongType, "Tagged reviews labelled negative."),
              required("mixed_count", LongType, "Tagged reviews labelled mixed."),
              f("net_sentiment", DoubleType, "(positive − negative) ÷ tagged × 100, in points."),
              required(
                  "themes",
                  createArrayType(THEME_RATE, false),
                  "Complaint and praise rates per category, as in business_summary without the change fields."),
              required("replied_count", LongType, "Reviews of the month with an owner reply."),
              required(
                  "min_reviews", IntegerType, "Minimum tagged reviews for a rate to be given."),
              required("model_version", StringType, "Model bundle of the tags summarized."),
              required("run_id", StringType, "Run that computed the row.")));

  /** lake/processed_files: input files read by committed runs (for incremental runs). */
  public static final StructType PROCESSED_FILES_SCHEMA =
      createStructType(
          List.of(
              required("path", StringType, "Input file URI as read."),
              required("size", LongType, "File size in bytes."),
              required(
                  "sha256",
                  StringType,
                  "SHA-256 of the file's bytes (hex); a file with this content is skipped by later runs unless `--reprocess`."),
              required("format", StringType, "Input format it was read as."),
              required("run_id", StringType, "Run that processed it."),
              required("processed_at", TimestampType, "When that run committed (UTC).")));
}
