package fi.palvelututka.jobs.report;

import fi.palvelututka.jobs.Tables;
import fi.palvelututka.models.cli.ExitCodes;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: renders the HTML reports from a lake's committed summary tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Render the HTML reports (one page per business and index.html) from the summary tables"
          + " of a lake written by 'nightly'. Self-contained pages: no scripts, no external files.",
      "Exit codes: 0 ok, 2 bad arguments, 3 no summary tables in the lake, 1 internal error."
    })
public final class ReportCommand implements Callable<Integer> {

  @Option(
      names = "--lake",
      required = true,
      paramLabel = "<dir>",
      description = "Lake folder written by nightly.")
  String lake;

  @Option(
      names = "--reports",
      required = true,
      paramLabel = "<dir>",
      description = "Folder to write the reports to.")
  String reports;

  @picocli.CommandLine.Mixin fi.palvelututka.jobs.SparkOptions sparkOptions;

  @Override
  public Integer call() throws Exception {
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = sparkOptions.session("palvelututka report");
    try {
      for (String table : new String[] {Tables.BUSINESS_SUMMARY, Tables.BUSINESS_MONTHLY}) {
        Path success = new Path(new Path(lake, table), "_SUCCESS");
        if (!success.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(success)) {
          System.err.println(
              "report: no " + table + " table in " + lake + " (run 'nightly' first)");
          return ExitCodes.INPUT;
        }
      }
      String runId = "report-" + java.time.Instant.now().toString().replace(':', '-');
      String index = new ReportJob(spark).execute(lake, reports, runId);
      System.out.println("report: " + index);
      return ExitCodes.OK;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }
}
