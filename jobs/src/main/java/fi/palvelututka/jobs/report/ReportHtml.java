package fi.palvelututka.jobs.report;

import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeCategory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Renders the reports as self-contained HTML: inline CSS, charts as generated SVG, no scripts and
 * no external resources (a Content-Security-Policy forbids both, so even a bug in escaping could
 * not run a review's script). Finnish and English are both in the page; a CSS-only switch shows
 * one. Every value that comes from the data goes through {@link #escape}.
 */
final class ReportHtml {

  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
          + " form-action 'none'";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fff}
      main{max-width:60em;margin:0 auto;padding:1.5em}
      h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.8em;border-bottom:2px solid #e5e5ea;padding-bottom:.2em}
      .sub{color:#555}.muted{color:#777;font-size:.9em}
      table{border-collapse:collapse;width:100%}th,td{padding:.35em .6em;border-bottom:1px solid #e5e5ea;text-align:left;vertical-align:top}
      td,h1,.sub,blockquote{overflow-wrap:anywhere}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #e5e5ea;border-radius:.5em;padding:.7em 1em;min-width:9em}
      .card b{display:block;font-size:1.5em}.neg{color:#b3261e}.pos{color:#1b7f3b}
      .alert{background:#fff4e5;border-left:4px solid #e8710a;padding:.5em .8em;margin:.4em 0}
      .ok{background:#eef7ee;border-left:4px solid #1b7f3b;padding:.5em .8em;margin:.4em 0}
      blockquote{margin:.4em 0 .4em 0;padding:.3em .8em;border-left:3px solid #c7c7cc;background:#fafafa}
      .lang{position:absolute;top:.6em;right:1em}.lang label{border:1px solid #c7c7cc;padding:.15em .5em;border-radius:.3em;cursor:pointer;font-size:.9em}
      #l-fi,#l-en{position:absolute;opacity:0}
      #l-fi:checked~main .en,#l-en:checked~main .fi{display:none}
      #l-fi:checked~.lang label[for=l-fi],#l-en:checked~.lang label[for=l-en]{background:#1d1d1f;color:#fff}
      svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#333}
      @media print{.lang{display:none}main{padding:0}h2{break-after:avoid}table,svg{break-inside:avoid}}
      """;

  private final Map<String, ThemeCategory> categories = new LinkedHashMap<>();

  ReportHtml(Taxonomy taxonomy) {
    for (ThemeCategory c : taxonomy.categories()) {
      categories.put(c.id(), c);
    }
  }

  /** File name of a business's report: safe characters of its id plus a short hash. */
  static String fileName(String businessId) {
    String safe = businessId.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.length() > 60) {
      safe = safe.substring(0, 60);
    }
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(businessId.getBytes(StandardCharsets.UTF_8));
      return safe + "-" + HexFormat.of().formatHex(h).substring(0, 8) + ".html";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- business page

  /**
   * @param periods the business's summary rows by period (all_time, last_30d, last_90d)
   * @param months its monthly rows, oldest first
   */
  String business(Map<String, Row> periods, List<Row> months, String runId) {
    Row all = periods.get("all_time");
    String name = str(all, "business_name", str(all, "business_id", ""));
    StringBuilder sb = new StringBuilder(16_384);
    head(sb, name + " – palvelututka");
    sb.append("<main>\n<p class=muted><a href=\"index.html\">")
        .append(t("← Kaikki yritykset", "← All businesses"))
        .append("</a></p>\n<h1>")
        .append(escape(name))
        .append("</h1>\n<p class=sub>")
        .append(escape(join(str(all, "business_category", null), str(all, "city", null))))
        .append(" · ")
        .append(t("tilanne ", "as of "))
        .append(day(all.getAs("period_end"), -1))
        .append("</p>\n");

    section(sb, "headline", "Pääluvut", "Headline numbers");
    sb.append("<div class=cards>\n");
    card(sb, t("Arvioita", "Reviews"), String.valueOf(all.<Long>getAs("review_count")), null);
    card(
        sb,
        t("Tähdet (ka.)", "Stars (mean)"),
        num(all.getAs("rating_mean"), 2),
        t("arvosanoja ", "ratings ") + all.<Long>getAs("rated_count"));
    Double net = all.getAs("net_sentiment");
    card(
        sb,
        t("Nettosentimentti", "Net sentiment"),
        "<span class=" + (net != null && net < 0 ? "neg" : "pos") + ">" + num(net, 0) + "</span>",
        t("analysoitu ", "analysed ") + all.<Long>getAs("tagged_count"));
    card(
        sb,
        t("Vastattu kielteisiin", "Negative answered"),
        pct(all.getAs("negative_reply_rate")),
        all.<Long>getAs("negative_reviews") + t(" kielteistä", " negative"));
    sb.append("</div>\n");
    periodTable(sb, periods);

    section(sb, "changes", "Mitä muuttui", "What changed");
    changes(sb, periods.get("last_30d"), "30");
    changes(sb, periods.get("last_90d"), "90");

    section(sb, "sentiment", "Sävy kuukausittain", "Sentiment by month");
    sb.append(sentimentChart(months));

    section(sb, "themes", "Teemat: valitukset ja kehut", "Themes: complaints and praise");
    themes(sb, all);

    section(sb, "complaints", "Yleisimmät valitukset", "Top complaints");
    topComplaints(sb, all);

    section(sb, "replies", "Vastaukset arvioihin", "Replies to reviews");
    replies(sb, all);

    section(sb, "peers", "Vertailu toimialaan", "Compared with peers");
    peers(sb, all);

    section(sb, "mismatch", "Tähdet ja teksti ristiriidassa", "Stars and text disagree");
    sb.append("<p>")
        .append(t("5 tähteä mutta valitus: ", "5 stars but a complaint: "))
        .append(all.<Long>getAs("five_star_with_complaint"))
        .append(" · ")
        .append(t("1 tähti mutta kehu: ", "1 star but praise: "))
        .append(all.<Long>getAs("one_star_with_praise"))
        .append("</p>\n");
    List<String> ids = all.getList(all.fieldIndex("mismatch_review_ids"));
    if (!ids.isEmpty()) {
      sb.append("<p class=muted>review_id: ");
      List<String> escaped = new ArrayList<>();
      ids.forEach(i -> escaped.add(escape(i)));
      sb.append(String.join(", ", escaped)).append("</p>\n");
    }
    footer(sb, all, runId);
    return sb.toString();
  }

  private void periodTable(StringBuilder sb, Map<String, Row> periods) {
    thead(
        sb,
        th(""),
        thn(t("Arvioita", "Reviews")),
        thn(t("Tähdet", "Stars")),
        thn(t("Myönteisiä", "Positive")),
        thn(t("Kielteisiä", "Negative")),
        thn(t("Netto", "Net")));
    for (String p : List.of("last_30d", "last_90d", "all_time")) {
      Row r = periods.get(p);
      if (r == null) {
        continue;
      }
      sb.append("<tr><td>")
          .append(periodLabel(p))
          .append("</td><td class=n>")
          .append(r.<Long>getAs("review_count"))
          .append("</td><td class=n>")
          .append(num(r.getAs("rating_mean"), 2))
          .append("</td><td class=n>")
          .append(pct(r.getAs("positive_share")))
          .append("</td><td class=n>")
          .append(pct(r.getAs("negative_share")))
          .append("</td><td class=n>")
          .append(num(r.getAs("net_sentiment"), 0))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
  }

  private void changes(StringBuilder sb, Row r, String days) {
    if (r == null) {
      return;
    }
    sb.append("<h3>").append(periodLabel(r.getAs("period"))).append("</h3>\n");
    Long prev = r.getAs("previous_review_count");
    sb.append("<p>")
        .append(t("Arvioita ", "Reviews "))
        .append(r.<Long>getAs("review_count"))
        .append(t(", edelliset " + days + " päivää ", ", previous " + days + " days "))
        .append(prev == null ? "–" : prev)
        .append(". ")
        .append(t("Tähtien muutos ", "Change in stars "))
        .append(signed(r.getAs("rating_change"), 2))
        .append(", ")
        .append(t("nettosentimentin muutos ", "change in net sentiment "))
        .append(signed(r.getAs("net_sentiment_change"), 0))
        .append(".</p>\n");
    List<String> alerts = r.getList(r.fieldIndex("alerts"));
    if (alerts.isEmpty()) {
      sb.append("<div class=ok>")
          .append(
              t(
                  "Ei hälytyksiä: ei tilastollisesti selvää heikkenemistä.",
                  "No alerts: no statistically clear deterioration."))
          .append("</div>\n");
    }
    for (String a : alerts) {
      sb.append("<div class=alert>").append(alertText(a)).append("</div>\n");
    }
  }

  private String alertText(String alert) {
    if (alert.startsWith("complaint_rate_up:")) {
      String c = alert.substring("complaint_rate_up:".length());
      return t(
          "Valitukset lisääntyneet: " + escape(labelFi(c)) + " (luottamusvälit eivät limity)",
          "Complaints up: " + escape(labelEn(c)) + " (intervals do not overlap)");
    }
    return switch (alert) {
      case "rating_drop" -> t("Tähtien keskiarvo laski selvästi", "Mean rating dropped clearly");
      case "net_sentiment_drop" ->
          t("Nettosentimentti laski selvästi", "Net sentiment dropped clearly");
      default -> escape(alert);
    };
  }

  /** The rows in the taxonomy's order of categories. */
  private List<Row> inTaxonomyOrder(List<Row> themes) {
    List<String> order = new ArrayList<>(categories.keySet());
    List<Row> sorted = new ArrayList<>(themes);
    sorted.sort(
        java.util.Comparator.comparingInt(
            (Row x) -> {
              int i = order.indexOf(x.<String>getAs("category"));
              return i < 0 ? Integer.MAX_VALUE : i;
            }));
    return sorted;
  }

  private void themes(StringBuilder sb, Row r) {
    List<Row> themes = inTaxonomyOrder(r.getList(r.fieldIndex("themes")));
    String reason = themes.isEmpty() ? null : themes.get(0).getAs("suppressed_reason");
    if (reason != null) {
      long n = r.getAs("tagged_count");
      sb.append("<p class=alert>")
          .append(
              t(
                  "Liian vähän arvioita osuuksiin ("
                      + n
                      + " < "
                      + r.getAs("min_reviews")
                      + "):"
                      + " alla vain lukumäärät.",
                  "Too few reviews for rates ("
                      + n
                      + " < "
                      + r.getAs("min_reviews")
                      + "):"
                      + " counts only."))
          .append("</p>\n");
    }
    sb.append(themeChart(themes));
    thead(
        sb,
        th(t("Teema", "Theme")),
        thn(t("Valituksia", "Complaints")),
        thn(t("Valitusosuus (95 % väli)", "Complaint rate (95% CI)")),
        thn(t("Kehuja", "Praise")),
        thn(t("Kehuosuus (95 % väli)", "Praise rate (95% CI)")));
    for (Row t : themes) {
      String c = t.getAs("category");
      sb.append("<tr><td>")
          .append(label(c))
          .append("</td><td class=n>")
          .append(t.<Long>getAs("complaint_reviews"))
          .append("</td><td class=n>")
          .append(rate(t, "complaint_rate"))
          .append("</td><td class=n>")
          .append(t.<Long>getAs("praise_reviews"))
          .append("</td><td class=n>")
          .append(rate(t, "praise_rate"))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n<p class=muted>")
        .append(
            t(
                "Osuus = niiden analysoitujen arvioiden osuus, joissa teema mainitaan valituksena"
                    + " (tai kehuna). Väli: Wilsonin 95 % luottamusväli.",
                "Rate = share of analysed reviews that mention the theme as a complaint (or"
                    + " praise). Interval: Wilson 95% confidence interval."))
        .append("</p>\n");
  }

  private static String rate(Row t, String field) {
    Double v = t.getAs(field);
    if (v == null) {
      return "–";
    }
    return pct(v)
        + " <span class=muted>("
        + pct(t.getAs(field + "_low"))
        + "–"
        + pct(t.getAs(field + "_high"))
        + ")</span>";
  }

  private void topComplaints(StringBuilder sb, Row r) {
    List<Row> top = r.getList(r.fieldIndex("top_complaints"));
    if (top.isEmpty()) {
      sb.append("<p>").append(t("Ei valituksia.", "No complaints.")).append("</p>\n");
      return;
    }
    for (Row c : top) {
      sb.append("<h3>")
          .append(c.<Integer>getAs("rank"))
          .append(". ")
          .append(label(c.getAs("category")))
          .append(" <span class=muted>(")
          .append(c.<Long>getAs("complaint_reviews"))
          .append(t(" arviota", " reviews"))
          .append(c.getAs("complaint_rate") == null ? "" : ", " + pct(c.getAs("complaint_rate")))
          .append(")</span></h3>\n");
      List<Row> quotes = c.getList(c.fieldIndex("quotes"));
      for (Row q : quotes) {
        Integer stars = q.getAs("rating");
        sb.append("<blockquote>“")
            .append(escape(q.getAs("sentence")))
            .append("”<br><span class=muted>")
            .append(day(q.getAs("created_at"), 0))
            .append(stars == null ? "" : " · " + "★".repeat(stars))
            .append(" · ")
            .append(escape(q.getAs("review_id")))
            .append("</span></blockquote>\n");
      }
    }
    sb.append("<p class=muted>")
        .append(
            t(
                "Lainauksista on peitetty henkilötiedot (nimet, puhelinnumerot, sähköpostit,"
                    + " rekisterinumerot).",
                "Personal data is masked in quotes (names, phone numbers, e-mail addresses,"
                    + " licence plates)."))
        .append("</p>\n");
  }

  private void replies(StringBuilder sb, Row r) {
    Double hours = r.getAs("negative_median_reply_hours");
    sb.append("<table><tbody>\n");
    row(
        sb,
        t("Vastausosuus, kaikki arviot", "Reply rate, all reviews"),
        pct(r.getAs("reply_rate")));
    row(
        sb,
        t("Kielteisiä arvioita", "Negative reviews"),
        String.valueOf(r.<Long>getAs("negative_reviews")));
    row(
        sb,
        t("Vastattu kielteisiin", "Negative reviews answered"),
        pct(r.getAs("negative_reply_rate")));
    row(
        sb,
        t("Vastausaika kielteisiin (mediaani)", "Reply time to negative (median)"),
        hours == null ? "–" : duration(hours));
    row(
        sb,
        t("Vastaamatta kielteisiä", "Unanswered negative reviews"),
        String.valueOf(r.<Long>getAs("unanswered_negative")));
    sb.append("</tbody></table>\n");
  }

  private void peers(StringBuilder sb, Row r) {
    String group = r.getAs("peer_group");
    if (group == null) {
      sb.append("<p>")
          .append(
              t(
                  "Ei vertailua: liian vähän samankaltaisia yrityksiä, joilla on riittävästi"
                      + " arvioita.",
                  "No comparison: too few similar businesses with enough reviews."))
          .append("</p>\n");
      return;
    }
    sb.append("<p>")
        .append(t("Vertailuryhmä: ", "Peer group: "))
        .append(escape(group))
        .append(" (")
        .append(r.<Long>getAs("peer_count"))
        .append(t(" yritystä", " businesses"))
        .append(").</p>\n<table><tbody>\n");
    row(
        sb,
        t("Nettosentimentin persentiili", "Net sentiment percentile"),
        num(r.getAs("net_sentiment_percentile"), 0));
    row(sb, t("Tähtien persentiili", "Rating percentile"), num(r.getAs("rating_percentile"), 0));
    sb.append("</tbody></table>\n<p class=muted>")
        .append(
            t(
                "Persentiili = kuinka monta prosenttia vertailuryhmästä jää alemmas.",
                "Percentile = share of the peer group ranked lower, in percent."))
        .append("</p>\n");
  }

  private static void footer(StringBuilder sb, Row r, String runId) {
    sb.append("<hr><p class=muted>palvelututka · ")
        .append(t("ajo ", "run "))
        .append(escape(runId))
        .append(" · ")
        .append(t("mallit ", "models "))
        .append(escape(r.getAs("model_version")))
        .append("</p>\n</main>\n</body></html>\n");
  }

  // ---------------------------------------------------------------- charts (generated SVG)

  /** Stacked bars of sentiment shares per month (last 24 months with reviews). */
  String sentimentChart(List<Row> months) {
    List<Row> shown =
        months.size() > 24 ? months.subList(months.size() - 24, months.size()) : months;
    if (shown.isEmpty()) {
      return "<p>" + t("Ei analysoituja arvioita.", "No analysed reviews.") + "</p>\n";
    }
    int w = 640;
    int h = 220;
    int left = 36;
    int bottom = 40;
    int plotH = h - bottom - 10;
    double bw = (double) (w - left - 10) / shown.size();
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg role=img viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h + 24)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        .append("Sävy kuukausittain / Sentiment by month")
        .append("</title>\n");
    for (int p = 0; p <= 100; p += 50) {
      double y = 10 + plotH * (1 - p / 100.0);
      s.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=%d x2=%d y1=%.1f y2=%.1f stroke=#ddd />",
                  left,
                  w - 10,
                  y,
                  y))
          .append(String.format(Locale.ROOT, "<text x=2 y=%.1f>%d %%</text>\n", y + 4, p));
    }
    String[][] parts = {
      {"negative_count", "#b3261e"},
      {"mixed_count", "#e8a33d"},
      {"neutral_count", "#c7c7cc"},
      {"positive_count", "#1b7f3b"}
    };
    for (int i = 0; i < shown.size(); i++) {
      Row m = shown.get(i);
      long n = m.getAs("tagged_count");
      double x = left + i * bw + 1;
      double y = 10 + plotH;
      if (n > 0) {
        for (String[] part : parts) {
          long k = m.getAs(part[0]);
          double ph = plotH * (double) k / n;
          y -= ph;
          s.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=%.1f y=%.1f width=%.1f height=%.1f fill=\"%s\" />",
                  x,
                  y,
                  Math.max(1, bw - 2),
                  ph,
                  part[1]));
        }
      }
      java.sql.Date month = m.getAs("month");
      if (shown.size() <= 12 || i % 2 == 0) {
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=%.1f y=%d text-anchor=middle>%s</text>",
                x + bw / 2,
                h - bottom + 14,
                month.toLocalDate().format(DateTimeFormatter.ofPattern("M/yy"))));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=%.1f y=%d text-anchor=middle>n=%d</text>\n",
              x + bw / 2,
              h - bottom + 28,
              n));
    }
    int lx = left;
    String[][] legend = {
      {"#1b7f3b", ts("myönteinen", "positive")},
      {"#c7c7cc", ts("neutraali", "neutral")},
      {"#e8a33d", ts("ristiriitainen", "mixed")},
      {"#b3261e", ts("kielteinen", "negative")}
    };
    for (String[] l : legend) {
      s.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=%d y=%d width=10 height=10 fill=\"%s\" />",
                  lx,
                  h + 8,
                  l[0]))
          .append(String.format(Locale.ROOT, "<text x=%d y=%d>", lx + 14, h + 17))
          .append(l[1])
          .append("</text>");
      lx += 150;
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** Dot-and-whisker chart of complaint (red) and praise (green) rates with their intervals. */
  String themeChart(List<Row> themes) {
    List<Row> shown = new ArrayList<>();
    for (Row t : themes) {
      if (t.getAs("complaint_rate") != null) {
        shown.add(t);
      }
    }
    if (shown.isEmpty()) {
      return "";
    }
    int w = 640;
    int left = 190;
    int rowH = 22;
    int h = 30 + shown.size() * rowH + 24;
    int plotW = w - left - 20;
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg role=img viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        .append("Valitus- ja kehuosuudet teemoittain / Complaint and praise rates by theme")
        .append("</title>\n");
    for (int p = 0; p <= 100; p += 25) {
      double x = left + plotW * p / 100.0;
      s.append(
              String.format(
                  Locale.ROOT, "<line x1=%.1f x2=%.1f y1=14 y2=%d stroke=#e5e5ea />", x, x, h))
          .append(
              String.format(
                  Locale.ROOT, "<text x=%.1f y=10 text-anchor=middle>%d %%</text>\n", x, p));
    }
    for (int i = 0; i < shown.size(); i++) {
      Row t = shown.get(i);
      double y = 26 + i * rowH;
      String c = t.getAs("category");
      s.append(String.format(Locale.ROOT, "<text x=%d y=%.1f text-anchor=end>", left - 8, y + 4))
          .append(ts(escape(labelFi(c)), escape(labelEn(c))))
          .append("</text>");
      whisker(s, t, "complaint_rate", y - 4, left, plotW, "#b3261e");
      whisker(s, t, "praise_rate", y + 4, left, plotW, "#1b7f3b");
      s.append('\n');
    }
    s.append(String.format(Locale.ROOT, "<circle cx=%d cy=%d r=4 fill=\"#b3261e\" />", left, h - 8))
        .append(String.format(Locale.ROOT, "<text x=%d y=%d>", left + 8, h - 4))
        .append(ts("valitukset", "complaints"))
        .append("</text>")
        .append(
            String.format(
                Locale.ROOT, "<circle cx=%d cy=%d r=4 fill=\"#1b7f3b\" />", left + 130, h - 8))
        .append(String.format(Locale.ROOT, "<text x=%d y=%d>", left + 138, h - 4))
        .append(ts("kehut (viiva: 95 % väli)", "praise (line: 95% CI)"))
        .append("</text>");
    s.append("</svg>\n");
    return s.toString();
  }

  private static void whisker(
      StringBuilder s, Row t, String field, double y, int left, int plotW, String color) {
    Double v = t.getAs(field);
    if (v == null) {
      return;
    }
    double lo = left + plotW * t.<Double>getAs(field + "_low");
    double hi = left + plotW * t.<Double>getAs(field + "_high");
    double x = left + plotW * v;
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=%.1f x2=%.1f y1=%.1f y2=%.1f stroke=\"%s\" stroke-width=2 /><circle cx=%.1f"
                + " cy=%.1f r=4 fill=\"%s\" />",
            lo,
            hi,
            y,
            y,
            color,
            x,
            y,
            color));
  }

  // ---------------------------------------------------------------- index

  String index(List<Row> allTime, Map<String, Row> last30, String runId) {
    StringBuilder sb = new StringBuilder(8192);
    head(sb, "palvelututka");
    sb.append("<main>\n<h1>")
        .append(t("Asiakaspalautteen yhteenveto", "Customer feedback summary"))
        .append("</h1>\n<p class=sub>")
        .append(allTime.size())
        .append(t(" yritystä", " businesses"))
        .append(
            allTime.isEmpty()
                ? ""
                : " · " + t("tilanne ", "as of ") + day(allTime.get(0).getAs("period_end"), -1))
        .append("</p>\n");
    thead(
        sb,
        th(t("Yritys", "Business")),
        th(t("Toimiala, kaupunki", "Category, city")),
        thn(t("Arvioita", "Reviews")),
        thn(t("Tähdet", "Stars")),
        thn(t("Netto", "Net")),
        th(t("Hälytykset (30 pv)", "Alerts (30 d)")));
    for (Row r : allTime) {
      String id = r.getAs("business_id");
      Double net = r.getAs("net_sentiment");
      Row recent = last30.get(id);
      int alerts = recent == null ? 0 : recent.getList(recent.fieldIndex("alerts")).size();
      sb.append("<tr><td><a href=\"")
          .append(escape(fileName(id)))
          .append("\">")
          .append(escape(str(r, "business_name", id)))
          .append("</a></td><td>")
          .append(escape(join(str(r, "business_category", null), str(r, "city", null))))
          .append("</td><td class=n>")
          .append(r.<Long>getAs("review_count"))
          .append("</td><td class=n>")
          .append(num(r.getAs("rating_mean"), 2))
          .append("</td><td class=\"n ")
          .append(net != null && net < 0 ? "neg" : "pos")
          .append("\">")
          .append(num(net, 0))
          .append("</td><td>")
          .append(alerts == 0 ? "" : "<span class=neg>⚠ " + alerts + "</span>")
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n<p class=muted>")
        .append(
            t(
                "Nettosentimentti = (myönteiset − kielteiset) / analysoidut arviot × 100.",
                "Net sentiment = (positive − negative) / analysed reviews × 100."))
        .append(" palvelututka · ")
        .append(t("ajo ", "run "))
        .append(escape(runId))
        .append("</p>\n</main>\n</body></html>\n");
    return sb.toString();
  }

  // ---------------------------------------------------------------- helpers

  private static void head(StringBuilder sb, String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"fi\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head>\n<body>\n")
        .append(
            "<input type=radio name=lang id=l-fi checked><input type=radio name=lang id=l-en>\n")
        .append(
            "<div class=lang><label for=l-fi>suomi</label> <label for=l-en>English</label></div>\n");
  }

  /** Opens a table with this header row (cells from {@link #th} / {@link #thn}) and tbody. */
  private static void thead(StringBuilder sb, String... cells) {
    sb.append("<table><thead><tr>");
    for (String c : cells) {
      sb.append(c);
    }
    sb.append("</tr></thead><tbody>\n");
  }

  private static String th(String label) {
    return "<th>" + label + "</th>";
  }

  /** A header cell of a numeric (right-aligned) column. */
  private static String thn(String label) {
    return "<th class=n>" + label + "</th>";
  }

  private static void section(StringBuilder sb, String id, String fi, String en) {
    sb.append("<h2 id=\"").append(id).append("\">").append(t(fi, en)).append("</h2>\n");
  }

  private static void card(StringBuilder sb, String label, String value, String note) {
    sb.append("<div class=card>")
        .append(label)
        .append("<b>")
        .append(value)
        .append("</b>")
        .append(note == null ? "" : "<span class=muted>" + note + "</span>")
        .append("</div>\n");
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append("<tr><td>")
        .append(label)
        .append("</td><td class=n>")
        .append(value)
        .append("</td></tr>\n");
  }

  /** Both languages inside SVG text (HTML spans would end the SVG). Trusted arguments. */
  static String ts(String fi, String en) {
    return "<tspan class=fi>" + fi + "</tspan><tspan class=en>" + en + "</tspan>";
  }

  /** Both languages; the CSS switch shows one. Arguments are trusted (not from the data). */
  static String t(String fi, String en) {
    return "<span class=fi>" + fi + "</span><span class=en>" + en + "</span>";
  }

  private String label(String category) {
    return t(escape(labelFi(category)), escape(labelEn(category)));
  }

  private String labelFi(String c) {
    ThemeCategory tc = categories.get(c);
    return tc == null ? c : tc.labelFi();
  }

  private String labelEn(String c) {
    ThemeCategory tc = categories.get(c);
    return tc == null ? c : tc.labelEn();
  }

  private static String periodLabel(String p) {
    return switch (p) {
      case "last_30d" -> t("Viimeiset 30 päivää", "Last 30 days");
      case "last_90d" -> t("Viimeiset 90 päivää", "Last 90 days");
      default -> t("Koko aika", "All time");
    };
  }

  private static String str(Row r, String field, String dflt) {
    String v = r.getAs(field);
    return v == null ? dflt : v;
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b == null ? "" : b;
    }
    return b == null ? a : a + ", " + b;
  }

  private static String day(Timestamp ts, int plusDays) {
    if (ts == null) {
      return "–";
    }
    return ts.toInstant()
        .atZone(java.time.ZoneOffset.UTC)
        .toLocalDate()
        .plusDays(plusDays)
        .format(DAY);
  }

  static String num(Double v, int decimals) {
    return v == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v).replace('.', ',');
  }

  private static String signed(Double v, int decimals) {
    if (v == null) {
      return "–";
    }
    String s = num(Math.abs(v), decimals);
    return (v > 0 ? "+" : v < 0 ? "−" : "±") + s;
  }

  static String pct(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.0f %%", v * 100);
  }

  private static String duration(double hours) {
    if (hours < 48) {
      return num(hours, 0) + " h";
    }
    return num(hours / 24, 1) + t(" pv", " d");
  }

  /**
   * HTML-escapes text for element content and quoted attribute values. Bidirectional embedding,
   * override and isolate controls (U+202A–U+202E, U+2066–U+2069) are dropped: in a business name or
   * quote they would reverse the page's own text around it.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        continue;
      }
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
