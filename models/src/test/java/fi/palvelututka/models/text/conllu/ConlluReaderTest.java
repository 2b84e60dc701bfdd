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

  /** Two sentences in CoNLL-U, written for this test: a multiword token, an empty node. */
  static final String MINI =
      "# newdoc id = d1\n"
          + "# sent_id = thread1.1\n"
          + "# text = Ehkei se, EU:n mukaan.\n"
          + "1-2\tEhkei\t_\t_\t_\t_\t_\t_\t_\t_\n"
          + "1\tEhkä\tehkä\tADV\t_\t_\t3\tadvmod\t_\t_\n"
          + "2\tei\tei\tAUX\t_\tPolarity=Neg\t3\taux\t_\t_\n"
          + "3\tse\tse\tPRON\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
          + "4\t,\t,\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
          + "5\tEU:n\tEU\tPROPN\t_\tCase=Gen\t6\tnmod\t_\t_\n"
          + "5.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n"
          + "6\tmukaan\tmukaan\tADP\t_\t_\t3\tcase\t_\tSpaceAfter=No\n"
          + "7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
          + "\n"
          + "# sent_id = b2.1\n"
          + "# text = Asiakas#palvelu toimi\n"
          + "1\tAsiakaspalvelu\tasiakas#palvelu\tNOUN\t_\tCase=Nom\t2\tnsubj\t_\t_\n"
          + "2\ttoimi\ttoimia\tVERB\t_\t_\t0\troot\t_\t_\n";

  @Test
  void readsTokensWordsMultiwordTokensAndSpaceAfter(@TempDir Path dir) throws Exception {
    List<ConlluSentence> s =
        ConlluReader.read(
            Files.writeString(
                dir.resolve("mini.txt"), MINI, java.nio.charset.StandardCharsets.UTF_8));
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
