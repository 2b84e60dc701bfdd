package fi.palvelututka.jobs.bench;

import fi.palvelututka.models.cli.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: generate benchmark dumps and measure the pipeline against the floor. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Throughput benchmark: generate a dump, then measure floor, pipeline, tagger; or summarize"
            + " alone on a lake.",
    subcommands = {
      BenchCommand.Generate.class,
      BenchCommand.Run.class,
      BenchCommand.Summarize.class
    })
public final class BenchCommand implements Runnable {

  @Override
  public void run() {
    System.err.println("bench: missing command: generate or run (try bench --help)");
  }

  /** {@code bench generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Write a realistic Finnish review dump, deterministic by seed (the same options give the"
            + " same bytes). Texts are built from the sentences of the fictional sample reviews;"
            + " ~300 characters on average (50-1500); 2%% English/Swedish, 1%% re-sent, 0.2%% broken"
            + " records."
      })
  public static final class Generate implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder.")
    Path out;

    @Option(
        names = "--reviews",
        paramLabel = "<n>",
        description = "Records to write (default: ${DEFAULT-VALUE}).")
    long reviews = 1_000_000;

    @Option(
        names = "--files",
        paramLabel = "<n>",
        description = "Number of files (default: ${DEFAULT-VALUE}).")
    int files = 16;

    @Option(
        names = "--businesses",
        paramLabel = "<n>",
        description = "Number of businesses (default: reviews / 500, at least 20).")
    Integer businesses;

    @Option(
        names = "--seed",
        paramLabel = "<n>",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
        names = "--format",
        paramLabel = "<fmt>",
        description = "jsonl, jsonl.gz or csv (default: ${DEFAULT-VALUE}).")
    String format = "jsonl";

    @Override
    public Integer call() throws Exception {
      DumpGenerator.Options o;
      try {
        o =
            new DumpGenerator.Options(
                reviews,
                files,
                seed,
                businesses != null ? businesses : (int) Math.max(20, reviews / 500),
                DumpGenerator.Format.parse(format));
      } catch (IllegalArgumentException e) {
        System.err.println("bench generate: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      long t = System.nanoTime();
      DumpGenerator.Summary s = new DumpGenerator().generate(o, out);
      System.out.printf(
          "bench generate: %d records (%d reviews, %d broken) in %d file(s), %.1f MB, mean text"
              + " %.0f chars, %.1f s -> %s%n",
          s.records(),
          s.reviewsWritten(),
          s.broken(),
          o.files(),
          s.bytes() / 1e6,
          s.meanTextChars(),
          (System.nanoTime() - t) / 1e9,
          out);
      return ExitCodes.OK;
    }
  }

  /** {@code bench run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Measure on one dump, in one JVM: (1) the floor: Spark reads the dump and writes it as"
            + " Parquet; (2) the full nightly pipeline (checksums, ingest with language detection,"
            + " tag, summarize) into a fresh lake; (3) the tagger alone, single-threaded."
            + " Reports reviews/s, pipeline/floor ratio, per-stage times, and per phase the peak"
            + " RSS and the whole process's CPU, JIT compiling and GC time.",
        "Exit codes: 0 ok, 2 bad arguments, 3 dump missing, 4 counts do not reconcile."
      })
  public static final class Run implements Callable<Integer> {
    @Option(names = "--dump", required = true, paramLabel = "<dir>", description = "Dump folder.")
    String dump;

    @Option(
        names = "--work",
        required = true,
        paramLabel = "<dir>",
        description = "Scratch folder for the outputs (emptied first).")
    Path work;

    @Option(
        names = "--tagger-reviews",
        paramLabel = "<n>",
        description =
            "Reviews for the single-thread tagger measurement (default: ${DEFAULT-VALUE}).")
    int taggerReviews = 20_000;

    @Option(
        names = "--skip",
        paramLabel = "<phase>",
        split = ",",
        description = "Phases to skip: floor, pipeline, tagger.")
    java.util.Set<String> skip = new java.util.HashSet<>();

    @Option(names = "--report", paramLabel = "<file>", description = "Write the results as JSON.")
    Path report;

    @picocli.CommandLine.Mixin fi.palvelututka.jobs.SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
      return new Benchmark(dump, work, taggerReviews, skip, report, sparkOptions).run();
    }
  }

  /** {@code bench summarize}. */
  @Command(
      name = "summarize",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Run the summarize stage alone on a committed lake (for instance <work>/lake of 'bench"
            + " run'), several rounds in one JVM: the first shows the cost in a fresh JVM, the"
            + " later ones without most of the compiling. Reads the lake's reviews, review_tags"
            + " and aspect_mentions, writes the summaries to a scratch run's staging folder of the"
            + " lake and deletes them after each round; the lake's tables are not changed. Reports"
            + " each round's seconds, Spark jobs, task and CPU time, and the peak RSS.",
        "Exit codes: 0 ok, 2 bad arguments, 3 lake missing."
      })
  public static final class Summarize implements Callable<Integer> {
    @Option(
        names = "--lake",
        required = true,
        paramLabel = "<dir>",
        description = "Committed lake (nightly's --lake, or bench run's <work>/lake).")
    String lake;

    @Option(
        names = "--rounds",
        paramLabel = "<n>",
        description = "Rounds in one JVM (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(
        names = "--as-of",
        paramLabel = "<yyyy-mm-dd>",
        description = "Last day of the rolling periods (default: bench run's, 2026-11-01).")
    java.time.LocalDate asOf = Benchmark.AS_OF;

    @Option(names = "--report", paramLabel = "<file>", description = "Write the results as JSON.")
    Path report;

    @picocli.CommandLine.Mixin fi.palvelututka.jobs.SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1) {
        System.err.println("bench summarize: --rounds must be at least 1: " + rounds);
        return ExitCodes.USAGE;
      }
      return new SummarizeBench(lake, rounds, asOf, report, sparkOptions).run();
    }
  }
}
