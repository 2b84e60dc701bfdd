package fi.palvelututka.models.text.conllu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConlluReaderTest {

  @Test
  void readsTokensWordsMultiwordTokensAndSpaceAfter() throws Exception {
    List<ConlluSentence> s =
        ConlluReader.read(Path.of(getClass().getResource("/fixtures/mini.conllu").toURI()));
    assertThat(s).hasSize(2);
    ConlluSentence a = s.get(0);
    assertThat(a.id()).isEqualTo("thread1.1");
    assertThat(a.genre()).isEqualTo("thread");
    assertThat(a.newDocument()).isTrue();
    assertThat(a.tokens()).containsExactly("Ehkei", "se", ",", "EU:n", "mukaan", ".");
    assertThat(a.words())
        .extracting(ConlluWord::form)
        .containsExactly("Ehkä", "ei", "se", ",", "EU:n", "mukaan", ".");
    assertThat(a.detokenized()).isEqualTo("Ehkei se, EU:n mukaan.");
    assertThat(a.hasSpaceAfterAnnotation()).isTrue();
    assertThat(a.words().get(1).hasFeature("Polarity=Neg")).isTrue();
    ConlluSentence b = s.get(1);
    assertThat(b.genre()).isEqualTo("b");
    assertThat(b.words().get(0).plainLemma()).isEqualTo("asiakaspalvelu");
    assertThat(b.hasSpaceAfterAnnotation()).isFalse();
  }

  @Test
  void badRowNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.conllu");
    Files.writeString(f, "# sent_id = 1\n1\tsana\tsana\n");
    assertThatThrownBy(() -> ConlluReader.read(f)).hasMessageContaining("bad.conllu:2");
  }
}
