package fi.palvelututka.models.corpus;

import fi.palvelututka.models.sentiment.Sentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the FinnSentiment 2020 TSV ({@code finnsentiment/finnsentiment-dev.tsv} under the corpora
 * folder): a header row naming the columns, then one sentence per row. Columns are looked up by
 * name, so the reader does not depend on their order.
 */
public final class FinnSentimentReader {

  /** Path of the FinnSentiment table relative to the corpora folder. */
  public static final String RELATIVE_PATH = "finnsentiment/finnsentiment-dev.tsv";

  private FinnSentimentReader() {}

  public static Path locate(Path corporaDir) throws NoSuchFileException {
    Path p = corporaDir.resolve(RELATIVE_PATH);
    if (!Files.isRegularFile(p)) {
      throw new NoSuchFileException(
          p.toString(),
          null,
          "FinnSentiment not found; pass --corpora <dir> (see ../shared/corpora/SOURCES.md)");
    }
    return p;
  }

  public static List<FinnSentimentRow> read(Path tsv) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        throw new IOException("Empty FinnSentiment file: " + tsv);
      }
      Map<String, Integer> col = new HashMap<>();
      String[] names = header.split("\t", -1);
      for (int i = 0; i < names.length; i++) {
        col.put(names[i].trim(), i);
      }
      for (String required : List.of("row", "A", "B", "C", "majority", "text")) {
        if (!col.containsKey(required)) {
          throw new IOException(
              "FinnSentiment header of " + tsv + " lacks column '" + required + "': " + header);
        }
      }
      List<FinnSentimentRow> rows = new ArrayList<>();
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        try {
          rows.add(
              new FinnSentimentRow(
                  Integer.parseInt(f[col.get("row")].trim()),
                  Integer.parseInt(f[col.get("A")].trim()),
                  Integer.parseInt(f[col.get("B")].trim()),
                  Integer.parseInt(f[col.get("C")].trim()),
                  Sentiment.fromPolarity(Integer.parseInt(f[col.get("majority")].trim())),
                  f[col.get("text")]));
        } catch (RuntimeException e) {
          throw new IOException(
              "Bad FinnSentiment row at " + tsv + ":" + lineNo + " (" + e.getMessage() + ")", e);
        }
      }
      return rows;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
