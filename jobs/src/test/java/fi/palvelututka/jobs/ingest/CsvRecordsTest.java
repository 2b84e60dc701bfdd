package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  static List<CsvRecords.Rec> split(String text, int max) throws IOException {
    CsvRecords r = new CsvRecords(new StringReader(text), ',', max);
    List<CsvRecords.Rec> out = new ArrayList<>();
    for (CsvRecords.Rec x = r.nextRecord(); x != null; x = r.nextRecord()) {
      out.add(x);
    }
    return out;
  }

  static List<String> texts(List<CsvRecords.Rec> recs) {
    return recs.stream().map(r -> r.kind() + "@" + r.line() + ":" + r.text()).toList();
  }

  @Test
  void recordsEndAtLineBreaksOutsideQuotes() throws IOException {
    String csv = "a,b\r\n1,\"x\ny\"\n2,\"say \"\"hi\"\"\"\r3,z";
    assertThat(texts(split(csv, 1000)))
        .containsExactly(
            "RECORD@1:a,b", "RECORD@2:1,\"x\ny\"", "RECORD@4:2,\"say \"\"hi\"\"\"", "RECORD@5:3,z");
  }

  @Test
  void aQuoteInsideAFieldOpensNothing() throws IOException {
    // Jackson reads a quote as quoting only at the start of a field
    assertThat(texts(split("1,5\" screen,x\n2,y\n", 1000)))
        .containsExactly("RECORD@1:1,5\" screen,x", "RECORD@2:2,y");
  }

  @Test
  void anUnterminatedQuoteCostsItsLineOnly() throws IOException {
    String csv = "h1,h2\nc1,ok\nc2,\"never closed\nc3,fine\r\nc4,\"quoted\nacross\"\nc5,end";
    assertThat(texts(split(csv, 1000)))
        .containsExactly(
            "RECORD@1:h1,h2",
            "RECORD@2:c1,ok",
            "UNTERMINATED@3:c2,\"never closed",
            "RECORD@4:c3,fine",
            "RECORD@5:c4,\"quoted\nacross\"",
            "RECORD@7:c5,end");
  }

  @Test
  void unclosedQuotesOnConsecutiveLinesAndOnTheLastLine() throws IOException {
    // the second line's quote opens a field (text follows it): it does not close the first's
    String csv = "c1,\"a\nc2,\"b\nc3,c\nc4,\"d";
    assertThat(texts(split(csv, 1000)))
        .containsExactly(
            "UNTERMINATED@1:c1,\"a",
            "UNTERMINATED@2:c2,\"b",
            "RECORD@3:c3,c",
            "UNTERMINATED@4:c4,\"d");
  }

  @Test
  void aStrayQuoteOnTheFirstLineIsLeftToJackson() throws IOException {
    assertThat(texts(split("c1,\"a\"b,x\nc2,y\n", 1000)))
        .containsExactly("RECORD@1:c1,\"a\"b,x", "RECORD@2:c2,y");
  }

  @Test
  void aRunawayQuoteStopsAtTheLimitAndReadingResumes() throws IOException {
    // the quote never closes; the limit (30 characters) ends the search, not the end of the text
    StringBuilder csv = new StringBuilder("c0,\"open\n");
    for (int i = 1; i <= 20; i++) {
      csv.append("c").append(i).append(",text\n");
    }
    List<CsvRecords.Rec> recs = split(csv.toString(), 30);
    assertThat(recs.get(0).kind()).isEqualTo(CsvRecords.Kind.UNTERMINATED);
    assertThat(recs.get(0).text()).isEqualTo("c0,\"open");
    assertThat(recs).hasSize(21);
    assertThat(recs.subList(1, 21)).allMatch(r -> r.kind() == CsvRecords.Kind.RECORD);
    assertThat(recs.get(20).text()).isEqualTo("c20,text");
    assertThat(recs.get(20).line()).isEqualTo(21);
  }

  @Test
  void aLongRecordOutsideQuotesIsReadToItsEndAndTruncated() throws IOException {
    List<CsvRecords.Rec> recs = split("a," + "x".repeat(50) + "\nb,y\n", 10);
    assertThat(recs).hasSize(2);
    assertThat(recs.get(0).kind()).isEqualTo(CsvRecords.Kind.TOO_LONG);
    assertThat(recs.get(0).text()).hasSize(10);
    assertThat(recs.get(0).chars()).isEqualTo(52);
    assertThat(texts(recs.subList(1, 2))).containsExactly("RECORD@2:b,y");
  }

  @Test
  void emptyTextHasNoRecords() throws IOException {
    assertThat(split("", 10)).isEmpty();
    assertThat(texts(split("\n\n", 10))).containsExactly("RECORD@1:", "RECORD@2:");
  }
}
