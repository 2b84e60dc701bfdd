package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.jobs.Lake;
import fi.palvelututka.jobs.SparkTestSession;
import fi.palvelututka.jobs.Tables;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, one file each, through the real Spark ingest: for every file, how many records
 * were accepted and which reject reasons it produced; and the whole run reconciles.
 */
class HostileInputsTest {

  @TempDir static Path dir;
  static IngestJob.Result result;
  static Map<String, List<String>> rejectsByFile = new TreeMap<>();
  static Map<String, List<String>> textsByFile = new TreeMap<>();

  /** File name → (accepted reviews, reject reasons sorted). */
  record Expect(long accepted, List<String> reasons) {}

  static final Map<String, Expect> EXPECT = new LinkedHashMap<>();

  static String rec(String id, String text) {
    return "{\"review_id\": \""
        + id
        + "\", \"business_id\": \"b\", \"text\": "
        + text
        + ", \"created_at\": \"2026-10-01\"}";
  }

  static void file(String name, byte[] content, long accepted, String... reasons) throws Exception {
    Files.write(dir.resolve("in").resolve(name), content);
    List<String> r = new ArrayList<>(List.of(reasons));
    r.sort(null);
    EXPECT.put(name, new Expect(accepted, r));
  }

  static void file(String name, String content, long accepted, String... reasons) throws Exception {
    file(name, content.getBytes(StandardCharsets.UTF_8), accepted, reasons);
  }

  /** Incompressible letters, so that damage at the end of a gzip stays at the end. */
  static String noise(int n) {
    java.util.Random r = new java.util.Random(7);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @BeforeAll
  static void run() throws Exception {
    Files.createDirectories(dir.resolve("in"));
    file("01-bom.jsonl", "\uFEFF" + rec("bom", "\"BOM alussa.\"") + "\n", 1);
    file(
        "02-crlf.jsonl",
        rec("crlf1", "\"Rivi yksi.\"") + "\r\n" + rec("crlf2", "\"Kaksi.\"") + "\r\n",
        2);
    file("03-nul-byte.jsonl", rec("nul", "\"NUL\u0000tavu\"") + "\n", 0, "malformed_json");
    file(
        "04-truncated-last-line.jsonl",
        rec("ok", "\"Ehjä.\"") + "\n{\"review_id\": \"cut\", \"business_id\": \"b\", \"te",
        1,
        "malformed_json");
    // a UTF-8 file (its first line's ä is UTF-8) with one line in Latin-1: that line is rejected
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    bad.write((rec("utf8", "\"Hyvä.\"") + "\n").getBytes(StandardCharsets.UTF_8));
    bad.write(
        "{\"review_id\": \"latin\", \"business_id\": \"b\", \"text\": \"Hyv"
            .getBytes(StandardCharsets.UTF_8));
    bad.write(new byte[] {(byte) 0xE4}); // ä in Latin-1
    bad.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    file("05-invalid-utf8.jsonl", bad.toByteArray(), 1, "invalid_utf8");
    file(
        "06-one-megabyte-text.jsonl",
        rec("big", "\"" + "a".repeat(1_000_000) + "\"") + "\n",
        0,
        "text_too_long");
    file("07-emoji-only.jsonl", rec("emoji", "\"😀😀😀\"") + "\n", 1);
    file("08-empty-file.jsonl", "", 0);
    file(
        "09-wrong-types.jsonl",
        "{\"review_id\": {\"x\": 1}, \"business_id\": \"b\", \"text\": \"t\"}\n"
            + "{\"review_id\": \"t2\", \"business_id\": \"b\", \"text\": 42}\n"
            + "{\"review_id\": \"t3\", \"business_id\": \"b\", \"text\": \"t\", \"rating\": [5]}\n",
        0,
        "wrong_type",
        "wrong_type",
        "invalid_rating");
    file(
        "10-odd-dates.jsonl",
        "{\"review_id\": \"d1\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"2026-13-45\"}\n"
            + "{\"review_id\": \"d2\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"31.2.2026\"}\n"
            + "{\"review_id\": \"d3\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"1.10.2026 14.30\"}\n"
            + "{\"review_id\": \"d4\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"1790000000000\"}\n"
            + "{\"review_id\": \"d5\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"ensi tiistaina\"}\n",
        2,
        "invalid_date",
        "invalid_date",
        "invalid_date");
    byte[] gz =
        gzip(
            rec("g1", "\"Ennen vauriota.\"")
                + "\n"
                + rec("g2", "\"Tämäkin.\"")
                + "\n"
                + noise(5000)
                + "\n");
    file("11-corrupt.jsonl.gz", java.util.Arrays.copyOf(gz, gz.length - 30), 2, "corrupt_gzip");
    file(
        "12-duplicate-ids-with-edits.jsonl",
        "{\"review_id\": \"e1\", \"business_id\": \"b\", \"text\": \"Alkuperäinen.\", \"updated_at\": \"2026-10-01T10:00:00Z\"}\n"
            + "{\"review_id\": \"e1\", \"business_id\": \"b\", \"text\": \"Muokattu.\", \"updated_at\": \"2026-10-02T10:00:00Z\"}\n"
            + "{\"review_id\": \"e1\", \"business_id\": \"b\", \"text\": \"Muokattu.\", \"updated_at\": \"2026-10-02T10:00:00Z\"}\n",
        1);
    file(
        "13-html-script.jsonl",
        rec("html", "\"<script>alert(1)</script><img src=x onerror=alert(2)> Hyvä!\"") + "\n",
        1);
    file(
        "14-formula.jsonl",
        rec("formula", "\"=HYPERLINK(\\\"http://x.invalid\\\",\\\"klik\\\")\"") + "\n",
        1);
    file("15-blank-lines.jsonl", "\n   \n\t\n" + rec("blank", "\"Tyhjien jälkeen.\"") + "\n\n", 1);
    // a document of one array: each element is a value of its own, and none is an object
    file(
        "16-array-line.jsonl", "[1, 2, 3]\n", 0, "not_an_object", "not_an_object", "not_an_object");
    file(
        "17-missing-text.jsonl",
        "{\"review_id\": \"m\", \"business_id\": \"b\", \"text\": \"   \"}\n",
        0,
        "missing_text");
    file(
        "18-missing-business.jsonl",
        "{\"review_id\": \"m2\", \"text\": \"t\"}\n",
        0,
        "missing_business");
    file(
        "19-missing-id.jsonl",
        "{\"business_id\": \"b\", \"text\": \"t\"}\n",
        0,
        "missing_review_id");
    file(
        "20-ratings-out-of-range.jsonl",
        "{\"review_id\": \"r0\", \"business_id\": \"b\", \"text\": \"t\", \"rating\": 0}\n"
            + "{\"review_id\": \"r6\", \"business_id\": \"b\", \"text\": \"t\", \"rating\": 6}\n"
            + "{\"review_id\": \"r45\", \"business_id\": \"b\", \"text\": \"t\", \"rating\": 4.5}\n"
            + "{\"review_id\": \"rs\", \"business_id\": \"b\", \"text\": \"t\", \"rating\": \"5\"}\n",
        1,
        "invalid_rating",
        "invalid_rating",
        "invalid_rating");
    file(
        "21-unbalanced-quote.csv",
        "review_id,business_id,text\nc1,b,Hyvä\nc2,b,\"Ei loppua\n",
        1,
        "malformed_csv");
    file(
        "22-wrong-column-count.csv",
        "review_id,business_id,text\nc3,b,Hyvä,ylimääräinen\nc4,b,Ok\n",
        1,
        "malformed_csv");
    file("23-bom-semicolon.csv", "\uFEFFreview_id;business_id;text\nc5;b;Puolipisteet\n", 1);
    file(
        "24-google-bad-star.json",
        "{\"reviews\": [{\"reviewId\": \"s1\", \"name\": \"accounts/1/locations/9/reviews/s1\", \"starRating\": \"SIX\", \"comment\": \"x\"},"
            + " {\"reviewId\": \"s2\", \"name\": \"accounts/1/locations/9/reviews/s2\", \"starRating\": \"THREE\", \"comment\": \"Ok.\"}]}",
        1,
        "invalid_rating");
    file(
        "25-facebook-bad-recommendation.json",
        "{\"page_id\": \"p\", \"data\": [{\"created_time\": \"2026-08-02T17:20:11+0000\", \"recommendation_type\": \"maybe\", \"review_text\": \"Hmm.\", \"open_graph_story\": {\"id\": \"f1\"}}]}",
        0,
        "invalid_rating");
    file(
        "26-deeply-nested.jsonl",
        "{\"review_id\": \"n\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n",
        0,
        "malformed_json");
    file(
        "27-truncated-document.json",
        "{\"reviews\": [{\"reviewId\": \"t1\", \"comment\": \"ka",
        0,
        "malformed_json");
    file("28-control-chars.jsonl", rec("ctl", "\"Sarkain\\tja\\u0007kello.\"") + "\n", 1);
    file(
        "29-dates-out-of-range.jsonl",
        rec("d-ok", "\"Hyvä.\"")
            + "\n{\"review_id\": \"d-huge\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": 9000000000000000000}"
            + "\n{\"review_id\": \"d-wrap\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": 18446745773709551616}"
            + "\n{\"review_id\": \"d-year1\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"0001-01-01T00:00:00Z\"}"
            + "\n{\"review_id\": \"d-long\", \"business_id\": \"b\", \"text\": \"t\", \"created_at\": \"2026-11-01T"
            + "T".repeat(100_000)
            + "\"}\n",
        1,
        "invalid_date",
        "invalid_date",
        "invalid_date",
        "invalid_date");
    file(
        "30-first-line-truncated.jsonl",
        "{\"review_id\": \"fb-0\", \"business_id\": \"b\", \"text\": \"Kesken\n"
            + rec("fb-1", "\"Yksi.\"")
            + "\n"
            + rec("fb-2", "\"Kaksi.\"")
            + "\n"
            + rec("fb-3", "\"Kolme.\"")
            + "\n",
        3,
        "malformed_json");
    file(
        "31-first-line-number.jsonl",
        "42\n" + rec("fn-1", "\"Yksi.\"") + "\n" + rec("fn-2", "\"Kaksi.\"") + "\n",
        2,
        "not_an_object");
    file(
        "32-values-after-the-first.jsonl",
        rec("two-a", "\"Eka.\"")
            + rec("two-b", "\"Toka samalla rivillä.\"")
            + "\n"
            + rec("tail", "\"Perässä roskaa.\"")
            + " roskaa\n",
        3,
        "malformed_json");
    file(
        "33-array-of-reviews.json",
        "[" + rec("arr-1", "\"Yksi.\"") + ", " + rec("arr-2", "\"Kaksi.\"") + ", 7]",
        2,
        "not_an_object");
    file(
        "34-first-line-a-business.jsonl",
        "{\"business_id\": \"sal-1\", \"name\": \"Anna\"}\n"
            + rec("fbiz-1", "\"Yksi.\"")
            + "\n"
            + rec("fbiz-2", "\"Kaksi.\"")
            + "\n",
        2,
        "missing_review_id");
    file(
        "35-lone-cr.jsonl.gz",
        gzip(
            rec("cr-1", "\"Yksi.\"")
                + "\r"
                + rec("cr-2", "\"Kaksi.\"")
                + "\r"
                + rec("cr-3", "\"Kolme.\"")),
        3);
    file(
        "36-invisible-text.jsonl",
        rec("nbsp", "\"\u00a0\u00a0\"")
            + "\n"
            + rec("zwsp", "\"\u200b\u200b\"")
            + "\n{\"review_id\": \"nbsp-biz\", \"business_id\": \"\u00a0\", \"text\": \"Hyvä.\"}\n",
        0,
        "missing_text",
        "missing_text",
        "missing_business");
    file("37-blank-first-line.csv", "\n\nreview_id,business_id,text\nc6,b,Hyvä\n", 1);
    file(
        "38-bom-quoted-header.csv",
        "\uFEFF\"review_id\";\"business_id\";\"text\"\nc7;b;\"Lainattu otsikko\"\n",
        1);
    ByteArrayOutputStream latin = new ByteArrayOutputStream();
    latin.write("review_id,business_id,text\nc8,b,Hyv".getBytes(StandardCharsets.UTF_8));
    latin.write(new byte[] {(byte) 0xE4}); // ä in Latin-1
    latin.write(" kahvi\nc9,b,Hyvä\n".getBytes(StandardCharsets.UTF_8));
    file("39-latin1.csv", latin.toByteArray(), 1, "invalid_utf8");
    file("40-export 2026-11-01T02:30:00.jsonl", rec("colon", "\"Kaksoispiste.\"") + "\n", 1);
    file("41-arvostelut,syksy.jsonl", rec("comma", "\"Pilkku.\"") + "\n", 1);
    file("42-glob[1]{a,b}.jsonl", rec("glob", "\"Hakasulkeet.\"") + "\n", 1);
    // a quote that never closes costs its own line, not the rows after it
    file(
        "43-unclosed-quote-mid-file.csv",
        "review_id,business_id,text\nq1,b,Hyvä\nq2,b,\"Ei loppua\nq3,b,Kolmas\nq4,b,Neljäs\n",
        3,
        "malformed_csv");
    // spreadsheet exports: the Windows code page, and "Unicode text" (UTF-16 with a mark, tabs)
    file(
        "44-windows-1252.csv",
        "review_id;business_id;text\nw1;b;Hyvä ja ystävällinen palvelu\nw2;b;Öljynvaihto nopeasti\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252")),
        2);
    file(
        "45-utf16-unicode-text.tsv",
        "\uFEFFreview_id\tbusiness_id\ttext\r\nu1\tb\tÄäni oli hyvä\r\n"
            .getBytes(StandardCharsets.UTF_16LE),
        1);
    // damage in a JSON array costs only the damaged element
    file(
        "46-damaged-array.json",
        "[\n"
            + rec("j1", "\"Ensimmäinen.\"")
            + ",\n"
            + rec("j2", "\"Rikki\" \"x\"")
            + ",\n"
            + rec("j3", "\"Kolmas.\"")
            + "\n]\n",
        2,
        "malformed_json");
    // JSON Lines from Windows: PowerShell's "> out.jsonl" (UTF-16 with a mark, CRLF), a script
    // writing with the code page (Windows-1252), UTF-16 without a mark; one line of the first
    // holds a lone surrogate (not text in UTF-16)
    ByteArrayOutputStream ps = new ByteArrayOutputStream();
    ps.write(
        ("\uFEFF" + rec("ps1", "\"Hyvä palvelu.\"") + "\r\n" + rec("ps2", "\"Ärsyttävä jono.\""))
            .getBytes(StandardCharsets.UTF_16LE));
    ps.write(
        "\r\n{\"review_id\": \"ps3\", \"business_id\": \"b\", \"text\": \"x"
            .getBytes(StandardCharsets.UTF_16LE));
    ps.write(new byte[] {0x00, (byte) 0xD8}); // a high surrogate with no low one after it
    ps.write("\"}\r\n".getBytes(StandardCharsets.UTF_16LE));
    file("47-powershell-utf16.jsonl", ps.toByteArray(), 2, "invalid_utf8");
    file(
        "48-windows-1252.jsonl",
        (rec("cp1", "\"Hyvä ja ystävällinen.\"") + "\n" + rec("cp2", "\"Öljy 5 €.\"") + "\n")
            .getBytes(TextEncoding.WINDOWS_1252),
        2);
    file(
        "49-utf16be-no-mark.jsonl",
        (rec("be1", "\"Kiitos, hyvä.\"") + "\n").getBytes(StandardCharsets.UTF_16BE),
        1);
    // a JSON document in the code page, and one damaged element of a UTF-16 array
    file(
        "50-windows-1252.json",
        ("[" + rec("cpd1", "\"Hyvä.\"") + ", " + rec("cpd2", "\"Äkäinen myyjä.\"") + "]")
            .getBytes(TextEncoding.WINDOWS_1252),
        2);
    file(
        "51-damaged-utf16-array.json",
        ("\uFEFF[\n"
                + rec("ud1", "\"Ensimmäinen.\"")
                + ",\n"
                + rec("ud2", "\"Rikki\" \"x\"")
                + ",\n"
                + rec("ud3", "\"Kolmas.\"")
                + "\n]\n")
            .getBytes(StandardCharsets.UTF_16LE),
        2,
        "malformed_json");
    // Excel's "sep=;" line above the header
    file("52-excel-sep.csv", "sep=;\r\nreview_id;business_id;text\r\nx1;b;Hyvä, kiitos\r\n", 1);
    // hidden folders: never read (a Hadoop job's leftovers, a snapshot, a lake's run manifests)
    Files.createDirectories(dir.resolve("in/_temporary/0"));
    Files.writeString(dir.resolve("in/_temporary/0/part-00000.jsonl"), rec("tmp", "\"x\"") + "\n");
    Files.createDirectories(dir.resolve("in/.snapshot"));
    Files.writeString(dir.resolve("in/.snapshot/old.jsonl"), rec("snap", "\"x\"") + "\n");

    SparkSession spark = SparkTestSession.get();
    String lake = dir.resolve("lake").toString();
    IngestOptions o =
        new IngestOptions(
            List.of(dir.resolve("in").toString()), 20_000, ZoneId.of("Europe/Helsinki"), null, 500);
    Lake staged = new Lake(spark, lake, "hostile");
    result = new IngestJob(spark, o).execute(staged);
    staged.commit(List.of(Tables.REVIEWS, Tables.REJECTS));
    for (Row r : spark.read().parquet(lake + "/" + Tables.REJECTS).collectAsList()) {
      String f = name(r.getAs("ingest_file"));
      rejectsByFile.computeIfAbsent(f, k -> new ArrayList<>()).add(r.getAs("reason"));
    }
    for (Row r : spark.read().parquet(lake + "/" + Tables.REVIEWS).collectAsList()) {
      String f = name(r.getAs("ingest_file"));
      textsByFile.computeIfAbsent(f, k -> new ArrayList<>()).add(r.getAs("text"));
    }
  }

  /** The file name of an ingest_file value (a Hadoop path string, not always a valid URI). */
  static String name(String ingestFile) {
    return ingestFile.substring(ingestFile.lastIndexOf('/') + 1);
  }

  @Test
  void everyHostileFileWentWhereExpected() {
    assertThat(EXPECT).hasSizeGreaterThanOrEqualTo(25);
    Map<String, IngestCounts> per = new TreeMap<>();
    result.perFile().forEach((k, v) -> per.put(name(k), v));
    assertThat(per.keySet()).containsExactlyInAnyOrderElementsOf(EXPECT.keySet());
    EXPECT.forEach(
        (file, e) -> {
          List<String> got = new ArrayList<>(rejectsByFile.getOrDefault(file, List.of()));
          got.sort(null);
          assertThat(got).as(file + " rejects").isEqualTo(e.reasons());
          assertThat(per.get(file).accepted()).as(file + " accepted").isEqualTo(e.accepted());
          assertThat(per.get(file).reconciles()).as(file + " reconciles").isTrue();
        });
    assertThat(result.total().reconciles()).isTrue();
  }

  @Test
  void textsAreKeptVerbatim() {
    assertThat(textsByFile.get("13-html-script.jsonl").get(0))
        .startsWith("<script>alert(1)</script>");
    assertThat(textsByFile.get("14-formula.jsonl").get(0)).startsWith("=HYPERLINK(");
    assertThat(textsByFile.get("07-emoji-only.jsonl").get(0)).isEqualTo("😀😀😀");
    assertThat(textsByFile.get("02-crlf.jsonl"))
        .allSatisfy(t -> assertThat(t).doesNotContain("\r"));
    assertThat(textsByFile.get("12-duplicate-ids-with-edits.jsonl")).containsExactly("Muokattu.");
    assertThat(textsByFile.get("11-corrupt.jsonl.gz"))
        .containsExactlyInAnyOrder("Ennen vauriota.", "Tämäkin.");
    assertThat(textsByFile.get("47-powershell-utf16.jsonl"))
        .containsExactlyInAnyOrder("Hyvä palvelu.", "Ärsyttävä jono.");
    assertThat(textsByFile.get("48-windows-1252.jsonl"))
        .containsExactlyInAnyOrder("Hyvä ja ystävällinen.", "Öljy 5 €.");
    assertThat(textsByFile.get("50-windows-1252.json"))
        .containsExactlyInAnyOrder("Hyvä.", "Äkäinen myyjä.");
    assertThat(textsByFile.get("51-damaged-utf16-array.json"))
        .containsExactlyInAnyOrder("Ensimmäinen.", "Kolmas.");
  }

  @Test
  void duplicatesAndBlankLinesAreCountedNotStored() {
    IngestCounts dup =
        result.perFile().entrySet().stream()
            .filter(e -> e.getKey().endsWith("12-duplicate-ids-with-edits.jsonl"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(dup.read()).isEqualTo(3);
    assertThat(dup.duplicates()).isEqualTo(2);
    IngestCounts blank =
        result.perFile().entrySet().stream()
            .filter(e -> e.getKey().endsWith("15-blank-lines.jsonl"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(blank.blankLines()).isEqualTo(4);
    assertThat(blank.read()).isEqualTo(1);
  }
}
