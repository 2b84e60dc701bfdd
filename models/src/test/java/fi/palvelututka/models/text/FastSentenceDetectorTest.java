package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;

class FastSentenceDetectorTest {

  private static final SentenceModel MODEL = AnalyzerModels.shipped().sentenceModel();

  @Test
  void shippedModelHasAnAbbreviationDictionary() {
    assertThat(MODEL.getAbbreviations()).isNotNull();
    assertThat(MODEL.getAbbreviations().size()).isGreaterThan(10);
  }

  @Test
  void sameSentenceEndsAsOpenNlpOnReviewText() throws Exception {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("eval-data"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          JsonNode n = line.isBlank() ? null : json.readTree(line);
          if (n != null && n.hasNonNull("text")) {
            texts.add(n.get("text").asText());
          }
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(500);
    assertSame(texts);
  }

  @Test
  void sameSentenceEndsAsOpenNlpOnTextDenseWithAbbreviations() {
    List<String> abbs = new ArrayList<>();
    for (StringList e : MODEL.getAbbreviations()) {
      abbs.add(e.getToken(0));
    }
    String[] glue = {" ", "  ", ". ", "! ", "? ", "(", "'", "´", "`", "\n", "", ". (", " Uusi."};
    String[] words = {"Hinta", "oli", "n.", "10e", "esim", "mm", "Kiitos", "ok", "Mm.", "KLO"};
    SplittableRandom rnd = new SplittableRandom(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 2 + rnd.nextInt(12);
      for (int p = 0; p < parts; p++) {
        String w =
            rnd.nextInt(3) == 0
                ? abbs.get(rnd.nextInt(abbs.size()))
                : words[rnd.nextInt(words.length)];
        if (rnd.nextInt(4) == 0) {
          w = w.toUpperCase(java.util.Locale.ROOT);
        }
        sb.append(w).append(glue[rnd.nextInt(glue.length)]);
      }
      texts.add(sb.toString());
    }
    assertSame(texts);
  }

  /** Every abbreviation right before each sentence end, and a sentence end inside it. */
  @Test
  void sameSentenceEndsAsOpenNlpAtEveryAbbreviation() {
    List<String> texts = new ArrayList<>();
    for (StringList e : MODEL.getAbbreviations()) {
      String abb = e.getToken(0);
      for (String end : new String[] {". ", "! ", "? ", ".. "}) {
        texts.add("Katso " + abb + end + "Seuraava lause on tässä. Ja vielä yksi");
        texts.add("(" + abb + end + "Uusi alku");
      }
      int dot = abb.indexOf('.');
      if (dot > 0) {
        texts.add("Hinta " + abb.substring(0, dot) + ". " + abb.substring(dot + 1) + " Loppu.");
      }
    }
    assertSame(texts);
  }

  private static void assertSame(List<String> texts) {
    SentenceDetectorME original = new SentenceDetectorME(MODEL);
    FastSentenceDetector fast = new FastSentenceDetector(MODEL);
    int breaks = 0;
    for (String t : texts) {
      var expected = original.sentPosDetect(t);
      var actual = fast.sentPosDetect(t);
      assertThat(Arrays.asList(actual)).as("sentences of %s", t).isEqualTo(Arrays.asList(expected));
      breaks += expected.length;
    }
    assertThat(breaks).isGreaterThan(texts.size());
  }
}
