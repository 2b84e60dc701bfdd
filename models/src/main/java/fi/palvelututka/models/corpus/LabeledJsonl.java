package fi.palvelututka.models.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled JSON Lines ({"text": ..., "label": ...}, field names configurable). */
public final class LabeledJsonl {

  /** One labelled text. */
  public record Item(String id, String text, String label) {}

  /** Turns one JSON line (its object and 1-based line number) into an item. */
  @FunctionalInterface
  public interface LineReader<T> {
    T read(JsonNode line, int lineNo) throws IOException;
  }

  private LabeledJsonl() {}

  public static List<Item> read(Path file, String textField, String labelField) throws IOException {
    return readLines(file, (n, no) -> item(n, no, textField, labelField));
  }

  /** The item of one JSON line (id: its "id" field, else the line number). */
  public static Item item(JsonNode n, int lineNo, String textField, String labelField)
      throws IOException {
    JsonNode t = n.get(textField);
    JsonNode l = n.get(labelField);
    if (t == null || !t.isTextual() || l == null || !l.isTextual()) {
      throw new IOException("needs string fields \"" + textField + "\" and \"" + labelField + "\"");
    }
    return new Item(n.path("id").asText(String.valueOf(lineNo)), t.asText(), l.asText());
  }

  /**
   * Every non-blank line of a JSON Lines file, read by {@code reader}; a line that is not JSON, or
   * that the reader rejects, fails with the file and line number.
   */
  public static <T> List<T> readLines(Path file, LineReader<T> reader) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<T> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          throw new IOException(file + ":" + no + ": not valid JSON", e);
        }
        try {
          out.add(reader.read(n, no));
        } catch (IOException e) {
          throw new IOException(file + ":" + no + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }
}
