package fi.palvelututka.models.text.conllu;

/**
 * A syntactic word of a CoNLL-U sentence. {@code lemma} is as annotated (TDT marks compound
 * boundaries with '#'); {@link #plainLemma()} strips them.
 */
public record ConlluWord(String form, String lemma, String upos, String feats) {

  public String plainLemma() {
    return lemma.indexOf('#') < 0 || lemma.equals("#") ? lemma : lemma.replace("#", "");
  }

  public boolean hasFeature(String nameValue) {
    return feats != null && ("|" + feats + "|").contains("|" + nameValue + "|");
  }
}
