package fi.palvelututka.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SchemaDocTest {

  private static final Path DOC = Path.of("..", "docs", "schema.md");

  @Test
  void committedSchemaDocMatchesTheCode() throws Exception {
    assertThat(DOC).as("docs/schema.md exists (generate: %s)", SchemaDoc.COMMAND).exists();
    String committed = Files.readString(DOC, StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/schema.md is stale; regenerate with: %s", SchemaDoc.COMMAND)
        .isEqualTo(SchemaDoc.markdown());
  }

  @Test
  void everyColumnOfEveryTableIsDocumented() {
    List<String> undocumented = new ArrayList<>();
    for (SchemaDoc.Table t : SchemaDoc.TABLES) {
      collectUndocumented(t.name() + ".", t.schema(), undocumented);
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void documentsEveryTableTheJobWrites() {
    assertThat(SchemaDoc.TABLES.stream().map(SchemaDoc.Table::name))
        .containsExactlyElementsOf(Tables.ALL);
    String md = SchemaDoc.markdown();
    assertThat(md)
        .contains("| `themes[].complaint_rate_low` | double | yes |")
        .contains("| `reachability` |")
        .contains("| `corrupt_gzip` |");
  }

  private static void collectUndocumented(String prefix, StructType s, List<String> out) {
    for (StructField f : s.fields()) {
      if (f.getComment().isEmpty() || f.getComment().get().isBlank()) {
        out.add(prefix + f.name());
      }
      if (f.dataType() instanceof StructType st) {
        collectUndocumented(prefix + f.name() + ".", st, out);
      } else if (f.dataType() instanceof ArrayType at
          && at.elementType() instanceof StructType st) {
        collectUndocumented(prefix + f.name() + "[].", st, out);
      }
    }
  }
}
