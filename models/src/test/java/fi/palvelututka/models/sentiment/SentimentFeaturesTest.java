package fi.palvelututka.models.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {

  @Test
  void wordsAreLowerCasedAndNegationScoped() {
    assertThat(SentimentFeatures.tokens("Ruoka EI ollut hyvää, mutta palvelu oli."))
        .containsExactly("ruoka", "ei", "neg_ollut", "neg_hyvää", "mutta", "palvelu", "oli");
  }

  @Test
  void negationWindowIsLimited() {
    assertThat(SentimentFeatures.tokens("en kyllä ikinä enää tänne tule"))
        .containsExactly("en", "neg_kyllä", "neg_ikinä", "neg_enää", "tänne", "tule");
  }

  @Test
  void emoticonsEmojiAndExclamationsAreTokens() {
    assertThat(SentimentFeatures.tokens("Kiitos :) ihanaa 😊 !!! :-( xD <3"))
        .containsExactly(
            "kiitos", "EMO_HAPPY", "ihanaa", "😊", "!!", "EMO_SAD", "EMO_HAPPY", "EMO_HEART");
  }

  @Test
  void repeatedLettersAreSqueezed() {
    assertThat(SentimentFeatures.tokens("Ihanaaaaa!!")).containsExactly("ihanaa", "!!");
    assertThat(SentimentFeatures.squeeze("tosi")).isEqualTo("tosi");
    assertThat(SentimentFeatures.squeeze("kiiitoooos")).isEqualTo("kiitoos");
  }

  @Test
  void pricesAndTimesAreNotEmoticons() {
    assertThat(SentimentFeatures.tokens("29,90€ klo 9.30 (83 e)"))
        .containsExactly("29", "90", "klo", "9", "30", "83", "e")
        .doesNotContain("EMO_HAPPY", "EMO_SAD");
  }

  @Test
  void emptyAndNullGiveNoTokens() {
    assertThat(SentimentFeatures.tokens("")).isEmpty();
    assertThat(SentimentFeatures.tokens(null)).isEmpty();
    assertThat(SentimentFeatures.tokens("   ...  ")).isEmpty();
  }
}
