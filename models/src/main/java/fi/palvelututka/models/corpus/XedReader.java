package fi.palvelututka.models.corpus;

import fi.palvelututka.models.sentiment.Sentiment;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * XED Finnish (emotion-annotated movie subtitles) mapped to polarity with the common mapping:
 * positive = {2 anticipation, 5 joy, 8 trust}, negative = {1 anger, 3 disgust, 4 fear, 6 sadness},
 * 7 surprise ignored; a line with both positive and negative emotions is skipped. The neutral lines
 * ({@code neu_fi.txt}, text in column 2) are neutral.
 */
public final class XedReader {

  public static final String ANNOTATED = "xed-fi/fi-annotated.tsv";
  public static final String NEUTRAL = "xed-fi/neu_fi.txt";

  private XedReader() {}

  public static List<LabeledText> read(Path corpora) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    for (String line : Files.readAllLines(corpora.resolve(ANNOTATED), StandardCharsets.UTF_8)) {
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        continue;
      }
      boolean pos = false;
      boolean neg = false;
      for (String l : line.substring(tab + 1).split(",")) {
        switch (l.strip()) {
          case "2", "5", "8" -> pos = true;
          case "1", "3", "4", "6" -> neg = true;
          default -> {
            // 7 surprise: no polarity
          }
        }
      }
      if (pos != neg) {
        out.add(
            new LabeledText(line.substring(0, tab), pos ? Sentiment.POSITIVE : Sentiment.NEGATIVE));
      }
    }
    for (String line : Files.readAllLines(corpora.resolve(NEUTRAL), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length >= 2 && !f[1].isBlank()) {
        out.add(new LabeledText(f[1], Sentiment.NEUTRAL));
      }
    }
    return out;
  }
}
