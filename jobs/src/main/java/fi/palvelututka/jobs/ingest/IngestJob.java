package fi.palvelututka.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.Tables;
import fi.palvelututka.models.lang.LanguageIdentifier;
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
      IngestCounts total,
      Map<String, Long> acceptedByLanguage,
      long lakeReviews) {

    /** The reasons of records whose fields may only have other names than ingest reads. */
    private static final java.util.Set<String> MISSING_FIELDS =
        java.util.Set.of(
            RejectReason.MISSING_REVIEW_ID.code(),
            RejectReason.MISSING_TEXT.code(),
            RejectReason.MISSING_BUSINESS.code());

    /**
     * The input files that gave the lake nothing, one line each: a file with bytes but no record (a
     * CSV header alone, blank lines, a file that is not a review dump), or whose every record was
     * rejected (a dump in a shape ingest does not read, the wrong file). Nothing is lost in either
     * case, but an analyst wants to hear of it.
     */
    public List<String> filesWithNothingAccepted() {
      List<String> out = new ArrayList<>();
      for (InputFiles.InputFile f : files) {
        IngestCounts c = perFile.get(f.path());
        if (c == null) {
          continue;
        }
        if (c.read() == 0 && f.size() > 0) {
          out.add(
              f.path()
                  + ": no records in its "
                  + f.size()
                  + " bytes"
                  + (c.blankLines() > 0 ? " (" + c.blankLines() + " blank lines)" : ""));
        } else if (c.read() > 0 && c.rejected() == c.read()) {
          out.add(
              f.path()
                  + (c.read() == 1 ? ": its one record was rejected " : ": all " + c.read())
                  + (c.read() == 1 ? "" : " records rejected ")
                  + new java.util.TreeMap<>(c.rejectedByReason())
                  + (MISSING_FIELDS.containsAll(c.rejectedByReason().keySet())
                      ? "; if its fields have other names, name them with --field-map"
                          + " (or give --business-id)"
                      : ""));
        }
      }
      return out;
    }
  }

  private static final String KIND_REVIEW = "review";
  private static final String KIND_REJECT = "reject";
  private static final String KIND_BLANK = "blank";
  private static final String KIND_BUSINESS = "business";
  private static final String NEW = "_new";
  private static final String EXISTED = "_existed";

  /** Review columns (without run_id) + reject columns + kind; all nullable. */
  static final StructType STAGING_SCHEMA = stagingSchema();

  private final SparkSession spark;
  private final IngestOptions options;
  private Map<String, String> formats = Map.of();
  private Map<String, String> encodings = Map.of();

  public IngestJob(SparkSession spark, IngestOptions options) {
    this.spark = spark;
    this.options = options;
  }

  /** Parses the inputs and stages the merged {@code reviews} and {@code rejects} in the lake. */
  public Result execute(Lake lake) throws IOException {
    return execute(
        lake, InputFiles.expand(options.inputs(), spark.sparkContext().hadoopConfiguration()));
  }

  /** As {@link #execute(Lake)}, over an already expanded (e.g. incremental) listing. */
  public Result execute(Lake lake, InputFiles.Listing listing) throws IOException {
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
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
    org.apache.spark.util.SerializableConfiguration conf =
        new org.apache.spark.util.SerializableConfiguration(hadoopConf);
    List<JavaRDD<Row>> parts = new ArrayList<>();
    Map<String, String> formats = new LinkedHashMap<>();
    Map<String, String> encodings = new LinkedHashMap<>();
    for (InputFiles.InputFile f : listing.files()) {
      String file = f.path();
      IngestOptions opts = options;
      Probe probe = detect(file, hadoopConf);
      SourceFormat.Detected d = probe.detected();
      formats.put(file, d.format().id());
      encodings.put(file, probe.encoding().name());
      SourceFormat fmt = d.format();
      boolean lines = d.lineDelimited();
      boolean utf8 = probe.encoding().equals(java.nio.charset.StandardCharsets.UTF_8);
      LOG.info(
          "ingest: {} ({}{}{})",
          file,
          fmt.id(),
          lines ? ", lines" : "",
          utf8 ? "" : ", " + probe.encoding().name());
      if (!FileRecords.gzipName(file)
          && fmt.container() == SourceFormat.Container.JSON
          && lines
          && utf8
          && !InputFiles.needsOwnReader(file)) {
        // plain JSON Lines in UTF-8: splittable, read in parallel with byte offsets
        parts.add(
            jsc.newAPIHadoopFile(
                    file, TextInputFormat.class, LongWritable.class, Text.class, hadoopConf)
                .mapPartitions(it -> parsePartition(it, file, opts, fmt)));
      } else {
        // gzip, JSON documents, CSV, other encodings than UTF-8 (and names Hadoop's readers
        // misread): one task per file, streamed through a bounded queue (never the whole file in
        // the heap)
        long maxLine = Math.max(1L << 20, 16L * opts.maxTextChars());
        parts.add(
            jsc.parallelize(List.of(file), 1)
                .flatMap(path -> readWholeFile(path, file, fmt, lines, opts, maxLine, conf)));
      }
    }
    this.formats = formats;
    this.encodings = encodings;
    JavaRDD<Row> all = parts.size() == 1 ? parts.get(0) : jsc.union(parts.toArray(new JavaRDD[0]));
    // Cached on local disk, not in the heap: at millions of records a partition is hundreds of MB,
    // and unrolling it in the heap first (MEMORY_AND_DISK) ran a 2 GiB heap out of memory at 5M
    // records (parallel GC); on disk, the 1M run's resident set is also 370 MiB smaller.
    Dataset<Row> staging =
        spark.createDataFrame(all, STAGING_SCHEMA).persist(StorageLevel.DISK_ONLY());
    try {
      return write(staging, listing, lake);
    } finally {
      staging.unpersist();
      spark.sparkContext().clearJobGroup();
    }
  }

  private Result write(Dataset<Row> staging, InputFiles.Listing listing, Lake lake) {
    String runId = lake.runId();
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
    // One window over the stored reviews and this run's records: per review_id the newest
    // version wins (updated_at, else created_at); on a tie the stored one stays, then the later
    // file and offset. This run's records that do not win are duplicates.
    Dataset<Row> stored;
    try {
      stored = lake.readCurrent(Tables.REVIEWS, Tables.REVIEWS_SCHEMA);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Dataset<Row> fresh =
        Tables.conform(candidates.withColumn("run_id", lit(runId)), Tables.REVIEWS_SCHEMA);
    Column version = coalesce(col("updated_at"), col("created_at"));
    Dataset<Row> ranked =
        stored
            .withColumn(NEW, lit(false))
            .unionByName(fresh.withColumn(NEW, lit(true)))
            .withColumn(
                EXISTED,
                org.apache
                    .spark
                    .sql
                    .functions
                    .max(when(col(NEW), 0).otherwise(1))
                    .over(Window.partitionBy("review_id"))
                    .equalTo(1))
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy("review_id")
                            .orderBy(
                                version.desc_nulls_last(),
                                col(NEW).asc(),
                                col("ingest_file").desc(),
                                col("ingest_offset").desc())))
            .filter(col("_rank").equalTo(1))
            .drop("_rank")
            .persist(StorageLevel.DISK_ONLY()); // as the staging table above
    try {
      // stored rows keep their language; this run's rows got theirs when parsed (toRow)
      Dataset<Row> reviews = Tables.conform(ranked, Tables.REVIEWS_SCHEMA);
      lake.writeStaged(reviews, Tables.REVIEWS);

      Dataset<Row> storedRejects;
      try {
        storedRejects = lake.readCurrent(Tables.REJECTS, Tables.REJECTS_SCHEMA);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Dataset<Row> newRejects =
          Tables.conform(
              staging.filter(col("kind").equalTo(KIND_REJECT)).withColumn("run_id", lit(runId)),
              Tables.REJECTS_SCHEMA);
      lake.writeStaged(
          withoutRereadRejects(storedRejects, newRejects).unionByName(newRejects), Tables.REJECTS);

      // Counts: what was read (from the parsed records) against what the tables now hold.
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
      Map<String, long[]> keptPerFile = new TreeMap<>(); // accepted, updated
      Map<String, Long> languages = new TreeMap<>();
      for (Row r :
          ranked
              .filter(col(NEW))
              .groupBy(col("ingest_file"), col(EXISTED))
              .count()
              .collectAsList()) {
        long[] k = keptPerFile.computeIfAbsent(r.getString(0), x -> new long[2]);
        k[0] += r.getLong(2);
        if (r.getBoolean(1)) {
          k[1] += r.getLong(2);
        }
      }
      // One pass over the written reviews: this run's per language, and the lake's total. (Run
      // ids are unique per lake, so run_id marks exactly this run's rows.)
      long storedTotal = 0;
      long writtenNew = 0;
      for (Row r :
          lake.readStaged(Tables.REVIEWS)
              .groupBy(
                  col("run_id").equalTo(runId).as("mine"),
                  coalesce(col("language"), lit("null")).as("language"))
              .count()
              .collectAsList()) {
        storedTotal += r.getLong(2);
        if (r.getBoolean(0)) {
          writtenNew += r.getLong(2);
          languages.put(r.getString(1), r.getLong(2));
        }
      }
      long writtenRejects =
          lake.readStaged(Tables.REJECTS).filter(col("run_id").equalTo(runId)).count();

      Map<String, IngestCounts> counts = new LinkedHashMap<>();
      long read = 0, parsedReviews = 0, rejected = 0, blank = 0, business = 0, updated = 0;
      Map<String, Long> allReasons = new TreeMap<>();
      for (InputFiles.InputFile f : listing.files()) {
        long[] c = perFile.getOrDefault(f.path(), new long[5]);
        long[] kept = keptPerFile.getOrDefault(f.path(), new long[2]);
        Map<String, Long> rs = reasons.getOrDefault(f.path(), Map.of());
        counts.put(
            f.path(),
            new IngestCounts(c[0], kept[0], c[1] - kept[0], c[2], c[3], rs, c[4], kept[1]));
        business += c[4];
        read += c[0];
        parsedReviews += c[1];
        rejected += c[2];
        blank += c[3];
        updated += kept[1];
        rs.forEach((k, v) -> allReasons.merge(k, v, Long::sum));
      }
      // Reconciliation uses the rows actually written: it fails when rows were lost on write.
      IngestCounts total =
          new IngestCounts(
              read,
              writtenNew,
              parsedReviews - writtenNew,
              writtenRejects,
              blank,
              allReasons,
              business,
              updated);
      if (writtenRejects != rejected) {
        LOG.error(
            "ingest: rejects parsed ({}) differ from rejects written ({})",
            rejected,
            writtenRejects);
      }
      LOG.info(
          "ingest: read {} records: {} accepted ({} updated), {} duplicates, {} rejected ({} blank"
              + " lines); the lake now holds {} reviews; languages of the accepted: {}",
          read,
          writtenNew,
          updated,
          total.duplicates(),
          writtenRejects,
          blank,
          storedTotal,
          languages);
      return new Result(listing.files(), listing.skipped(), counts, total, languages, storedTotal);
    } finally {
      ranked.unpersist();
    }
  }

  /** What identifies a reject: the same bad record of the same file, read again. */
  static final List<String> REJECT_IDENTITY =
      List.of("ingest_file", "ingest_offset", "reason", "raw_bytes", "raw");

  /**
   * The stored rejects that this run did not find again. A file read again (with {@code
   * --reprocess}, or a dump that grew) rejects its bad records again; this run's rows replace the
   * stored ones, so the table holds each bad record once, with the run that last read it.
   */
  static Dataset<Row> withoutRereadRejects(Dataset<Row> stored, Dataset<Row> fresh) {
    Dataset<Row> again =
        fresh.select(
            REJECT_IDENTITY.stream().map(c -> col(c).as("_again_" + c)).toArray(Column[]::new));
    Column same = null;
    for (String c : REJECT_IDENTITY) {
      Column eq = stored.col(c).eqNullSafe(again.col("_again_" + c));
      same = same == null ? eq : same.and(eq);
    }
    return stored.join(again, same, "left_anti");
  }

  /**
   * The detected language; for text without a detectable language, the source's own language code
   * (its primary subtag: "fi-FI" → "fi") when it gives one.
   */
  static String language(LanguageIdentifier.Guess guess, String sourceLanguage) {
    if (!guess.language().equals(LanguageIdentifier.UNDETERMINED) || sourceLanguage == null) {
      return guess.language();
    }
    String primary = sourceLanguage.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
    return primary.matches("[a-z]{2,3}") ? primary : guess.language();
  }

  /** A file's format and its text encoding (as the reader will take it, {@link TextEncoding}). */
  record Probe(SourceFormat.Detected detected, java.nio.charset.Charset encoding) {}

  /** The format of a file: the --format option, or detected from its first 64 KiB. */
  Probe detect(String file, Configuration conf) throws IOException {
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    boolean whole = false;
    try (java.io.InputStream raw = InputFiles.open(file, conf);
        java.io.InputStream in =
            FileRecords.gzipName(file) ? new java.util.zip.GZIPInputStream(raw) : raw) {
      // the first 64 KiB; more (up to 4 MiB) while it holds fewer than 3 complete lines
      int want = DETECT_BYTES;
      while (true) {
        byte[] b = in.readNBytes(want - head.size());
        head.writeBytes(b);
        if (head.size() < want) {
          whole = true;
          break;
        }
        if (want >= DETECT_MAX_BYTES || newlines(head.toByteArray()) >= 3) {
          break;
        }
        want = Math.min(DETECT_MAX_BYTES, want * 4);
      }
    } catch (IOException e) {
      // damaged or empty gzip: the reader reports it; detection uses what it has
    }
    byte[] bytes = head.toByteArray();
    SourceFormat.Detected d = SourceFormat.detect(bytes, whole, options.source().fieldMap());
    java.nio.charset.Charset encoding =
        TextEncoding.of(bytes, options.source().encoding()).charset();
    String forced = options.source().format();
    if (forced != null) {
      SourceFormat f = SourceFormat.byId(forced);
      boolean lines = f.container() == SourceFormat.Container.JSON && d.lineDelimited();
      return new Probe(new SourceFormat.Detected(f, lines), encoding);
    }
    return new Probe(d, encoding);
  }

  private static final int DETECT_BYTES = 64 * 1024;
  private static final int DETECT_MAX_BYTES = 4 * 1024 * 1024;

  private static int newlines(byte[] b) {
    int n = 0;
    for (byte x : b) {
      n += x == '\n' ? 1 : 0;
    }
    return n;
  }

  /** Format id per input file, as detected or given (after {@link #execute}). */
  public Map<String, String> formats() {
    return formats;
  }

  /** Text encoding per input file, as read (Java's name: UTF-8, UTF-16LE, windows-1252...). */
  public Map<String, String> encodings() {
    return encodings;
  }

  /** Rows handed from a whole-file reader to its task at a time, at most. */
  static final int STREAM_QUEUE_ROWS = 1024;

  /**
   * The staging rows of a file that one task reads from start to end, streamed: the file is read on
   * a thread of its own ({@link StreamedReader}), which stops when the task ends.
   */
  static Iterator<Row> readWholeFile(
      String path,
      String file,
      SourceFormat fmt,
      boolean lines,
      IngestOptions opts,
      long maxLine,
      org.apache.spark.util.SerializableConfiguration conf) {
    StreamedReader<Row> rows =
        new StreamedReader<>(
            "palvelututka-read " + file,
            STREAM_QUEUE_ROWS,
            sink -> {
              JsonLinesParser parser = new JsonLinesParser(opts, fmt);
              LanguageIdentifier id = LanguageIdentifier.shipped();
              try (java.io.InputStream in = InputFiles.open(path, conf.value())) {
                FileRecords.read(
                    in,
                    file,
                    fmt,
                    lines,
                    parser,
                    maxLine,
                    (off, rec) -> sink.accept(toRow(rec, file, off, id)));
              }
            });
    org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener) ctx -> rows.close());
    }
    return rows;
  }

  static Iterator<Row> parsePartition(
      Iterator<Tuple2<LongWritable, Text>> lines,
      String file,
      IngestOptions options,
      SourceFormat format) {
    JsonLinesParser parser = new JsonLinesParser(options, format);
    LanguageIdentifier id = LanguageIdentifier.shipped();
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
          return toRow(recs.get(0), file, offset, id);
        }
        List<Row> rows = new ArrayList<>(recs.size());
        for (ParsedRecord r : recs) {
          rows.add(toRow(r, file, offset, id));
        }
        pending = rows.iterator();
        return pending.next();
      }
    };
  }

  // Field positions in STAGING_SCHEMA, looked up once (toRow runs for every input record).
  private static final int I_INGEST_FILE = idx("ingest_file");
  private static final int I_INGEST_OFFSET = idx("ingest_offset");
  private static final int I_KIND = idx("kind");
  private static final int I_REVIEW_ID = idx("review_id");
  private static final int I_SOURCE = idx("source");
  private static final int I_BUSINESS_ID = idx("business_id");
  private static final int I_BUSINESS_NAME = idx("business_name");
  private static final int I_BUSINESS_CATEGORY = idx("business_category");
  private static final int I_CITY = idx("city");
  private static final int I_AUTHOR_ID_HASH = idx("author_id_hash");
  private static final int I_RATING = idx("rating");
  private static final int I_TEXT = idx("text");
  private static final int I_SOURCE_LANGUAGE = idx("source_language");
  private static final int I_LANGUAGE = idx("language");
  private static final int I_CREATED_AT = idx("created_at");
  private static final int I_UPDATED_AT = idx("updated_at");
  private static final int I_OWNER_REPLY_TEXT = idx("owner_reply_text");
  private static final int I_OWNER_REPLY_AT = idx("owner_reply_at");
  private static final int I_REASON = idx("reason");
  private static final int I_DETAIL = idx("detail");
  private static final int I_RAW = idx("raw");
  private static final int I_RAW_BYTES = idx("raw_bytes");
  private static final int I_RAW_TRUNCATED = idx("raw_truncated");

  /**
   * The staging row of a parsed record. A review's {@code language} is identified here, in the
   * parsing pass, rather than in a pass of its own after deduplication: that pass converted every
   * accepted row to a {@link Row} and back. (Duplicates, about 1% of the records, are identified in
   * vain.)
   */
  static Row toRow(ParsedRecord rec, String file, long offset, LanguageIdentifier id) {
    Object[] v = new Object[STAGING_SCHEMA.size()];
    v[I_INGEST_FILE] = file;
    v[I_INGEST_OFFSET] = offset;
    if (rec instanceof ParsedRecord.Review r) {
      v[I_KIND] = KIND_REVIEW;
      v[I_REVIEW_ID] = r.reviewId();
      v[I_SOURCE] = r.source();
      v[I_BUSINESS_ID] = r.businessId();
      v[I_BUSINESS_NAME] = r.businessName();
      v[I_BUSINESS_CATEGORY] = r.businessCategory();
      v[I_CITY] = r.city();
      v[I_AUTHOR_ID_HASH] = r.authorIdHash();
      v[I_RATING] = r.rating();
      v[I_TEXT] = r.text();
      v[I_SOURCE_LANGUAGE] = r.language();
      v[I_LANGUAGE] = language(id.identify(r.text()), r.language());
      v[I_CREATED_AT] = ts(r.createdAt());
      v[I_UPDATED_AT] = ts(r.updatedAt());
      v[I_OWNER_REPLY_TEXT] = r.ownerReplyText();
      v[I_OWNER_REPLY_AT] = ts(r.ownerReplyAt());
    } else if (rec instanceof ParsedRecord.Reject j) {
      v[I_KIND] = KIND_REJECT;
      v[I_REASON] = j.reason().code();
      v[I_DETAIL] = j.detail();
      v[I_RAW] = j.raw();
      v[I_RAW_BYTES] = j.rawBytes();
      v[I_RAW_TRUNCATED] = j.rawTruncated();
    } else if (rec instanceof ParsedRecord.BusinessInfo b) {
      v[I_KIND] = KIND_BUSINESS;
      v[I_BUSINESS_ID] = b.id();
      v[I_BUSINESS_NAME] = b.name();
      v[I_BUSINESS_CATEGORY] = b.category();
      v[I_CITY] = b.city();
    } else {
      v[I_KIND] = KIND_BLANK;
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
