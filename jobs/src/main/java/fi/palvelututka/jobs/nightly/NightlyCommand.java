package fi.palvelututka.jobs.nightly;

import fi.palvelututka.jobs.ingest.IngestCounts;
import fi.palvelututka.jobs.ingest.IngestOptions;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import fi.palvelututka.models.cli.ExitCodes;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nightly}: ingest → tag → summarize → report over the given dumps. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the nightly pipeline: ingest review dumps, tag sentiment and themes, write per-business"
          + " summaries (Parquet under --lake) and optionally HTML reports.",
      "Exit codes: 0 ok, 2 bad arguments, 3 input error, 4 counts do not reconcile, 5 the lake is"
          + " in use by another run, 1 internal error."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "<path>",
      description =
          "Review dump files or folders (repeatable or comma-separated; a path whose own name has a"
              + " comma is taken whole when it exists; any Hadoop filesystem path; .gz allowed).")
  List<String> inputs;

  @Option(
      names = "--lake",
      required = true,
      paramLabel = "<dir>",
      description = "Output folder of the Parquet tables.")
  String lake;

  @Option(
      names = "--reports",
      paramLabel = "<dir>",
      description = "Also write HTML reports to this folder.")
  String reports;

  @picocli.CommandLine.Mixin fi.palvelututka.jobs.SparkOptions sparkOptions;

  @Option(
      names = "--max-text-chars",
      paramLabel = "<n>",
      defaultValue = "" + IngestOptions.DEFAULT_MAX_TEXT_CHARS,
      description = "Reject texts longer than this (default: ${DEFAULT-VALUE}).")
  int maxTextChars;

  @Option(
      names = "--default-zone",
      paramLabel = "<zone>",
      defaultValue = IngestOptions.DEFAULT_ZONE,
      description = "Time zone of dates given without offset (default: ${DEFAULT-VALUE}).")
  String defaultZone;

  @Option(
      names = "--author-salt",
      paramLabel = "<secret>",
      defaultValue = "${env:PALVELUTUTKA_AUTHOR_SALT}",
      description =
          "Salt for hashing author names (default: $PALVELUTUTKA_AUTHOR_SALT). Without a salt,"
              + " author names are dropped.")
  String authorSalt;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      description =
          "Format of every input (default: detected per file from its content): jsonl, csv,"
              + " google-business, google-places, facebook, yelp, trustpilot, businesses,"
              + " businesses-csv.")
  String format;

  @Option(
      names = "--encoding",
      paramLabel = "<encoding>",
      description =
          "Text encoding of every input (default: detected per file, see README \"Text"
              + " encodings\"): UTF-8, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1,"
              + " ISO-8859-15.")
  String encoding;

  @Option(
      names = "--field-map",
      paramLabel = "<canonical=source>",
      split = ",",
      description =
          "Field names of generic JSON Lines / CSV, e.g. --field-map text=body,review_id=id"
              + " (dotted paths read nested JSON fields).")
  Map<String, String> fieldMap = new LinkedHashMap<>();

  @Option(
      names = "--business-id",
      paramLabel = "<id>",
      description = "Business of records that name none (exports of one business).")
  String businessId;

  @Option(names = "--business-name", paramLabel = "<name>", description = "Its name.")
  String businessName;

  @Option(names = "--business-category", paramLabel = "<category>", description = "Its category.")
  String businessCategory;

  @Option(names = "--city", paramLabel = "<city>", description = "Its city.")
  String city;

  @Option(
      names = "--run-id",
      paramLabel = "<id>",
      description = "Run identifier (default: UTC time + random suffix).")
  String runId;

  @Option(
      names = "--as-of",
      paramLabel = "<yyyy-mm-dd>",
      description =
          "Last day of the rolling summary periods (last 30 / 90 days), UTC (default: today).")
  String asOf;

  @Option(
      names = "--min-reviews",
      paramLabel = "<n>",
      description =
          "Fewest tagged reviews a rate, alert or peer percentile is computed from (default:"
              + " ${DEFAULT-VALUE}); below it the rate is null with the reason.")
  int minReviews = SummarizeJob.DEFAULT_MIN_REVIEWS;

  @Option(
      names = "--min-peers",
      paramLabel = "<n>",
      description = "Fewest peers a percentile is computed among (default: ${DEFAULT-VALUE}).")
  int minPeers = SummarizeJob.DEFAULT_MIN_PEERS;

  @Option(
      names = "--reprocess",
      description =
          "Read every input again, also files whose content an earlier run processed (default:"
              + " such files are skipped, so rerunning a night changes nothing).")
  boolean reprocess;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    NightlyOptions options;
    try {
      IngestOptions ingest =
          new IngestOptions(
              inputs,
              maxTextChars,
              ZoneId.of(defaultZone),
              authorSalt,
              IngestOptions.DEFAULT_MAX_RAW_CHARS,
              new fi.palvelututka.jobs.ingest.SourceOptions(
                  format, fieldMap, businessId, businessName, businessCategory, city, encoding));
      SummarizeJob.Options summary =
          new SummarizeJob.Options(
              asOf == null ? java.time.LocalDate.now(ZoneOffset.UTC) : parseDate(asOf),
              minReviews,
              minPeers);
      options =
          new NightlyOptions(
              ingest,
              stripSlash(lake),
              reports,
              runId == null ? newRunId() : runId,
              summary,
              reprocess);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      err.println("nightly: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    // A session that already exists (tests, notebooks) belongs to its creator: do not stop it.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = sparkOptions.session("palvelututka nightly");
    try {
      NightlyJob.Outcome o;
      try {
        o = new NightlyJob(spark, options).execute();
      } catch (FileNotFoundException e) {
        err.println("nightly: " + e.getMessage());
        return ExitCodes.INPUT;
      } catch (NightlyJob.RunIdUsedException | NightlyJob.OutputUnusableException e) {
        err.println("nightly: " + e.getMessage());
        return ExitCodes.USAGE;
      } catch (fi.palvelututka.jobs.LakeLock.LakeInUseException e) {
        err.println("nightly: " + e.getMessage());
        return ExitCodes.LAKE_IN_USE;
      }
      if (o.nothingToDo()) {
        out.printf(
            "nothing to do: all %d input file(s) were processed by earlier runs; the lake is"
                + " unchanged (use --reprocess to read them again)%n",
            o.alreadyProcessed().size());
        if (o.reportIndex() != null) {
          out.printf("report:   %s (of the unchanged lake)%n", o.reportIndex());
        }
        return ExitCodes.OK;
      }
      IngestCounts c = o.ingest().total();
      out.printf(
          "run %s (Spark %s, %s)%n",
          options.runId(), spark.version(), spark.sparkContext().master());
      out.printf(
          "read %d records from %d file(s): %d accepted (%d updated), %d duplicates, %d rejected%s%n",
          c.read(),
          o.ingest().files().size(),
          c.accepted(),
          c.updated(),
          c.duplicates(),
          c.rejected(),
          c.rejectedByReason().isEmpty() ? "" : " " + c.rejectedByReason());
      out.printf(
          "counts %s: %d = %d + %d + %d%s%n",
          o.reconciles() ? "reconcile" : "DO NOT RECONCILE",
          c.read(),
          c.accepted(),
          c.duplicates(),
          c.rejected(),
          c.businessRecords() == 0 ? "" : " + " + c.businessRecords() + " business records");
      for (String w : o.ingest().filesWithNothingAccepted()) {
        out.printf("warning: %s%n", w);
      }
      out.printf("languages of the accepted reviews: %s%n", o.ingest().acceptedByLanguage());
      out.printf(
          "lake holds %d reviews: %d tagged (%d by this run), %d in other languages not tagged%s%n",
          o.ingest().lakeReviews(),
          o.tags().reviews(),
          o.tags().taggedNow(),
          o.tags().skipped(),
          o.tags().skippedByLanguage().isEmpty() ? "" : " " + o.tags().skippedByLanguage());
      out.printf("summarized %d businesses%n", o.businesses());
      if (!o.alreadyProcessed().isEmpty()) {
        out.printf(
            "skipped %d input file(s) processed by earlier runs%n", o.alreadyProcessed().size());
      }
      out.printf("lake:     %s%n", options.lake());
      out.printf("manifest: %s%n", o.manifestPath());
      if (o.reportIndex() != null) {
        out.printf("report:   %s%n", o.reportIndex());
      }
      return o.reconciles() ? ExitCodes.OK : ExitCodes.RECONCILIATION;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private static java.time.LocalDate parseDate(String s) {
    java.time.LocalDate d;
    try {
      d = java.time.LocalDate.parse(s, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid --as-of date (want yyyy-mm-dd): " + s);
    }
    if (d.getYear() < IngestOptions.EARLIEST_YEAR || d.getYear() > IngestOptions.LATEST_YEAR) {
      throw new IllegalArgumentException(
          "Invalid --as-of date (years "
              + IngestOptions.EARLIEST_YEAR
              + "-"
              + IngestOptions.LATEST_YEAR
              + "): "
              + s);
    }
    return d;
  }

  private static String stripSlash(String p) {
    return p != null && p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(ZonedDateTime.now(ZoneOffset.UTC))
        + "-"
        + UUID.randomUUID().toString().substring(0, 6);
  }
}
