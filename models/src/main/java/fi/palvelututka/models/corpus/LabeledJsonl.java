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

  private LabeledJsonl() {}

  public static List<Item> read(Path file, String textField, String labelField) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Item> out = new ArrayList<>();
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
        JsonNode t = n.get(textField);
        JsonNode l = n.get(labelField);
        if (t == null || !t.isTextual() || l == null || !l.isTextual()) {
          throw new IOException(
              file
                  + ":"
                  + no
                  + ": needs string fields \""
                  + textField
                  + "\" and \""
                  + labelField
                  + "\"");
        }
        out.add(new Item(n.path("id").asText(String.valueOf(no)), t.asText(), l.asText()));
      }
    }
    return out;
  }
}
