package fi.palvelututka.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import fi.palvelututka.jobs.Tables;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Ingest: reads review dumps (generic JSON Lines, plain or gzip) into {@code lake/reviews} and
 * every unusable record into {@code lake/rejects}, streaming through the files on the executors.
 *
 * <p>Each line is read as raw bytes with its byte offset (Hadoop {@link TextInputFormat}), so a
 * reject can name file and offset and invalid UTF-8 is detected rather than silently replaced.
 * Reviews with the same review_id are deduplicated: the latest {@code updated_at} (then {@code
 * created_at}) wins; the others are counted as duplicates.
 */
public final class IngestJob {

  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  /** Result: what was read and written, per file and in total. */
  public record Result(
      List<InputFiles.InputFile> files,
      List<String> skipped,
      Map<String, IngestCounts> perFile,
      IngestCounts total) {}

  private static final String KIND_REVIEW = "review";
  private static final String KIND_REJECT = "reject";
  private static final String KIND_BLANK = "blank";
  private static final String KIND_BUSINESS = "business";

  /** Review columns (without run_id) + reject columns + kind; all nullable. */
  static final StructType STAGING_SCHEMA = stagingSchema();

  private final SparkSession spark;
  private final IngestOptions options;
  private Map<String, String> formats = Map.of();

  public IngestJob(SparkSession spark, IngestOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public Result execute(String lake, String runId) throws IOException {
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    InputFiles.Listing listing = InputFiles.expand(options.inputs(), hadoopConf);
    if (listing.files().isEmpty()) {
      throw new java.io.FileNotFoundException(
          "No review dump files ("
              + String.join(", ", InputFiles.SUPPORTED_SUFFIXES)
              + ") in "
              + options.inputs());
    }
    for (String s : listing.skipped()) {
      LOG.warn("ingest: skipped {}", s);
    }
    LOG.info("ingest: {} input file(s)", listing.files().size());
    spark.sparkContext().setJobGroup("ingest", "palvelututka ingest: parse dumps", false);

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<JavaRDD<Row>> parts = new ArrayList<>();
    Map<String, String> formats = new LinkedHashMap<>();
    for (InputFiles.InputFile f : listing.files()) {
      String file = f.path();
      IngestOptions opts = options;
      SourceFormat.Detected d = detect(file, hadoopConf);
      formats.put(file, d.format().id());
      SourceFormat fmt = d.format();
      boolean lines = d.lineDelimited();
      LOG.info("ingest: {} ({}{})", file, fmt.id(), lines ? ", lines" : "");
      if (!FileRecords.gzipName(file) && fmt.container() == SourceFormat.Container.JSON && lines) {
        // plain JSON Lines: splittable, read in parallel with byte offsets
        parts.add(
            jsc.newAPIHadoopFile(
                    file, TextInputFormat.class, LongWritable.class, Text.class, hadoopConf)
                .mapPartitions(it -> parsePartition(it, file, opts, fmt)));
      } else {
        // gzip, JSON documents, CSV: one task per file, streamed
        long maxLine = Math.max(1L << 20, 16L * opts.maxTextChars());
        parts.add(
            jsc.binaryFiles(file)
                .flatMap(
                    t -> {
                      List<Row> rows = new ArrayList<>();
                      JsonLinesParser parser = new JsonLinesParser(opts, fmt);
                      try (java.io.InputStream in = t._2().open()) {
                        FileRecords.read(
                            in,
                            file,
                            fmt,
                            lines,
                            parser,
                            maxLine,
                            (off, rec) -> rows.add(toRow(rec, file, off)));
                      }
                      return rows.iterator();
                    }));
      }
    }
    this.formats = formats;
    JavaRDD<Row> all = parts.size() == 1 ? parts.get(0) : jsc.union(parts.toArray(new JavaRDD[0]));
    Dataset<Row> staging =
        spark.createDataFrame(all, STAGING_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return write(staging, listing, lake, runId);
    } finally {
      staging.unpersist();
      spark.sparkContext().clearJobGroup();
    }
  }

  private Result write(
      Dataset<Row> staging, InputFiles.Listing listing, String lake, String runId) {
    Dataset<Row> candidates = staging.filter(col("kind").equalTo(KIND_REVIEW));
    Dataset<Row> businesses =
        staging
            .filter(col("kind").equalTo(KIND_BUSINESS))
            .groupBy(col("business_id").as("_bid"))
            .agg(
                org.apache.spark.sql.functions.max("business_name").as("_bname"),
                org.apache.spark.sql.functions.max("business_category").as("_bcat"),
                org.apache.spark.sql.functions.max("city").as("_bcity"));
    if (!businesses.isEmpty()) {
      candidates =
          candidates
              .join(businesses, col("business_id").equalTo(col("_bid")), "left")
              .withColumn("business_name", coalesce(col("business_name"), col("_bname")))
              .withColumn("business_category", coalesce(col("business_category"), col("_bcat")))
              .withColumn("city", coalesce(col("city"), col("_bcity")))
              .drop("_bid", "_bname", "_bcat", "_bcity");
    }
    Column version = coalesce(col("updated_at"), col("created_at"));
    Dataset<Row> reviews =
        candidates
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy("review_id")
                            .orderBy(
                                version.desc_nulls_last(),
                                col("ingest_file").desc(),
                                col("ingest_offset").desc())))
            .filter(col("_rank").equalTo(1))
            .drop("_rank")
            .withColumn("run_id", lit(runId));
    reviews = Tables.conform(reviews, Tables.REVIEWS_SCHEMA);
    reviews.write().mode(SaveMode.Overwrite).parquet(lake + "/" + Tables.REVIEWS);

    Tables.conform(
            staging.filter(col("kind").equalTo(KIND_REJECT)).withColumn("run_id", lit(runId)),
            Tables.REJECTS_SCHEMA)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(lake + "/" + Tables.REJECTS);

    // Counts: what was read (from the parsed lines) against what the tables now hold.
    Map<String, long[]> perFile = new TreeMap<>(); // read, candidates, rejected, blank, business
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    for (Row r : staging.groupBy("ingest_file", "kind", "reason").count().collectAsList()) {
      String file = r.getString(0);
      String kind = r.getString(1);
      long n = r.getLong(3);
      long[] c = perFile.computeIfAbsent(file, k -> new long[5]);
      switch (kind) {
        case KIND_REVIEW -> {
          c[0] += n;
          c[1] += n;
        }
        case KIND_REJECT -> {
          c[0] += n;
          c[2] += n;
          reasons.computeIfAbsent(file, k -> new TreeMap<>()).merge(r.getString(2), n, Long::sum);
        }
        case KIND_BUSINESS -> {
          c[0] += n;
          c[4] += n;
        }
        default -> c[3] += n;
      }
    }
    Map<String, Long> keptPerFile = new TreeMap<>();
    Dataset<Row> written = spark.read().parquet(lake + "/" + Tables.REVIEWS);
    for (Row r : written.groupBy("ingest_file").count().collectAsList()) {
      keptPerFile.put(r.getString(0), r.getLong(1));
    }
    long writtenRejects = spark.read().parquet(lake + "/" + Tables.REJECTS).count();

    Map<String, IngestCounts> counts = new LinkedHashMap<>();
    long read = 0, parsedReviews = 0, rejected = 0, blank = 0, business = 0;
    Map<String, Long> allReasons = new TreeMap<>();
    for (InputFiles.InputFile f : listing.files()) {
      long[] c = perFile.getOrDefault(f.path(), new long[5]);
      long kept = keptPerFile.getOrDefault(f.path(), 0L);
      Map<String, Long> rs = reasons.getOrDefault(f.path(), Map.of());
      counts.put(f.path(), new IngestCounts(c[0], kept, c[1] - kept, c[2], c[3], rs, c[4]));
      business += c[4];
      read += c[0];
      parsedReviews += c[1];
      rejected += c[2];
      blank += c[3];
      rs.forEach((k, v) -> allReasons.merge(k, v, Long::sum));
    }
    long keptTotal = written.count();
    // Reconciliation uses the rows actually written: it fails when rejects were lost on write.
    IngestCounts total =
        new IngestCounts(
            read,
            keptTotal,
            parsedReviews - keptTotal,
            writtenRejects,
            blank,
            allReasons,
            business);
    if (writtenRejects != rejected) {
      LOG.error(
          "ingest: rejects parsed ({}) differ from rejects written ({})", rejected, writtenRejects);
    }
    LOG.info(
        "ingest: read {} records: {} accepted, {} duplicates, {} rejected ({} blank lines)",
        read,
        keptTotal,
        total.duplicates(),
        writtenRejects,
        blank);
    return new Result(listing.files(), listing.skipped(), counts, total);
  }

  /** The format of a file: the --format option, or detected from its first 64 KiB. */
  SourceFormat.Detected detect(String file, Configuration conf) throws IOException {
    byte[] head = new byte[0];
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    try (java.io.InputStream raw = p.getFileSystem(conf).open(p);
        java.io.InputStream in =
            FileRecords.gzipName(file) ? new java.util.zip.GZIPInputStream(raw) : raw) {
      head = in.readNBytes(64 * 1024);
    } catch (IOException e) {
      // damaged or empty gzip: the reader reports it; detection uses what it has
    }
    SourceFormat.Detected d = SourceFormat.detect(head);
    String forced = options.source().format();
    if (forced != null) {
      SourceFormat f = SourceFormat.byId(forced);
      boolean lines = f.container() == SourceFormat.Container.JSON && d.lineDelimited();
      return new SourceFormat.Detected(f, lines);
    }
    return d;
  }

  /** Format id per input file, as detected or given (after {@link #execute}). */
  public Map<String, String> formats() {
    return formats;
  }

  static Iterator<Row> parsePartition(
      Iterator<Tuple2<LongWritable, Text>> lines,
      String file,
      IngestOptions options,
      SourceFormat format) {
    JsonLinesParser parser = new JsonLinesParser(options, format);
    return new Iterator<>() {
      private Iterator<Row> pending = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        return pending.hasNext() || lines.hasNext();
      }

      @Override
      public Row next() {
        if (pending.hasNext()) {
          return pending.next();
        }
        Tuple2<LongWritable, Text> t = lines.next();
        long offset = t._1().get();
        // Text reuses its buffer: copy exactly the line's bytes
        byte[] bytes = Arrays.copyOf(t._2().getBytes(), t._2().getLength());
        List<ParsedRecord> recs = parser.parseLine(bytes, offset == 0);
        if (recs.size() == 1) {
          return toRow(recs.get(0), file, offset);
        }
        List<Row> rows = new ArrayList<>(recs.size());
        for (ParsedRecord r : recs) {
          rows.add(toRow(r, file, offset));
        }
        pending = rows.iterator();
        return pending.next();
      }
    };
  }

  static Row toRow(ParsedRecord rec, String file, long offset) {
    Object[] v = new Object[STAGING_SCHEMA.size()];
    v[idx("ingest_file")] = file;
    v[idx("ingest_offset")] = offset;
    if (rec instanceof ParsedRecord.Review r) {
      v[idx("kind")] = KIND_REVIEW;
      v[idx("review_id")] = r.reviewId();
      v[idx("source")] = r.source();
      v[idx("business_id")] = r.businessId();
      v[idx("business_name")] = r.businessName();
      v[idx("business_category")] = r.businessCategory();
      v[idx("city")] = r.city();
      v[idx("author_id_hash")] = r.authorIdHash();
      v[idx("rating")] = r.rating();
      v[idx("text")] = r.text();
      v[idx("language")] = r.language();
      v[idx("created_at")] = ts(r.createdAt());
      v[idx("updated_at")] = ts(r.updatedAt());
      v[idx("owner_reply_text")] = r.ownerReplyText();
      v[idx("owner_reply_at")] = ts(r.ownerReplyAt());
    } else if (rec instanceof ParsedRecord.Reject j) {
      v[idx("kind")] = KIND_REJECT;
      v[idx("reason")] = j.reason().code();
      v[idx("detail")] = j.detail();
      v[idx("raw")] = j.raw();
      v[idx("raw_bytes")] = j.rawBytes();
      v[idx("raw_truncated")] = j.rawTruncated();
    } else if (rec instanceof ParsedRecord.BusinessInfo b) {
      v[idx("kind")] = KIND_BUSINESS;
      v[idx("business_id")] = b.id();
      v[idx("business_name")] = b.name();
      v[idx("business_category")] = b.category();
      v[idx("city")] = b.city();
    } else {
      v[idx("kind")] = KIND_BLANK;
    }
    return RowFactory.create(v);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static int idx(String name) {
    return STAGING_SCHEMA.fieldIndex(name);
  }

  private static StructType stagingSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("kind", DataTypes.StringType, false));
    for (StructField f : Tables.REVIEWS_SCHEMA.fields()) {
      if (!f.name().equals("run_id")) {
        fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
      }
    }
    for (StructField f : Tables.REJECTS_SCHEMA.fields()) {
      if (!f.name().equals("run_id") && !f.name().startsWith("ingest_")) {
        fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
      }
    }
    return DataTypes.createStructType(fields);
  }
}
