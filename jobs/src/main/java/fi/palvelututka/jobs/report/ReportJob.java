package fi.palvelututka.jobs.report;

import fi.palvelututka.jobs.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Report: renders {@code lake/business_summary} as a self-contained HTML overview ({@code
 * <reports>/index.html}). One row per business, so collecting to the driver is bounded by the
 * number of businesses. Every value taken from the data is HTML-escaped.
 */
public final class ReportJob {

  private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

  private final SparkSession spark;

  public ReportJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Writes the report; returns the path of index.html. */
  public String execute(String lake, String reportsDir, String runId) throws IOException {
    List<Row> rows =
        spark
            .read()
            .parquet(lake + "/" + Tables.BUSINESS_SUMMARY)
            .orderBy(
                org.apache.spark.sql.functions.col("review_count").desc(),
                org.apache.spark.sql.functions.col("business_id"))
            .collectAsList();
    String html = render(rows, runId);
    Path index = new Path(reportsDir, "index.html");
    FileSystem fs = index.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(index, true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    LOG.info("report: {} businesses -> {}", rows.size(), index);
    return index.toString();
  }

  static String render(List<Row> rows, String runId) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append(
        """
        <!DOCTYPE html>
        <html lang="fi"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>palvelututka – yritykset</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse}th,td{padding:.35em .7em;border-bottom:1px solid #ddd}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .neg{color:#b00020}.pos{color:#1b7f3b}
        </style></head><body>
        <h1>Asiakaspalautteen yhteenveto</h1>
        """);
    sb.append("<p>Ajo ")
        .append(escape(runId))
        .append(". Nettosentimentti = (myönteiset − kielteiset) / arviot × 100.</p>\n");
    sb.append(
        "<table><thead><tr><th>Yritys</th><th>Toimiala</th><th>Kaupunki</th><th>Arvioita</th>"
            + "<th>Tähdet ka.</th><th>Myönteisiä</th><th>Neutraaleja</th><th>Kielteisiä</th><th>Ristiriitaisia</th>"
            + "<th>Nettosentimentti</th></tr></thead><tbody>\n");
    for (Row r : rows) {
      double net = r.<Double>getAs("net_sentiment");
      sb.append("<tr><td>")
          .append(escape(orElse(r.getAs("business_name"), r.getAs("business_id"))))
          .append("</td><td>")
          .append(escape(orElse(r.getAs("business_category"), "")))
          .append("</td><td>")
          .append(escape(orElse(r.getAs("city"), "")))
          .append("</td><td class=n>")
          .append(r.<Long>getAs("review_count"))
          .append("</td><td class=n>")
          .append(r.isNullAt(r.fieldIndex("rating_mean")) ? "–" : fmt(r.getAs("rating_mean"), 2))
          .append("</td><td class=n>")
          .append(pct(r.getAs("positive_share")))
          .append("</td><td class=n>")
          .append(pct(r.getAs("neutral_share")))
          .append("</td><td class=n>")
          .append(pct(r.getAs("negative_share")))
          .append("</td><td class=n>")
          .append(pct(r.getAs("mixed_share")))
          .append("</td><td class=\"n ")
          .append(net < 0 ? "neg" : "pos")
          .append("\">")
          .append(fmt(net, 0))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n</body></html>\n");
    return sb.toString();
  }

  private static String orElse(String v, String dflt) {
    return v == null ? dflt : v;
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String pct(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.0f %%", v * 100);
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
