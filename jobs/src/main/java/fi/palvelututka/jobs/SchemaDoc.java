package fi.palvelututka.jobs;

import fi.palvelututka.jobs.ingest.RejectReason;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeCategory;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Renders {@code docs/schema.md} from the schemas in {@link Tables} (every column's meaning is the
 * field's comment there), the reject reasons and the shipped taxonomy, so the document cannot drift
 * from the code: {@code SchemaDocTest} fails when the committed file differs.
 */
public final class SchemaDoc {

  /** Regenerates the file: {@code bin/palvelututka schema --out docs/schema.md}. */
  public static final String COMMAND = "bin/palvelututka schema --out docs/schema.md";

  /** A lake table as documented. */
  record Table(String name, StructType schema, String rowIs, String about) {}

  static final List<Table> TABLES =
      List.of(
          new Table(
              Tables.REVIEWS,
              Tables.REVIEWS_SCHEMA,
              "review (the latest version of each review_id, across all runs)",
              "Canonical reviews from every input format. A review sent again with a newer"
                  + " `updated_at` (or `created_at`) replaces the stored one; the stored one wins a"
                  + " tie."),
          new Table(
              Tables.REJECTS,
              Tables.REJECTS_SCHEMA,
              "input record that could not be used (appended by every run)",
              "Every input record is either in `reviews` (or counted as a duplicate or business"
                  + " record in the run manifest) or here, with a reason."),
          new Table(
              Tables.REVIEW_TAGS,
              Tables.REVIEW_TAGS_SCHEMA,
              "review in Finnish or of undetermined language (`reviews.language` `fi` or `und`)",
              "Sentiment and service-quality themes of a review. Reviews in other languages are"
                  + " not tagged."),
          new Table(
              Tables.ASPECT_MENTIONS,
              Tables.ASPECT_MENTIONS_SCHEMA,
              "theme mention (one element of `review_tags.aspects`)",
              "The same mentions as `review_tags.aspects`, flat, for queries by theme."),
          new Table(
              Tables.BUSINESS_SUMMARY,
              Tables.BUSINESS_SUMMARY_SCHEMA,
              "business and period (`all_time`, `last_30d`, `last_90d`)",
              "Recomputed over the whole lake by every run. The 30- and 90-day periods end at the"
                  + " end of the `--as-of` day (UTC) and are compared with the period of the same"
                  + " length before them."),
          new Table(
              Tables.BUSINESS_MONTHLY,
              Tables.BUSINESS_MONTHLY_SCHEMA,
              "business and calendar month (UTC) with at least one review",
              "Recomputed over the whole lake by every run."),
          new Table(
              Tables.PROCESSED_FILES,
              Tables.PROCESSED_FILES_SCHEMA,
              "input file read by a committed run",
              "What incremental runs skip: a file whose content (SHA-256) is here is not read"
                  + " again unless `--reprocess`."));

  private SchemaDoc() {}

  /** The whole document. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# palvelututka lake schema\n\n")
        .append("<!-- Generated from jobs/src/main/java/fi/palvelututka/jobs/Tables.java by `")
        .append(COMMAND)
        .append("`. Do not edit by hand: SchemaDocTest fails when this file is stale. -->\n\n")
        .append(
            """
            The nightly job writes these tables as Parquet under the lake folder (`--lake`). The
            column lists below are generated from the schema declarations the job itself writes
            with, so they are exactly what you read.

            ## Layout and conventions

            ```
            <lake>/
              reviews/  rejects/  review_tags/  aspect_mentions/
              business_summary/  business_monthly/  processed_files/   one folder of Parquet files per table
              _runs/<run_id>.json      run manifest: inputs, counts per stage, model versions, timings
              _staging/<run_id>/       a run in progress (never read this)
              _lock, _lock.heartbeat   the run that holds the lake (one run at a time)
            ```

            - **Reading.** Read a table as its folder: `spark.read.parquet("<lake>/reviews")`, DuckDB
              `'<lake>/reviews/*.parquet'`, pandas `pd.read_parquet("<lake>/reviews")`. Tables are
              not partitioned into subfolders; file names and the number of files change from run
              to run.
            - **Consistency.** A run replaces all tables together (see README, "All or nothing"), so
              a reader sees one night or the next, never a mix. `run_id` on a row says which run
              wrote it; tags of unchanged reviews keep the `run_id` of the run that tagged them.
            - **Types.** Spark type names; in Parquet: `string` = BYTE_ARRAY (UTF-8), `int` =
              INT32, `bigint` = INT64, `double` = DOUBLE, `boolean` = BOOLEAN, `date` = INT32
              (DATE), `timestamp` = INT64 TIMESTAMP(MICROS, adjusted to UTC) (DuckDB `TIMESTAMP WITH
              TIME ZONE`, pandas `datetime64[us, UTC]`). Lakes written before 2026-11-22 hold
              `timestamp` as INT96, which Spark, DuckDB and pyarrow also read.
            - **Time.** Every timestamp is UTC. Months are calendar months in UTC.
            - **Text offsets.** `start`/`end` are offsets into `reviews.text` in UTF-16 code units
              (Java/JavaScript string indices; Python `str` indices agree unless the text has
              characters outside the Basic Multilingual Plane, such as emoji), `end` exclusive.
            - **Units.** Rates and shares are fractions in [0, 1]; `net_sentiment` is in points,
              [-100, 100]; ratings are stars 1–5; intervals are Wilson score 95% intervals.
            - **Nulls.** The *null* column says whether a column can be null. A rate is null when
              its sample is below `min_reviews`, and `suppressed_reason` says why.
            - **Stability.** Columns are only added, never renamed, retyped or removed without a
              new major version of palvelututka. Order columns by name, not position.

            """);
    md.append("## Tables\n\n| table | one row per |\n|---|---|\n");
    for (Table t : TABLES) {
      md.append("| [`")
          .append(t.name())
          .append("`](#")
          .append(t.name())
          .append(") | ")
          .append(t.rowIs())
          .append(" |\n");
    }
    md.append('\n');
    for (Table t : TABLES) {
      md.append("### ").append(t.name()).append("\n\n");
      md.append("One row per ").append(t.rowIs()).append(". ").append(t.about()).append("\n\n");
      md.append("| column | type | null | meaning |\n|---|---|---|---|\n");
      columns(md, "", t.schema());
      md.append('\n');
    }
    rejectReasons(md);
    taxonomy(md);
    md.append(
        """
        ## Model versions

        Every tagged row carries `model_version`, the bundle of the three models that produced it:
        `analyzer-fi@<sha>+sentiment-fi@<sha>+themes-fi@<sha>`, where `<sha>` is the first 12 hex
        digits of the SHA-256 of the exact model file shipped in `models/trained/` (the taxonomy
        file for `themes-fi`). The run manifest (`_runs/<run_id>.json`) records the same string and
        the language detector's version (`langdetect-183@<sha>`). When the model version changes,
        the next run tags every review again, so one lake holds one model version. To compare
        results across versions, keep the older lake. The models' held-out quality is in
        [models/README.md](../models/README.md) (the model card) and `models/eval/`.

        ## Citing the data behind the models

        When you publish results from these tables, cite palvelututka (with the `model_version`)
        and the corpora its models were trained on:

        - **FinnSentiment** — K. Lindén, T. Jauhiainen, S. Hardwick: *FinnSentiment: a Finnish
          social media corpus for sentiment polarity annotation*. Language Resources and
          Evaluation 57(2), 2023. CC BY 4.0. http://urn.fi/urn:nbn:fi:lb-2020111001
        - **Universal Dependencies Finnish** — UD_Finnish-TDT (Haverinen et al. 2014, CC BY-SA
          4.0), UD_Finnish-FTB (Voutilainen et al., CC BY 4.0), UD_Finnish-OOD (CC BY-SA 4.0):
          sentence splitting, tokenization and lemmas.
        - **AFINN-fi** — F. Å. Nielsen, fnielsen/afinn (Apache-2.0): sentiment lexicon features.
        - **XED** — E. Öhman et al. 2020, Helsinki-NLP/XED (CC BY 4.0): analyzer vocabulary.
        - **OpenNLP langdetect-183** — Apache OpenNLP (Apache-2.0): language detection.

        The service-quality taxonomy and its Finnish vocabulary, and the evaluation sets under
        `models/eval-data/`, were written for this project.
        """);
    return md.toString();
  }

  /** One row per column; nested struct fields as {@code parent.child} / {@code parent[].child}. */
  private static void columns(StringBuilder md, String prefix, StructType schema) {
    for (StructField f : schema.fields()) {
      String name = prefix + f.name();
      String doc = f.getComment().isDefined() ? f.getComment().get() : "";
      md.append("| `")
          .append(name)
          .append("` | ")
          .append(typeName(f.dataType()))
          .append(" | ")
          .append(f.nullable() ? "yes" : "no")
          .append(" | ")
          .append(doc.replace("|", "\\|"))
          .append(" |\n");
      DataType t = f.dataType();
      if (t instanceof StructType st) {
        columns(md, name + ".", st);
      } else if (t instanceof ArrayType at && at.elementType() instanceof StructType st) {
        columns(md, name + "[].", st);
      }
    }
  }

  static String typeName(DataType t) {
    if (t instanceof StructType) {
      return "struct";
    }
    if (t instanceof ArrayType at) {
      return "array<" + typeName(at.elementType()) + ">";
    }
    return t.simpleString();
  }

  private static void rejectReasons(StringBuilder md) {
    md.append("## Reject reasons (`rejects.reason`)\n\n| reason | meaning |\n|---|---|\n");
    for (RejectReason r : RejectReason.values()) {
      md.append("| `").append(r.code()).append("` | ").append(r.description()).append(" |\n");
    }
    md.append('\n');
  }

  private static void taxonomy(StringBuilder md) {
    Taxonomy tx = Taxonomy.shipped();
    md.append("## Service-quality themes (`category`)\n\n")
        .append("Taxonomy version ")
        .append(tx.version())
        .append(", from `models/taxonomy/themes-fi.json` (which also holds the Finnish evidence")
        .append(" vocabulary). `polarity` is `complaint` or `praise`.\n\n")
        .append("| category | suomeksi | English | SERVQUAL | covers |\n|---|---|---|---|---|\n");
    for (ThemeCategory c : tx.categories()) {
      md.append("| `")
          .append(c.id())
          .append("` | ")
          .append(c.labelFi())
          .append(" | ")
          .append(c.labelEn())
          .append(" | ")
          .append(c.servqual())
          .append(" | ")
          .append(c.description().replace("|", "\\|"))
          .append(" |\n");
    }
    md.append('\n');
  }
}
