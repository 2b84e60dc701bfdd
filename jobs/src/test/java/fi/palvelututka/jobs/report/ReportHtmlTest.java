package fi.palvelututka.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Escaping of lake values for the report pages, without Spark. */
class ReportHtmlTest {

  @Test
  void escapesMarkupAndDropsBidiControls() {
    assertThat(ReportHtml.escape("<b>\"A&B\"</b> 'x'"))
        .isEqualTo("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;");
    // a right-to-left override in a category would reverse the page's text after it
    assertThat(ReportHtml.escape("kahvila\u202E, Oulu")).isEqualTo("kahvila, Oulu");
    assertThat(ReportHtml.escape("a\u2066b\u2069c\u202Ad")).isEqualTo("abcd");
    // Arabic or Hebrew letters themselves are kept
    assertThat(ReportHtml.escape("מסעדה")).isEqualTo("מסעדה");
  }
}
