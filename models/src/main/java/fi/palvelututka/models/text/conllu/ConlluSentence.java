package fi.palvelututka.models.text.conllu;

import java.util.List;

/**
 * One CoNLL-U sentence: its id and text, its surface tokens (what a tokenizer should produce;
 * multiword tokens count once) and its syntactic words (for lemmas and POS).
 *
 * @param spaceAfter per surface token: true unless annotated {@code SpaceAfter=No}
 */
public record ConlluSentence(
    String id,
    String text,
    List<String> tokens,
    List<Boolean> spaceAfter,
    List<ConlluWord> words,
    boolean newDocument,
    boolean newParagraph,
    boolean hasSpaceAfterAnnotation) {

  /** Genre prefix of the sentence id ("cl", "web", "thread", "tweet", "poem", "b", "e", ...). */
  public String genre() {
    int i = 0;
    while (i < id.length() && Character.isLetter(id.charAt(i))) {
      i++;
    }
    return id.substring(0, i);
  }

  /** The text rebuilt from tokens and SpaceAfter (equals {@link #text()} when consistent). */
  public String detokenized() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      sb.append(tokens.get(i));
      if (spaceAfter.get(i) && i < tokens.size() - 1) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }
}
