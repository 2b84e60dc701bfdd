package fi.palvelututka.models.cli;

import picocli.CommandLine.Command;

/** {@code models}: training and evaluation of the Finnish NLP models. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Train and evaluate the Finnish NLP models (needs the corpora, see README).",
    subcommands = {
      TrainSentimentCommand.class,
      TrainAnalyzerCommand.class,
      TrainThemesCommand.class,
      EvaluateCommand.class,
      EvaluateThemesCommand.class,
      EvaluateLanguageCommand.class,
      BenchAnalyzerCommand.class,
      AnalyzeCommand.class
    })
public final class ModelsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "models: missing subcommand (try 'models --help')");
  }
}
