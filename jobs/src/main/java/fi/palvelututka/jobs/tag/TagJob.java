package fi.palvelututka.jobs.tag;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import fi.palvelututka.jobs.Iterators;
import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.models.lang.LanguageIdentifier;
import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.tag.TagResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tag: reads {@code lake/reviews}, writes sentiment and themes per review to {@code
 * lake/review_tags} and one row per theme mention to {@code lake/aspect_mentions}. Only reviews in
 * Finnish (or without a detectable language) are tagged; a review keeps its stored tags while
 * neither it nor the model version changed, so a nightly run tags only what is new.
 *
 * <p>The models are loaded once per executor JVM (a static holder inside the models library); a
 * {@link ReviewTagger} is built once per partition, never per row.
 */
public final class TagJob {

  private static final Logger LOG = LoggerFactory.getLogger(TagJob.class);

  /** Tagging partitions per core (Spark's default parallelism). */
  static final int PARTITIONS_PER_CORE = 4;

  private final SparkSession spark;

  public TagJob(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Rows written. {@code reviews}: rows of review_tags (one per taggable review in the lake);
   * {@code taggedNow}: reviews tagged by this run (new, changed, or tagged by another model version
   * before); {@code taggable}: reviews of the lake in Finnish or without a detectable language;
   * {@code skippedByLanguage}: the other reviews, by language, which the Finnish models do not tag.
   */
  public record Result(
      long reviews,
      long mentions,
      long taggedNow,
      long taggable,
      Map<String, Long> skippedByLanguage) {
    public long skipped() {
      return skippedByLanguage.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Languages the Finnish taggers run on: Finnish, and text without a detectable language. */
  public static final List<String> TAGGED_LANGUAGES =
      List.of(LanguageIdentifier.FINNISH, LanguageIdentifier.UNDETERMINED);

  /**
   * Tags the lake's reviews (as staged by this run's ingest) that are not tagged yet by the current
   * model version, keeps the stored tags of the others, and stages review_tags and aspect_mentions.
   */
  public Result execute(Lake lake) throws IOException {
    spark.sparkContext().setJobGroup("tag", "palvelututka tag: sentiment and themes", false);
    try {
      String runId = lake.runId();
      String version = modelVersion();
      Dataset<Row> reviews = lake.readStaged(Tables.REVIEWS);
      Column taggedLanguage =
          col("language").isin(TAGGED_LANGUAGES.toArray()).or(col("language").isNull());
      Dataset<Row> taggable = reviews.filter(taggedLanguage);
      Dataset<Row> keep =
          lake.readCurrent(Tables.REVIEW_TAGS, Tables.REVIEW_TAGS_SCHEMA)
              .filter(col("model_version").equalTo(version))
              .join(
                  taggable.filter(col("run_id").notEqual(runId)).select("review_id"),
                  "review_id",
                  "left_semi");
      Dataset<Row> todo =
          taggable
              .select(col("review_id"), col("business_id"), col("text"))
              .join(keep.select("review_id"), "review_id", "left_anti");
      // Tagging is CPU-bound: equal partitions, a multiple of the cores, so that no core idles
      // through a last short wave (the input's file splits are uneven). The shuffle is small next
      // to the tagging (about 1% of its CPU time).
      int slots = spark.sparkContext().defaultParallelism();
      Dataset<Row> fresh =
          todo.repartition(slots * PARTITIONS_PER_CORE)
              .mapPartitions(
                  (MapPartitionsFunction<Row, Row>) rows -> tagPartition(rows, runId),
                  Encoders.row(Tables.REVIEW_TAGS_SCHEMA));
      lake.writeStaged(keep.unionByName(fresh), Tables.REVIEW_TAGS);
      Dataset<Row> written = lake.readStaged(Tables.REVIEW_TAGS);
      lake.writeStaged(
          Tables.conform(
              written
                  .select(
                      col("review_id"),
                      col("business_id"),
                      posexplode(col("aspects")).as(new String[] {"mention_index", "a"}),
                      col("model_version"),
                      col("run_id"))
                  .select(col("*"), col("a.*"))
                  .drop("a"),
              Tables.ASPECT_MENTIONS_SCHEMA),
          Tables.ASPECT_MENTIONS);
      long n = 0;
      long now = 0;
      for (Row r : written.groupBy(col("run_id").equalTo(runId)).count().collectAsList()) {
        n += r.getLong(1);
        now += r.getBoolean(0) ? r.getLong(1) : 0;
      }
      long mentions = lake.readStaged(Tables.ASPECT_MENTIONS).count();
      long taggableCount = 0;
      Map<String, Long> skipped = new TreeMap<>();
      for (Row r :
          reviews.groupBy(taggedLanguage.as("tagged"), col("language")).count().collectAsList()) {
        if (r.getBoolean(0)) {
          taggableCount += r.getLong(2);
        } else {
          skipped.put(r.getString(1), r.getLong(2));
        }
      }
      LOG.info(
          "tag: {} reviews tagged now, {} kept from earlier runs, {} theme mentions; {} reviews"
              + " in other languages not tagged {} ({})",
          now,
          n - now,
          mentions,
          skipped.values().stream().mapToLong(Long::longValue).sum(),
          skipped,
          version);
      return new Result(n, mentions, now, taggableCount, skipped);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Version of the model bundle the executors use (same jar, same models). */
  public static String modelVersion() {
    return ReviewTagger.shippedVersion();
  }

  static Iterator<Row> tagPartition(Iterator<Row> rows, String runId) {
    ReviewTagger tagger = ReviewTagger.shipped();
    String version = tagger.modelVersion();
    return Iterators.map(
        rows,
        r -> {
          TagResult t = tagger.tag(r.getString(2));
          DocumentSentiment s = t.sentiment();
          List<Row> sentences = new ArrayList<>(s.sentences().size());
          for (DocumentSentiment.SentenceSentiment x : s.sentences()) {
            sentences.add(
                RowFactory.create(
                    x.start(), x.end(), x.sentiment().label().label(), x.sentiment().score()));
          }
          List<Row> aspects = new ArrayList<>(t.aspects().size());
          for (AspectMention a : t.aspects()) {
            aspects.add(
                RowFactory.create(
                    a.category(), a.polarity(), a.confidence(), a.sentence(), a.start(), a.end()));
          }
          return RowFactory.create(
              r.getString(0),
              r.getString(1),
              s.label(),
              RowFactory.create(s.negative(), s.neutral(), s.positive(), s.mixed()),
              s.score(),
              scala.jdk.javaapi.CollectionConverters.asScala(sentences).toSeq(),
              scala.jdk.javaapi.CollectionConverters.asScala(aspects).toSeq(),
              version,
              runId);
        });
  }
}
