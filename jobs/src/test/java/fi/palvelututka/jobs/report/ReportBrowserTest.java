package fi.palvelututka.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.palvelututka.jobs.SparkTestSession;
import fi.palvelututka.jobs.ingest.IngestOptions;
import fi.palvelututka.jobs.nightly.NightlyJob;
import fi.palvelututka.jobs.nightly.NightlyOptions;
import fi.palvelututka.jobs.summarize.SummarizeJob;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a nightly run over reviews that carry script payloads, then the report opened in
 * headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it). Skipped with a
 * message where no Chromium is installed.
 */
class ReportBrowserTest {

  @TempDir static Path dir;
  static Path reports;
  static String chromium;

  static final String TITLE_SCRIPT =
      "<script>document.title='pwned';window.__xss=1</script>Kahvi oli kylmää ja jono pitkä.";
  static final String IMG_ONERROR =
      "Jouduin jonottamaan tunnin <img src=x onerror=\\\"document.title='pwned'\\\"> ja"
          + " palvelu oli hidasta.";

  static String findChromium() {
    String env = System.getenv("PALVELUTUTKA_CHROMIUM");
    List<String> candidates = new ArrayList<>();
    if (env != null) {
      candidates.add(env);
    }
    candidates.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
    for (String c : candidates) {
      for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        File f = c.contains("/") ? new File(c) : new File(p, c);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    return null;
  }

  static String rec(int i, String text, int rating) {
    return String.format(
        "{\"review_id\": \"x-%d\", \"business_id\": \"evil<b>\", \"business_name\":"
            + " \"<script>document.title='pwned'</script>Kahvila Paha\", \"business_category\":"
            + " \"kahvila\", \"city\": \"Turku\", \"rating\": %d, \"text\": \"%s\","
            + " \"created_at\": \"2026-06-%02dT10:00:00Z\"}",
        i, rating, text, 1 + i % 28);
  }

  @BeforeAll
  static void runNightly() throws Exception {
    chromium = findChromium();
    Path in = Files.createDirectories(dir.resolve("in"));
    StringBuilder sb = new StringBuilder();
    sb.append(rec(0, TITLE_SCRIPT, 1)).append('\n');
    sb.append(rec(27, IMG_ONERROR, 1)).append('\n'); // the newest: quoted first
    for (int i = 2; i < 14; i++) {
      sb.append(
              rec(
                  i,
                  i % 3 == 0
                      ? "Jouduin jonottamaan puoli tuntia."
                      : "Ihana kahvila, ystävällinen myyjä!",
                  i % 3 == 0 ? 2 : 5))
          .append('\n');
    }
    Files.writeString(in.resolve("evil.jsonl"), sb.toString(), StandardCharsets.UTF_8);
    reports = dir.resolve("reports");
    IngestOptions io =
        new IngestOptions(List.of(in.toString()), 20_000, ZoneId.of("Europe/Helsinki"), "s", 500);
    NightlyJob.Outcome o =
        new NightlyJob(
                SparkTestSession.get(),
                new NightlyOptions(
                    io,
                    dir.resolve("lake").toString(),
                    reports.toString(),
                    "browser-1",
                    new SummarizeJob.Options(LocalDate.parse("2026-06-30"), 5, 2)))
            .execute();
    assertThat(o.reconciles()).isTrue();
  }

  static Path page() {
    return reports.resolve(ReportHtml.fileName("evil<b>"));
  }

  @Test
  void pagesAreWrittenAndEscaped() throws Exception {
    assertThat(reports.resolve("index.html")).exists();
    String html = Files.readString(page());
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=\"");
    assertThat(html).contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    assertThat(Files.readString(reports.resolve("index.html"))).doesNotContain("<script");
  }

  private static String run(List<String> args, Path out) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromium);
    cmd.addAll(
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--user-data-dir=" + dir.resolve("chrome-profile")));
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("chrome.err").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return Files.readString(out);
  }

  @Test
  void inChromiumNoReviewScriptRunsAndTheSectionsAreThere() throws Exception {
    Assumptions.assumeTrue(
        chromium != null,
        "SKIPPED: no chromium on PATH (apt-get install chromium, or set PALVELUTUTKA_CHROMIUM)");
    String dom =
        run(
            List.of("--virtual-time-budget=3000", "--dump-dom", page().toUri().toString()),
            dir.resolve("dom.html"));
    java.util.regex.Matcher title =
        java.util.regex.Pattern.compile("<title>(.*?)</title>").matcher(dom);
    assertThat(title.find()).isTrue();
    assertThat(title.group(1))
        .as("the title a review script would have changed")
        .isEqualTo(
            "&lt;script&gt;document.title='pwned'&lt;/script&gt;Kahvila Paha – palvelututka");
    assertThat(dom).doesNotContain("<script").doesNotContain("<img");
    // the payloads are shown as text
    assertThat(dom).contains("&lt;script&gt;document.title='pwned'");
    assertThat(dom).contains("&lt;img src=x onerror=");
    for (String section :
        List.of("headline", "changes", "sentiment", "themes", "complaints", "replies", "peers")) {
      assertThat(dom).contains("id=\"" + section + "\"");
    }
    assertThat(dom).contains("<svg");

    Path png = dir.resolve("report.png");
    run(
        List.of("--window-size=1100,2400", "--screenshot=" + png, page().toUri().toString()),
        dir.resolve("shot.log"));
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(bytes[1]).isEqualTo((byte) 'P'); // PNG signature
  }
}
