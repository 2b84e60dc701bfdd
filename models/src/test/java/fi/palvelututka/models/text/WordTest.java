package fi.palvelututka.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTest {

  @Test
  void memoSlotsAreKeptByKeyIdentity() {
    Word w = new Word("palvelun", "palvelu", false, false);
    Object themes = new Object();
    Object lexicon = new Object();
    assertThat(w.memo(themes)).isNull();
    w.memo(themes, new int[] {3, 7});
    w.memo(lexicon, "score");
    assertThat((int[]) w.memo(themes)).containsExactly(3, 7);
    assertThat(w.memo(lexicon)).isEqualTo("score");
    // an equal key that is another object reads nothing
    assertThat(w.memo(new Object())).isNull();
    assertThat(w.memo(new String("score"))).isNull();
    w.memo(themes, new int[] {1});
    assertThat((int[]) w.memo(themes)).containsExactly(1);
    assertThat(w.memo(lexicon)).isEqualTo("score");
  }

  @Test
  void aWordKeepsAtMostFourSlotsDroppingTheOldest() {
    Word w = new Word("hyvä", "hyvä", false, false);
    Object[] keys = new Object[Word.MAX_SLOTS + 2];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new Object();
      w.memo(keys[i], i);
    }
    assertThat(w.memo(keys[0])).isNull();
    assertThat(w.memo(keys[1])).isNull();
    for (int i = 2; i < keys.length; i++) {
      assertThat(w.memo(keys[i])).isEqualTo(i);
    }
    w.memo(keys[2], "again"); // replacing a kept slot drops nothing
    assertThat(w.memo(keys[2])).isEqualTo("again");
    assertThat(w.memo(keys[keys.length - 1])).isEqualTo(keys.length - 1);
  }

  @Test
  void equalityIsTheAnalysisNotTheSlots() {
    Word a = new Word("ei", "ei", true, false);
    Word b = new Word("ei", "ei", true, false);
    a.memo(this, 1);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new Word("ei", "ei", false, false));
    assertThat(a).isNotEqualTo(new Word("en", "ei", true, false));
  }

  @Test
  void everyTokenOfAFormSharesTheAnalyzersWord() {
    FinnishAnalyzer analyzer = AnalyzerModels.shipped().newAnalyzer();
    var s1 = analyzer.analyze("Palvelu oli hyvää. Hyvää palvelua!").sentences();
    Token first = s1.get(0).tokens().get(2); // hyvää
    Token second = s1.get(1).tokens().get(0); // Hyvää: another surface form
    Token third = analyzer.analyze("Aina hyvää.").sentences().get(0).tokens().get(1);
    assertThat(first.word()).isNotNull().isSameAs(third.word());
    assertThat(second.word()).isNotSameAs(first.word()).isEqualTo(first.word());
    assertThat(s1.get(0).tokens().get(3).word()).isNull(); // "." is no word
  }
}
