package fi.palvelututka.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema}: prints (or writes) the lake schema documentation, docs/schema.md. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the documentation of the lake's Parquet tables (Markdown): every column, type and"
          + " meaning, reject reasons, the theme taxonomy, model versions. Generated from the"
          + " schemas the job writes with."
    })
public final class SchemaCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "<file>",
      description = "Write to this file instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    String md = SchemaDoc.markdown();
    if (out == null) {
      System.out.print(md);
    } else {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.writeString(out, md, StandardCharsets.UTF_8);
      System.out.println("schema: wrote " + out);
    }
    return 0;
  }
}
