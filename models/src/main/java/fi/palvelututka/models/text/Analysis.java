package fi.palvelututka.models.text;

import java.util.List;

/**
 * The analysis of one text: sentences with tokens, lemmas, negation flags and character offsets.
 *
 * @param umlautsRestored true when the text had no ä/ö and words were mapped to ä/ö spellings
 */
public record Analysis(String text, List<Sentence> sentences, boolean umlautsRestored) {

  public static Analysis empty(String text) {
    return new Analysis(text == null ? "" : text, List.of(), false);
  }

  public int tokenCount() {
    int n = 0;
    for (Sentence s : sentences) {
      n += s.tokens().size();
    }
    return n;
  }
}
