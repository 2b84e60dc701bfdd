package fi.palvelututka.jobs.tag;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import fi.palvelututka.jobs.Tables;
import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.tag.TagResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tag: reads {@code lake/reviews}, writes sentiment and themes per review to {@code
 * lake/review_tags}.
 *
 * <p>The models are loaded once per executor JVM (a static holder inside the models library); a
 * {@link ReviewTagger} is built once per partition, never per row.
 */
public final class TagJob {

  private static final Logger LOG = LoggerFactory.getLogger(TagJob.class);

  private final SparkSession spark;

  public TagJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Rows written: reviews tagged and theme mentions found. */
  public record Result(long reviews, long mentions) {}

  /** Tags every review of the lake, writes review_tags and aspect_mentions. */
  public Result execute(String lake, String runId) {
    spark.sparkContext().setJobGroup("tag", "palvelututka tag: sentiment and themes", false);
    try {
      Dataset<Row> reviews =
          spark
              .read()
              .parquet(lake + "/" + Tables.REVIEWS)
              .select(col("review_id"), col("business_id"), col("text"));
      Dataset<Row> tags =
          reviews.mapPartitions(
              (MapPartitionsFunction<Row, Row>) rows -> tagPartition(rows, runId),
              Encoders.row(Tables.REVIEW_TAGS_SCHEMA));
      tags.write().mode(SaveMode.Overwrite).parquet(lake + "/" + Tables.REVIEW_TAGS);
      Dataset<Row> written = spark.read().parquet(lake + "/" + Tables.REVIEW_TAGS);
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
              Tables.ASPECT_MENTIONS_SCHEMA)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(lake + "/" + Tables.ASPECT_MENTIONS);
      long n = written.count();
      long mentions = spark.read().parquet(lake + "/" + Tables.ASPECT_MENTIONS).count();
      LOG.info("tag: {} reviews tagged, {} theme mentions ({})", n, mentions, modelVersion());
      return new Result(n, mentions);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Version of the model bundle the executors use (same jar, same models). */
  public static String modelVersion() {
    return ReviewTagger.shipped().modelVersion();
  }

  static Iterator<Row> tagPartition(Iterator<Row> rows, String runId) {
    ReviewTagger tagger = ReviewTagger.shipped();
    String version = tagger.modelVersion();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
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
      }
    };
  }
}
