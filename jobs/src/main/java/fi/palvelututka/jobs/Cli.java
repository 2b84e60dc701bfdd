package fi.palvelututka.jobs;

import fi.palvelututka.jobs.nightly.NightlyCommand;
import fi.palvelututka.jobs.report.ReportCommand;
import fi.palvelututka.models.cli.ExitCodes;
import fi.palvelututka.models.cli.ModelsCommand;
import fi.palvelututka.models.cli.TagCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The palvelututka command line: the main class of the application jar, run by {@code
 * bin/palvelututka} (embedded local Spark) and by {@code spark-submit} alike.
 */
@Command(
    name = "palvelututka",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Mine Finnish customer reviews for service-quality signals.",
    subcommands = {
      NightlyCommand.class,
      ReportCommand.class,
      TagCommand.class,
      SchemaCommand.class,
      fi.palvelututka.jobs.bench.BenchCommand.class,
      ModelsCommand.class
    })
public final class Cli implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: nightly, report, tag, schema or models (try --help)");
  }

  public static void main(String[] args) {
    int code = execute(args);
    // spark-submit waits for non-daemon threads; exit explicitly with the documented code.
    System.exit(code);
  }

  /** Runs the CLI and returns the exit code (for tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof SparkOptions.BadSparkOptionsException) {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + ex.getMessage());
            return ExitCodes.USAGE;
          }
          commandLine.getErr().println(commandLine.getCommandName() + ": failed: " + describe(ex));
          if (Boolean.getBoolean("palvelututka.stacktrace")) {
            ex.printStackTrace(commandLine.getErr());
          } else {
            commandLine
                .getErr()
                .println("(run with -Dpalvelututka.stacktrace=true for the stack trace)");
          }
          return ex instanceof java.io.IOException ? ExitCodes.INPUT : ExitCodes.INTERNAL;
        });
    return cl.execute(args);
  }

  /** The exception and its causes, one line each (Spark packs stack traces into messages). */
  private static String describe(Throwable ex) {
    StringBuilder sb = new StringBuilder(firstLine(ex));
    Throwable c = ex.getCause();
    while (c != null && c != ex) {
      sb.append("\n  caused by: ").append(firstLine(c));
      ex = c;
      c = c.getCause();
    }
    return sb.toString();
  }

  /** The first line of an exception's text (its class and message). */
  static String firstLine(Throwable t) {
    String s = t.toString();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Version from the jar manifest (set by Maven), else "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"palvelututka " + (v == null ? "dev" : v)};
    }
  }
}
