package fi.palvelututka.models.themes;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palvelututka.models.corpus.LabeledJsonl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled theme item: {"id", "text", "aspects": [{"category", "polarity", "evidence"}],
 * "phenomena": [...]} (the format of {@code models/eval-data/themes-*.jsonl}).
 */
public record ThemeGold(String id, String text, List<Aspect> aspects, List<String> phenomena) {

  /** One gold aspect. */
  public record Aspect(String category, String polarity, String evidence) {}

  /** Reads a labelled file; a malformed line fails with its line number. */
  public static List<ThemeGold> read(Path file) throws IOException {
    return LabeledJsonl.readLines(
        file,
        (n, no) -> {
          List<Aspect> aspects = new ArrayList<>();
          for (JsonNode a : n.path("aspects")) {
            aspects.add(
                new Aspect(
                    a.path("category").asText(),
                    a.path("polarity").asText(),
                    a.path("evidence").asText("")));
          }
          List<String> ph = new ArrayList<>();
          n.path("phenomena").forEach(x -> ph.add(x.asText()));
          String text = n.path("text").asText(null);
          if (text == null) {
            throw new IOException("no \"text\"");
          }
          return new ThemeGold(n.path("id").asText("line-" + no), text, aspects, ph);
        });
  }
}
