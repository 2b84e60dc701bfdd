package fi.palvelututka.jobs.nightly;

import fi.palvelututka.jobs.ingest.IngestOptions;
import fi.palvelututka.jobs.summarize.SummarizeJob;

/**
 * Options of one nightly run. Precedence (README): command-line option > {@code --conf} /
 * spark-submit conf > default.
 *
 * @param lake output folder of the Parquet tables (any Hadoop filesystem URI)
 * @param reports folder of the HTML reports, or {@code null} for none
 * @param runId identifier of this run (used in every row and in the manifest name)
 * @param summary as-of date and minimum samples of the summaries
 * @param reprocess read input files again even if a committed run processed their content
 */
public record NightlyOptions(
    IngestOptions ingest,
    String lake,
    String reports,
    String runId,
    SummarizeJob.Options summary,
    boolean reprocess) {

  /** With the default summary options (as of today, UTC), incremental. */
  public NightlyOptions(IngestOptions ingest, String lake, String reports, String runId) {
    this(ingest, lake, reports, runId, SummarizeJob.Options.defaults(), false);
  }

  /** Incremental (files already processed are skipped). */
  public NightlyOptions(
      IngestOptions ingest,
      String lake,
      String reports,
      String runId,
      SummarizeJob.Options summary) {
    this(ingest, lake, reports, runId, summary, false);
  }

  public NightlyOptions {
    if (summary == null) {
      throw new IllegalArgumentException("Invalid summary options (none)");
    }
    if (lake == null || lake.isBlank()) {
      throw new IllegalArgumentException("Invalid lake path (blank)");
    }
    if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      // the run id names folders in the lake: it must not be "." or "..", nor a hidden name
      throw new IllegalArgumentException(
          "Invalid run id (a letter or digit, then letters, digits, '.', '_' or '-'; at most 100): "
              + runId);
    }
  }
}
