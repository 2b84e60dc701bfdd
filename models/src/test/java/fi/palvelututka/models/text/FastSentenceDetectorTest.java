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
import opennlp.tools.dictionary.Dictionary;
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

  /** The set the context generator asks answers as the dictionary's own view, for any string. */
  @Test
  void abbreviationSetAnswersAsTheDictionaryView() {
    for (boolean caseSensitive : new boolean[] {false, true}) {
      Dictionary dict = new Dictionary(caseSensitive);
      for (StringList e : MODEL.getAbbreviations()) {
        dict.put(new StringList(e.getToken(0)));
      }
      for (String exotic : new String[] {"ſt.", "İlm.", "straße", "\uD801\uDC00x.", "Ok"}) {
        dict.put(new StringList(exotic));
      }
      dict.put(new StringList("kaksi", "sanaa"));
      var view = dict.asStringSet();
      var set = new FastSentenceDetector.AbbreviationSet(dict);
      List<String> probes = new ArrayList<>();
      for (String a : view) {
        probes.add(a);
        probes.add(a.toUpperCase(java.util.Locale.ROOT));
        probes.add(a.toLowerCase(java.util.Locale.ROOT));
        probes.add(a + ".");
        probes.add(a.length() > 1 ? a.substring(1) : "");
      }
      probes.addAll(
          List.of(
              "",
              "st.",
              "ST.",
              "ılm.",
              "ilm.",
              "STRASSE",
              "\uD801\uDC28x.",
              "OK",
              "ok",
              "kaksi",
              "kaksi,sanaa",
              "hyvä",
              "ESIM."));
      int found = 0;
      for (String p : probes) {
        assertThat(set.contains(p))
            .as("%s (case-sensitive %s)", p, caseSensitive)
            .isEqualTo(view.contains(p));
        found += view.contains(p) ? 1 : 0;
      }
      assertThat(found).isGreaterThan(MODEL.getAbbreviations().size());
      assertThat(set.contains(null)).isFalse();
      assertThat(set).hasSameSizeAs(view);
    }
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
