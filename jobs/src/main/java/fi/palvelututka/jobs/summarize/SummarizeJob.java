package fi.palvelututka.jobs.summarize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.jobs.tag.TagJob;
import fi.palvelututka.models.privacy.PersonalDataMasker;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeCategory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarize: from the lake's reviews, review_tags and aspect_mentions, writes {@code
 * business_summary} (per business and period) and {@code business_monthly} (per business and
 * month). Definitions (also in README "Output tables"):
 *
 * <ul>
 *   <li>Periods: {@code all_time}; {@code last_30d} and {@code last_90d} end at the end of the
 *       {@code as_of} day (UTC, exclusive) and are compared with the 30 / 90 days before them.
 *   <li>Sentiment shares, net sentiment and theme rates are over the <em>tagged</em> reviews
 *       (Finnish or undetermined language). A theme's complaint rate is the share of tagged reviews
 *       with at least one complaint mention of it; likewise praise. Rates come with a Wilson 95%
 *       interval; from fewer than {@code min_reviews} tagged reviews they are null and {@code
 *       suppressed_reason} says why (never a misleading 0%).
 *   <li>Top complaints: the 3 categories with most complaint reviews, with up to 3 quotes each (the
 *       newest), personal data masked; start / end point into the original review text.
 *   <li>Negative review (for reply statistics): sentiment negative, or rating 1–2 when the review
 *       is not tagged. Reply time = owner_reply_at − created_at, in hours.
 *   <li>Alerts: {@code complaint_rate_up:<category>} when the complaint rate's interval lies wholly
 *       above the previous period's; {@code rating_drop} when the mean rating fell by {@value
 *       #RATING_DROP} stars or more, {@code net_sentiment_drop} when net sentiment fell by {@value
 *       #NET_SENTIMENT_DROP} points or more (both periods with at least min_reviews).
 *   <li>Peers: businesses of the same category and city (or of the same category, when the city has
 *       fewer than {@code min_peers}) with at least min_reviews tagged reviews in the period;
 *       percentile = 100 × share of the peers ranked below (percent_rank).
 * </ul>
 */
public final class SummarizeJob {

  private static final Logger LOG = LoggerFactory.getLogger(SummarizeJob.class);

  public static final String PERIOD_ALL = "all_time";
  public static final String LAST_30 = "last_30d";
  public static final String LAST_90 = "last_90d";
  static final String PREV_30 = "prev_30d";
  static final String PREV_90 = "prev_90d";

  /** Periods written per business (all_time, last_30d, last_90d). */
  static final int CURRENT_PERIODS = 3;

  public static final int DEFAULT_MIN_REVIEWS = 10;
  public static final int DEFAULT_MIN_PEERS = 5;
  public static final double RATING_DROP = 0.5;
  public static final double NET_SENTIMENT_DROP = 20.0;
  public static final int TOP_CATEGORIES = 3;
  public static final int QUOTES = 3;
  public static final int MISMATCH_IDS = 5;

  /**
   * @param asOf last day of the rolling periods (UTC)
   * @param minReviews fewest tagged reviews a rate is shown from
   * @param minPeers fewest peers a percentile is computed among
   */
  public record Options(LocalDate asOf, int minReviews, int minPeers) {
    public Options {
      if (asOf == null) {
        throw new IllegalArgumentException("Invalid as-of date (none)");
      }
      if (minReviews < 1) {
        throw new IllegalArgumentException("Invalid minimum sample (must be >= 1): " + minReviews);
      }
      if (minPeers < 2) {
        throw new IllegalArgumentException("Invalid minimum peers (must be >= 2): " + minPeers);
      }
    }

    public static Options defaults() {
      return new Options(LocalDate.now(ZoneOffset.UTC), DEFAULT_MIN_REVIEWS, DEFAULT_MIN_PEERS);
    }
  }

  /** Rows written. */
  public record Result(long summaryRows, long monthlyRows, long businesses) {}

  private final SparkSession spark;
  private final Options options;

  public SummarizeJob(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  public Result execute(Lake lake) {
    return execute(lake, lake::readStaged);
  }

  /**
   * As {@link #execute(Lake)}, reading the reviews, review_tags and aspect_mentions tables with
   * {@code inputs} (by table name) instead of this run's staged ones: {@code bench summarize} reads
   * a committed lake's. The outputs are staged in {@code lake} as always.
   */
  public Result execute(Lake lake, Function<String, Dataset<Row>> inputs) {
    spark.sparkContext().setJobGroup("summarize", "palvelututka summarize", false);
    // The base is read three times: written once as a staged work table (Parquet), each pass reads
    // only its columns, vectorized. (A DISK_ONLY cache deserialized every column on each pass; in
    // memory, at millions of reviews, it left the Parquet readers no heap.)
    lake.writeStaged(base(inputs), BASE);
    Dataset<Row> base = lake.readStaged(BASE);
    Dataset<Row> all = null;
    Dataset<Row> core = null;
    Dataset<Row> rates = null;
    try {
      String runId = lake.runId();
      Instant end = options.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Map<String, Column> periods = new LinkedHashMap<>();
      periods.put(PERIOD_ALL, lit(true));
      periods.put(LAST_30, window(end, 30, 0));
      periods.put(LAST_90, window(end, 90, 0));
      periods.put(PREV_30, window(end, 60, 30));
      periods.put(PREV_90, window(end, 180, 90));
      // One row per review and summary key it counts towards: each period it falls in, and its
      // month. All keys are aggregated in one pass over the base (not one pass per period).
      List<Column> keys = new ArrayList<>();
      for (Map.Entry<String, Column> p : periods.entrySet()) {
        keys.add(when(p.getValue(), struct(lit(p.getKey()).as("period"), NO_MONTH.as("month"))));
      }
      keys.add(
          when(col("month").isNotNull(), struct(NO_PERIOD.as("period"), col("month").as("month"))));
      Dataset<Row> keyed =
          base.withColumn("_key", explode(array_compact(array(keys.toArray(new Column[0])))))
              .withColumn("period", col("_key.period"))
              .withColumn("month", col("_key.month"))
              .drop("_key");
      all = aggregate(keyed).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> periodCounts = all.filter(col("period").isNotNull()).drop("month");
      // every review counts towards all_time: its rows name every business
      Dataset<Row> businesses =
          periodCounts
              .filter(col("period").equalTo(PERIOD_ALL))
              .select("business_id", "business_name", "business_category", "city");
      Dataset<Row> grid =
          businesses.crossJoin(
              spark
                  .createDataset(new ArrayList<>(periods.keySet()), Encoders.STRING())
                  .toDF("period"));
      core =
          fillCounts(
              grid.join(
                  periodCounts.drop("business_name", "business_category", "city"),
                  on("business_id", "period"),
                  "left"));
      core = core.persist(StorageLevel.MEMORY_AND_DISK());

      rates = themeRates(core, "period").persist(StorageLevel.MEMORY_AND_DISK());
      Column isPrev = col("period").isin(PREV_30, PREV_90);
      Column prevOf = when(col("period").equalTo(PREV_30), LAST_30).otherwise(LAST_90);
      Dataset<Row> prevRates =
          rates
              .filter(isPrev)
              .select(
                  col("business_id"),
                  prevOf.as("period"),
                  col("category"),
                  col("complaint_rate").as("previous_complaint_rate"),
                  col("complaint_rate_low").as("previous_complaint_rate_low"),
                  col("complaint_rate_high").as("previous_complaint_rate_high"));
      Dataset<Row> themes =
          rates
              .filter(not(isPrev))
              .join(prevRates, on("business_id", "period", "category"), "left")
              .withColumn(
                  "complaint_rate_up",
                  coalesce(
                      col("complaint_rate_low").gt(col("previous_complaint_rate_high")),
                      lit(false)))
              .groupBy("business_id", "period")
              .agg(sort_array(collect_list(structOf(Tables.THEME_RATE_WITH_CHANGE))).as("themes"));

      Dataset<Row> top =
          topComplaints(
              keyed.filter(col("period").isin(PERIOD_ALL, LAST_30, LAST_90)),
              rates.filter(not(isPrev)),
              inputs
                  .apply(Tables.ASPECT_MENTIONS)
                  .filter(col("polarity").equalTo("complaint"))
                  .select(
                      "review_id",
                      "category",
                      "mention_index",
                      "confidence",
                      "start",
                      "end",
                      "sentence"));

      Dataset<Row> prevCore =
          core.filter(isPrev)
              .select(
                  col("business_id"),
                  prevOf.as("period"),
                  col("review_count").as("previous_review_count"),
                  col("rating_mean").as("previous_rating_mean"),
                  col("net_sentiment").as("previous_net_sentiment"),
                  col("rated_count").as("_prev_rated"),
                  col("tagged_count").as("_prev_tagged"));
      int minN = options.minReviews();
      Instant start30 = end.minusSeconds(30L * 86400);
      Instant start90 = end.minusSeconds(90L * 86400);
      Dataset<Row> summary =
          core.filter(not(isPrev))
              .join(prevCore, on("business_id", "period"), "left")
              .join(themes, on("business_id", "period"), "left")
              .join(top, on("business_id", "period"), "left")
              .withColumn(
                  "period_start",
                  when(col("period").equalTo(LAST_30), lit(Timestamp.from(start30)))
                      .when(col("period").equalTo(LAST_90), lit(Timestamp.from(start90))))
              .withColumn("period_end", lit(Timestamp.from(end)))
              .withColumn("rating_change", col("rating_mean").minus(col("previous_rating_mean")))
              .withColumn(
                  "net_sentiment_change", col("net_sentiment").minus(col("previous_net_sentiment")))
              .withColumn(
                  "top_complaints",
                  coalesce(
                      col("top_complaints"),
                      expr("array()").cast(DataTypes.createArrayType(Tables.TOP_COMPLAINT, false))))
              .withColumn(
                  "alerts",
                  array_compact(
                      concat(
                          expr(
                              "transform(filter(themes, t -> t.complaint_rate_up),"
                                  + " t -> concat('complaint_rate_up:', t.category))"),
                          array(
                              when(
                                  col("rated_count")
                                      .geq(minN)
                                      .and(col("_prev_rated").geq(minN))
                                      .and(col("rating_change").leq(-RATING_DROP)),
                                  lit("rating_drop")),
                              when(
                                  col("tagged_count")
                                      .geq(minN)
                                      .and(col("_prev_tagged").geq(minN))
                                      .and(col("net_sentiment_change").leq(-NET_SENTIMENT_DROP)),
                                  lit("net_sentiment_drop"))))))
              .withColumn("min_reviews", lit(minN))
              .withColumn("run_id", lit(runId));
      summary = peers(summary);
      lake.writeStaged(
          Tables.conform(summary, Tables.BUSINESS_SUMMARY_SCHEMA).coalesce(1),
          Tables.BUSINESS_SUMMARY);

      Dataset<Row> monthlyCore =
          fillCounts(
              all.filter(col("month").isNotNull()).drop("period", "business_category", "city"));
      Dataset<Row> monthlyThemes =
          themeRates(monthlyCore, "month")
              .groupBy("business_id", "month")
              .agg(sort_array(collect_list(structOf(Tables.THEME_RATE))).as("themes"));
      Dataset<Row> monthly =
          monthlyCore
              .join(monthlyThemes, on("business_id", "month"), "left")
              .withColumn("min_reviews", lit(minN))
              .withColumn("run_id", lit(runId));
      lake.writeStaged(
          Tables.conform(monthly, Tables.BUSINESS_MONTHLY_SCHEMA).coalesce(1),
          Tables.BUSINESS_MONTHLY);

      long rows = lake.readStaged(Tables.BUSINESS_SUMMARY).count();
      long monthRows = lake.readStaged(Tables.BUSINESS_MONTHLY).count();
      long businessCount = rows / CURRENT_PERIODS;
      LOG.info(
          "summarize: {} businesses, {} summary rows (as of {}), {} business-months",
          businessCount,
          rows,
          options.asOf(),
          monthRows);
      return new Result(rows, monthRows, businessCount);
    } finally {
      for (Dataset<Row> d : java.util.Arrays.asList(rates, core, all)) {
        if (d != null) {
          d.unpersist();
        }
      }
      deleteBase(lake);
      spark.sparkContext().clearJobGroup();
    }
  }

  /** The staged work table of {@link #base} (deleted when summarize ends; never committed). */
  static final String BASE = "summary_work";

  private static void deleteBase(Lake lake) {
    try {
      lake.deleteStaged(BASE);
    } catch (java.io.IOException e) {
      LOG.warn(
          "summarize: could not delete the work table {}: {}", lake.staged(BASE), e.toString());
    }
  }

  /** One row per review with what the summaries need. */
  private Dataset<Row> base(Function<String, Dataset<Row>> inputs) {
    Dataset<Row> reviews =
        inputs
            .apply(Tables.REVIEWS)
            .select(
                col("review_id"),
                col("business_id"),
                col("business_name"),
                col("business_category"),
                col("city"),
                col("rating"),
                col("language"),
                col("created_at"),
                // the reply text itself is not needed: keep it out of the join
                col("owner_reply_text")
                    .isNotNull()
                    .or(col("owner_reply_at").isNotNull())
                    .as("replied"),
                col("owner_reply_at"));
    // The categories a review complains about / praises, from its own aspects array: no group-by
    // of aspect_mentions (one row per mention) and no join back to the reviews. Only the aspects'
    // small fields are read (aspects.category etc.: Parquet reads those columns, not the evidence
    // sentences), and the categories are kept as a bit per taxonomy category.
    Dataset<Row> tags =
        inputs
            .apply(Tables.REVIEW_TAGS)
            .select(
                col("review_id"),
                col("sentiment"),
                col("model_version"),
                col("aspects.category").as("a_category"),
                col("aspects.polarity").as("a_polarity"))
            .select(
                col("review_id"),
                col("sentiment"),
                col("model_version"),
                categoryBits("complaint").as("complaint_bits"),
                categoryBits("praise").as("praise_bits"));
    Column negative =
        col("sentiment")
            .equalTo("negative")
            .or(col("sentiment").isNull().and(col("rating").leq(2)));
    return reviews
        .join(tags, "review_id", "left")
        .withColumn("complaint_bits", coalesce(col("complaint_bits"), lit(0L)))
        .withColumn("praise_bits", coalesce(col("praise_bits"), lit(0L)))
        .withColumn("tagged", col("sentiment").isNotNull())
        .withColumn("negative", coalesce(negative, lit(false)))
        .withColumn(
            "reply_hours",
            when(
                col("owner_reply_at").geq(col("created_at")),
                col("owner_reply_at")
                    .cast("double")
                    .minus(col("created_at").cast("double"))
                    .divide(3600.0)))
        .withColumn(
            "five_star_complaint",
            coalesce(
                col("rating")
                    .equalTo(5)
                    .and(
                        col("complaint_bits")
                            .notEqual(0L)
                            .or(col("sentiment").equalTo("negative"))),
                lit(false)))
        .withColumn(
            "one_star_praise",
            coalesce(
                col("rating")
                    .equalTo(1)
                    .and(col("praise_bits").notEqual(0L).or(col("sentiment").equalTo("positive"))),
                lit(false)))
        .withColumn("month", trunc(col("created_at"), "month"));
  }

  /**
   * The categories of a review_tags row's aspects with this polarity, as bits: bit i set when the
   * row has a mention of the taxonomy's i-th category ({@link #CATEGORY_IDS}).
   */
  private static Column categoryBits(String polarity) {
    String ids = categoryArray();
    return expr(
        "aggregate(zip_with(a_category, a_polarity, (c, p) -> if(p = '"
            + polarity
            + "', array_position("
            + ids
            + ", c), 0L)), 0L, (bits, k) -> if(k > 0, bits | shiftleft(1L, cast(k - 1 as int)),"
            + " bits))");
  }

  /** The taxonomy's category ids as an SQL array literal, in bit order. */
  private static String categoryArray() {
    return CATEGORY_IDS.stream()
        .map(c -> "'" + c + "'")
        .collect(Collectors.joining(", ", "array(", ")"));
  }

  private static Column window(Instant end, int fromDaysBack, int toDaysBack) {
    Timestamp from = Timestamp.from(end.minusSeconds(fromDaysBack * 86400L));
    Timestamp to = Timestamp.from(end.minusSeconds(toDaysBack * 86400L));
    return col("created_at").geq(lit(from)).and(col("created_at").lt(lit(to)));
  }

  /** The taxonomy's category ids, in its order (at most 63: one bit each in a long). */
  private static final List<String> CATEGORY_IDS = categoryIds();

  private static List<String> categoryIds() {
    List<String> ids = Taxonomy.shipped().categories().stream().map(ThemeCategory::id).toList();
    if (ids.size() > 63) {
      throw new IllegalStateException("More than 63 theme categories: " + ids.size());
    }
    return ids;
  }

  private static String complaintCount(int category) {
    return "_complaint_reviews_" + category;
  }

  private static String praiseCount(int category) {
    return "_praise_reviews_" + category;
  }

  private static final Column NO_PERIOD = lit(null).cast(DataTypes.StringType);
  private static final Column NO_MONTH = lit(null).cast(DataTypes.DateType);

  /**
   * Counts, rating, sentiment, replies and per-category complaint / praise review counts per
   * business and key (period or month; the other is null), in one pass over the keyed rows; the
   * business's name, category and city. For the periods also the mismatch ids and the median reply
   * time to negative reviews: object aggregates, which Spark sorts for, so they come from the few
   * rows that have them.
   *
   * <p>Spark aggregates string values (latest name, latest model version) by sorting every row, so
   * the pass over the reviews groups by the strings too and aggregates only numbers, in a hash
   * table; a second, small aggregation over its result (one row per key, more only when a business
   * has several names or model versions) combines them.
   */
  private static Dataset<Row> aggregate(Dataset<Row> keyed) {
    Map<String, Column> counts = new LinkedHashMap<>();
    counts.put("review_count", count(lit(1)));
    counts.put("tagged_count", countIf(col("tagged")));
    counts.put("finnish_count", countIf(col("language").equalTo("fi")));
    counts.put("rated_count", count(col("rating")));
    counts.put("_rating_sum", sum(col("rating").cast("long")));
    for (int stars = 1; stars <= 5; stars++) {
      counts.put("stars_" + stars, countIf(col("rating").equalTo(stars)));
    }
    for (String label : List.of("positive", "neutral", "negative", "mixed")) {
      counts.put(label + "_count", countIf(col("sentiment").equalTo(label)));
    }
    counts.put("five_star_with_complaint", countIf(col("five_star_complaint")));
    counts.put("one_star_with_praise", countIf(col("one_star_praise")));
    counts.put("replied_count", countIf(col("replied")));
    counts.put("negative_reviews", countIf(col("negative")));
    counts.put("negative_replied", countIf(col("negative").and(col("replied"))));
    for (int i = 0; i < CATEGORY_IDS.size(); i++) {
      counts.put(
          complaintCount(i), sum(shiftrightunsigned(col("complaint_bits"), i).bitwiseAND(1L)));
      counts.put(praiseCount(i), sum(shiftrightunsigned(col("praise_bits"), i).bitwiseAND(1L)));
    }
    List<Column> numbers = new ArrayList<>();
    List<Column> combined = new ArrayList<>();
    counts.forEach(
        (name, c) -> {
          numbers.add(c.as(name));
          combined.add(sum(col(name)).as(name));
        });
    numbers.add(min("created_at").as("first_review_at"));
    numbers.add(max("created_at").as("last_review_at"));
    combined.add(min("first_review_at").as("first_review_at"));
    combined.add(max("last_review_at").as("last_review_at"));
    combined.add(latest("business_category").as("business_category"));
    combined.add(latest("city").as("city"));
    combined.add(max("model_version").as("model_version"));
    Dataset<Row> perKey =
        keyed
            .groupBy(
                col("business_id"),
                col("period"),
                col("month"),
                col("business_name"),
                col("business_category"),
                col("city"),
                col("model_version"))
            .agg(numbers.get(0), numbers.subList(1, numbers.size()).toArray(new Column[0]))
            .groupBy(col("business_id"), col("period"), col("month"))
            .agg(latest("business_name").as("business_name"), combined.toArray(new Column[0]))
            .withColumn(
                "rating_mean",
                when(
                    col("rated_count").gt(0),
                    col("_rating_sum").cast("double").divide(col("rated_count").cast("double"))))
            .drop("_rating_sum");
    Column mismatch = col("five_star_complaint").or(col("one_star_praise"));
    Column replyToNegative = col("negative").and(col("reply_hours").isNotNull());
    // collect_list and median skip nulls: each sees only its own rows
    Dataset<Row> few =
        keyed
            .filter(col("period").isNotNull().and(mismatch.or(replyToNegative)))
            .groupBy(col("business_id"), col("period"))
            .agg(
                slice(sort_array(collect_list(when(mismatch, col("review_id")))), 1, MISMATCH_IDS)
                    .as("mismatch_review_ids"),
                median(when(replyToNegative, col("reply_hours")))
                    .as("negative_median_reply_hours"));
    // month rows (period null) match no row of `few`
    return perKey.join(few, on("business_id", "period"), "left");
  }

  /**
   * The value of a business field (name, category, city) in the key's latest reviews that have one
   * (a business renamed or moved shows its new name); any value when no review has a date.
   */
  private static Column latest(String field) {
    return coalesce(
        org.apache.spark.sql.functions.max_by(
            col(field), when(col(field).isNotNull(), col("last_review_at"))),
        first(field, true));
  }

  private static final List<String> COUNTS =
      List.of(
          "review_count",
          "tagged_count",
          "finnish_count",
          "rated_count",
          "stars_1",
          "stars_2",
          "stars_3",
          "stars_4",
          "stars_5",
          "positive_count",
          "neutral_count",
          "negative_count",
          "mixed_count",
          "five_star_with_complaint",
          "one_star_with_praise",
          "replied_count",
          "negative_reviews",
          "negative_replied");

  /** Zero counts for empty periods, then the shares and rates derived from the counts. */
  private static Dataset<Row> fillCounts(Dataset<Row> d) {
    List<String> counts = new ArrayList<>(COUNTS);
    for (int i = 0; i < CATEGORY_IDS.size(); i++) {
      counts.add(complaintCount(i));
      counts.add(praiseCount(i));
    }
    Dataset<Row> f = d.na().fill(0L, counts.toArray(new String[0]));
    Column tagged = col("tagged_count");
    f =
        f.withColumn(
                "mismatch_review_ids",
                coalesce(col("mismatch_review_ids"), expr("cast(array() as array<string>)")))
            .withColumn("model_version", coalesce(col("model_version"), lit(TagJob.modelVersion())))
            .withColumn(
                "rating_histogram",
                struct(
                    col("stars_1"), col("stars_2"), col("stars_3"), col("stars_4"), col("stars_5")))
            .withColumn(
                "net_sentiment",
                share(col("positive_count").minus(col("negative_count")), tagged).multiply(100))
            .withColumn("reply_rate", share(col("replied_count"), col("review_count")))
            .withColumn(
                "negative_reply_rate", share(col("negative_replied"), col("negative_reviews")))
            .withColumn(
                "unanswered_negative", col("negative_reviews").minus(col("negative_replied")));
    for (String s : List.of("positive", "neutral", "negative", "mixed")) {
      f = f.withColumn(s + "_share", share(col(s + "_count"), tagged));
    }
    return f;
  }

  private static Column share(Column k, Column n) {
    return when(n.gt(0), k.cast("double").divide(n.cast("double")));
  }

  /**
   * Complaint and praise rates per business, {@code key} and category (all categories, zeros
   * included), with Wilson intervals and the minimum-sample rule: one row per category, unfolded
   * from the counts {@link #aggregate} made (no second pass over the reviews).
   */
  private Dataset<Row> themeRates(Dataset<Row> core, String key) {
    List<String> categories = CATEGORY_IDS;
    Column[] perCategory = new Column[categories.size()];
    for (int i = 0; i < perCategory.length; i++) {
      perCategory[i] =
          struct(
              lit(categories.get(i)).as("category"),
              col(complaintCount(i)).as("complaint_reviews"),
              col(praiseCount(i)).as("praise_reviews"));
    }
    int minN = options.minReviews();
    Column n = col("tagged_count");
    Column shown = n.geq(minN);
    return core.select(col("business_id"), col(key), n, explode(array(perCategory)).as("_t"))
        .select(col("business_id"), col(key), n, col("_t.*"))
        .withColumn(
            "suppressed_reason",
            when(
                not(shown),
                concat(
                    lit("fewer than " + minN + " tagged reviews (n="), n.cast("string"), lit(")"))))
        .withColumn("complaint_rate", when(shown, share(col("complaint_reviews"), n)))
        .withColumn("complaint_rate_low", when(shown, Wilson.low(col("complaint_reviews"), n)))
        .withColumn("complaint_rate_high", when(shown, Wilson.high(col("complaint_reviews"), n)))
        .withColumn("praise_rate", when(shown, share(col("praise_reviews"), n)))
        .withColumn("praise_rate_low", when(shown, Wilson.low(col("praise_reviews"), n)))
        .withColumn("praise_rate_high", when(shown, Wilson.high(col("praise_reviews"), n)));
  }

  /**
   * Top complaint categories per business and period with up to {@value #QUOTES} quotes each: the
   * newest complaint sentences of the category (one per review, its most confident mention),
   * personal data masked.
   */
  private static Dataset<Row> topComplaints(
      Dataset<Row> byPeriod, Dataset<Row> rates, Dataset<Row> complaintMentions) {
    WindowSpec byCount =
        Window.partitionBy("business_id", "period")
            .orderBy(col("complaint_reviews").desc(), col("category"));
    Dataset<Row> top =
        rates
            .filter(col("complaint_reviews").gt(0))
            .withColumn("rank", row_number().over(byCount))
            .filter(col("rank").leq(TOP_CATEGORIES))
            .select(
                "business_id", "period", "category", "rank", "complaint_reviews", "complaint_rate");
    UserDefinedFunction mask =
        udf((UDF1<String, String>) t -> PersonalDataMasker.shipped().mask(t), DataTypes.StringType);
    // Choose the quotes on narrow rows: each review row of a period meets its business's top
    // categories (a few rows per business), is kept for those it has a complaint bit of, and the
    // newest QUOTES reviews per category are kept (Spark limits each partition before the
    // shuffle). Only the chosen reviews' mentions are then taken from aspect_mentions, and each
    // review's most confident mention of the category is quoted (the first in the text on a tie).
    // No broadcast hints: adaptive execution broadcasts these small sides when they are small
    // enough, and a hint would also force it for hundreds of thousands of businesses.
    Dataset<Row> topBits =
        top.select(
            col("business_id"),
            col("period"),
            col("category"),
            expr("array_position(" + categoryArray() + ", category) - 1").cast("int").as("_bit"));
    Dataset<Row> chosen =
        byPeriod
            .filter(col("complaint_bits").notEqual(0L))
            .select(
                col("review_id"),
                col("business_id"),
                col("period"),
                col("created_at"),
                col("rating"),
                col("complaint_bits"))
            .join(topBits, on("business_id", "period"))
            .filter(expr("shiftrightunsigned(complaint_bits, _bit) & 1L = 1L"))
            .withColumn(
                "_newest",
                row_number()
                    .over(
                        Window.partitionBy("business_id", "period", "category")
                            .orderBy(col("created_at").desc_nulls_last(), col("review_id"))))
            .filter(col("_newest").leq(QUOTES))
            .drop("complaint_bits", "_bit");
    Dataset<Row> quotes =
        complaintMentions
            .join(chosen, on("review_id", "category"))
            .groupBy("business_id", "period", "category", "review_id")
            .agg(
                min(struct(
                        col("confidence").multiply(-1).as("_rank"),
                        col("start"),
                        col("mention_index"),
                        col("end"),
                        col("sentence"),
                        col("created_at"),
                        col("rating"),
                        col("_newest")))
                    .as("m"))
            .select(
                col("business_id"), col("period"), col("category"), col("review_id"), col("m.*"))
            .withColumn("sentence", mask.apply(col("sentence")))
            .groupBy("business_id", "period", "category")
            .agg(
                sort_array(
                        collect_list(
                            struct(
                                col("_newest"),
                                col("review_id"),
                                col("sentence"),
                                col("start"),
                                col("end"),
                                col("created_at"),
                                col("rating"))))
                    .as("_q"))
            .withColumn(
                "quotes",
                expr(
                    "transform(_q, q -> named_struct('review_id', q.review_id, 'sentence',"
                        + " q.sentence, 'start', q.start, 'end', q.end, 'created_at',"
                        + " q.created_at, 'rating', q.rating))"))
            .drop("_q");
    return top.join(quotes, on("business_id", "period", "category"), "left")
        .withColumn(
            "quotes",
            coalesce(
                col("quotes"),
                expr("array()").cast(DataTypes.createArrayType(Tables.QUOTE, false))))
        .groupBy("business_id", "period")
        .agg(sort_array(collect_list(structOf(Tables.TOP_COMPLAINT))).as("top_complaints"));
  }

  private static scala.collection.immutable.Seq<String> on(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }

  private static Column countIf(Column c) {
    return sum(when(c, 1L).otherwise(0L));
  }

  private static Column not(Column c) {
    return org.apache.spark.sql.functions.not(c);
  }

  /** A struct column of exactly the fields of {@code schema} (see {@link Tables#columns}). */
  private static Column structOf(org.apache.spark.sql.types.StructType schema) {
    return struct(Tables.columns(schema));
  }

  /**
   * Percentiles of rating and net sentiment among peers: same category and city when the city has
   * at least min_peers eligible businesses, else same category; eligible = at least min_reviews
   * tagged reviews in the period (and, for the rating, a mean rating).
   */
  private Dataset<Row> peers(Dataset<Row> summary) {
    int minN = options.minReviews();
    int minPeers = options.minPeers();
    Dataset<Row> eligible =
        summary
            .filter(col("tagged_count").geq(minN).and(col("business_category").isNotNull()))
            .select(
                "business_id",
                "period",
                "business_category",
                "city",
                "rating_mean",
                "net_sentiment");
    WindowSpec cat = Window.partitionBy("period", "business_category");
    WindowSpec city = Window.partitionBy("period", "business_category", "city");
    WindowSpec catRating =
        Window.partitionBy(col("period"), col("business_category"), col("rating_mean").isNull());
    WindowSpec cityRating =
        Window.partitionBy(
            col("period"), col("business_category"), col("city"), col("rating_mean").isNull());
    Column useCity = col("city").isNotNull().and(col("_city_n").geq(minPeers));
    Column useCat = col("_cat_n").geq(minPeers);
    Dataset<Row> ranked =
        eligible
            .withColumn("_cat_n", count(lit(1)).over(cat))
            .withColumn("_city_n", count(lit(1)).over(city))
            .withColumn("_cat_net", percent_rank().over(cat.orderBy("net_sentiment")))
            .withColumn("_city_net", percent_rank().over(city.orderBy("net_sentiment")))
            .withColumn("_cat_rating", percent_rank().over(catRating.orderBy("rating_mean")))
            .withColumn("_city_rating", percent_rank().over(cityRating.orderBy("rating_mean")))
            .withColumn(
                "peer_group",
                when(
                        useCity,
                        concat(
                            lit("business_category="),
                            col("business_category"),
                            lit(", city="),
                            col("city")))
                    .when(useCat, concat(lit("business_category="), col("business_category"))))
            .withColumn("peer_count", when(useCity, col("_city_n")).when(useCat, col("_cat_n")))
            .withColumn(
                "net_sentiment_percentile",
                when(useCity, col("_city_net")).when(useCat, col("_cat_net")).multiply(100))
            .withColumn(
                "rating_percentile",
                when(col("rating_mean").isNull(), lit(null).cast("double"))
                    .when(useCity, col("_city_rating").multiply(100))
                    .when(useCat, col("_cat_rating").multiply(100)))
            .select(
                "business_id",
                "period",
                "peer_group",
                "peer_count",
                "rating_percentile",
                "net_sentiment_percentile");
    return summary.join(ranked, on("business_id", "period"), "left");
  }
}
