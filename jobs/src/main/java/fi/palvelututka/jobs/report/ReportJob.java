package fi.palvelututka.jobs.report;

import static org.apache.spark.sql.functions.col;

import fi.palvelututka.jobs.Tables;
import fi.palvelututka.models.themes.Taxonomy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Report: renders the committed {@code business_summary} and {@code business_monthly} as {@code
 * <reports>/<business>.html} per business and {@code <reports>/index.html} (see {@link
 * ReportHtml}). The rows are streamed to the driver business by business ({@code toLocalIterator}),
 * so the driver holds one business at a time plus the index's list. Each file is written to a
 * temporary name and renamed, so a reader never sees half a page.
 */
public final class ReportJob {

  private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

  private final SparkSession spark;

  public ReportJob(SparkSession spark) {
    this.spark = spark;
  }

  /** A summary table's rows, streamed to the driver in business order, then by {@code key}. */
  private Iterator<Row> byBusiness(String lake, String table, String key) {
    return spark
        .read()
        .parquet(lake + "/" + table)
        .orderBy(col("business_id"), col(key))
        .toLocalIterator();
  }

  /** Writes the reports; returns the path of index.html. */
  public String execute(String lake, String reportsDir, String runId) throws IOException {
    spark.sparkContext().setJobGroup("report", "palvelututka report", false);
    try {
      ReportHtml html = new ReportHtml(Taxonomy.shipped());
      Path dir = new Path(reportsDir);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(dir);
      Iterator<Row> summary = byBusiness(lake, Tables.BUSINESS_SUMMARY, "period");
      Iterator<Row> monthly = byBusiness(lake, Tables.BUSINESS_MONTHLY, "month");
      List<Row> allTime = new ArrayList<>();
      Map<String, Row> last30 = new LinkedHashMap<>();
      Row pendingMonth = monthly.hasNext() ? monthly.next() : null;
      Row pending = summary.hasNext() ? summary.next() : null;
      int pages = 0;
      while (pending != null) {
        String id = pending.getAs("business_id");
        Map<String, Row> periods = new LinkedHashMap<>();
        while (pending != null && id.equals(pending.getAs("business_id"))) {
          periods.put(pending.getAs("period"), pending);
          pending = summary.hasNext() ? summary.next() : null;
        }
        List<Row> months = new ArrayList<>();
        while (pendingMonth != null && id.compareTo(pendingMonth.getAs("business_id")) > 0) {
          pendingMonth = monthly.hasNext() ? monthly.next() : null; // months of no summary row
        }
        while (pendingMonth != null && id.equals(pendingMonth.getAs("business_id"))) {
          months.add(pendingMonth);
          pendingMonth = monthly.hasNext() ? monthly.next() : null;
        }
        Row all = periods.get("all_time");
        if (all == null) {
          continue;
        }
        allTime.add(all);
        if (periods.containsKey("last_30d")) {
          last30.put(id, periods.get("last_30d"));
        }
        write(fs, new Path(dir, ReportHtml.fileName(id)), html.business(periods, months, runId));
        if (++pages % 500 == 0) {
          LOG.info("report: {} business pages written", pages);
        }
      }
      allTime.sort(
          (a, b) -> {
            String x =
                a.getAs("business_name") == null
                    ? a.getAs("business_id")
                    : a.getAs("business_name");
            String y =
                b.getAs("business_name") == null
                    ? b.getAs("business_id")
                    : b.getAs("business_name");
            return x.compareToIgnoreCase(y);
          });
      Path index = new Path(dir, "index.html");
      write(fs, index, html.index(allTime, last30, runId));
      LOG.info("report: {} business pages and {}", pages, index);
      return index.toString();
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static void write(FileSystem fs, Path target, String html) throws IOException {
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    if (fs.exists(target)) {
      fs.delete(target, false);
    }
    if (!fs.rename(tmp, target)) {
      throw new IOException("Cannot move " + tmp + " to " + target);
    }
  }
}
