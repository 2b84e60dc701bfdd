package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishTokenizer;
import fi.palvelututka.models.text.Lemmatizer;
import fi.palvelututka.models.text.SentenceSplitter;
import fi.palvelututka.models.text.conllu.ConlluWord;
import fi.palvelututka.models.text.train.AnalyzerEvaluation;
import fi.palvelututka.models.text.train.AnalyzerEvaluation.LemmaScore;
import fi.palvelututka.models.text.train.AnalyzerEvaluation.Prf;
import fi.palvelututka.models.text.train.AnalyzerTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.TokenizerModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models train-analyzer}: trains the Finnish analyzer bundle (sentence detector, tokenizer,
 * lemmas, normalization) from UD Finnish and the other corpora, measures it and the lemmatization
 * alternatives on held-out data, and writes the bundle and the report.
 */
@Command(
    name = "train-analyzer",
    mixinStandardHelpOptions = true,
    description = {
      "Train the Finnish analyzer (sentences, tokens, lemmas, ä/ö restoration) from UD Finnish"
          + " and evaluate it on UD TDT test and OOD thread+tweet (held out).",
      "Writes <out>/analyzer-fi.zip and <report-dir>/analyzer-fi.md + .json."
    })
public final class TrainAnalyzerCommand implements Callable<Integer> {

  @Option(
      names = "--corpora",
      paramLabel = "<dir>",
      defaultValue = "${env:PALVELUTUTKA_CORPORA:-../shared/corpora}",
      description =
          "Corpora folder with ud-finnish/ (default: $PALVELUTUTKA_CORPORA or ../shared/corpora).")
  Path corpora;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      defaultValue = "models/trained",
      description = "Where the bundle goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--report-dir",
      paramLabel = "<dir>",
      defaultValue = "models/eval",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(
      names = "--evaluate",
      paramLabel = "<zip>",
      description =
          "Evaluate this bundle (e.g. the shipped models/trained/analyzer-fi.zip) instead of"
              + " training one: writes only the report, with the current code's rules around the"
              + " bundle's models.")
  Path evaluate;

  @Option(
      names = "--skip-comparison",
      description =
          "Do not train and measure the OpenNLP POS tagger + LemmatizerME alternative (saves a few minutes).")
  boolean skipComparison;

  private static void log(String fmt, Object... args) {
    System.err.printf(Locale.ROOT, "train-analyzer: " + fmt + "%n", args);
  }

  @Override
  public Integer call() throws IOException {
    if (evaluate != null && !Files.isRegularFile(evaluate)) {
      System.err.println("train-analyzer: bundle not found: " + evaluate);
      return ExitCodes.INPUT;
    }
    AnalyzerTraining.UdData ud;
    try {
      ud = AnalyzerTraining.loadUd(corpora);
    } catch (NoSuchFileException e) {
      System.err.println("train-analyzer: " + e.getFile() + ": " + e.getReason());
      return ExitCodes.INPUT;
    }
    log(
        "UD: %d sentences for tokenizer/sentences, %d for lemmas; held out: TDT test %d, OOD thread+tweet %d",
        ud.tokenTrain().size(),
        ud.lemmaTrain().size(),
        ud.tdtTest().size(),
        ud.oodHeldOut().size());
    long t0 = System.nanoTime();
    TokenizerModel tok = null;
    SentenceModel sent = null;
    if (evaluate == null) {
      tok = AnalyzerTraining.trainTokenizer(ud.tokenTrain());
      sent = AnalyzerTraining.trainSentenceDetector(ud.tokenTrain());
      log("tokenizer and sentence detector trained in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    List<Lemmatizer.Entry> entries = AnalyzerTraining.lemmaEntries(ud.lemmaTrain());
    Map<String, String> dict = AnalyzerTraining.dictionary(entries);
    Map<String, Lemmatizer.Rule> rules = Lemmatizer.learnSuffixRules(entries);
    List<String> sources = new ArrayList<>();
    Map<String, Long> counts = AnalyzerTraining.wordCounts(corpora, ud, sources);
    Map<String, String> restore = AnalyzerTraining.restoreTable(counts);
    Set<String> vocab = AnalyzerTraining.vocabulary(counts, dict);
    log(
        "lemmas: %d forms, %d suffix rules; vocabulary %d forms; ä/ö restoration %d entries (%s)",
        dict.size(), rules.size(), vocab.size(), restore.size(), String.join(", ", sources));

    Properties manifest = new Properties();
    manifest.setProperty("language", "fi");
    manifest.setProperty("tokenizer.train", "UD_Finnish-TDT dev + UD_Finnish-OOD cl/web/poem");
    manifest.setProperty("sentence.train", "UD_Finnish-TDT dev + UD_Finnish-OOD cl/web/poem");
    manifest.setProperty(
        "lemmas.train",
        "UD_Finnish-TDT dev + UD_Finnish-FTB dev/test + UD_Finnish-OOD cl/web/poem");
    manifest.setProperty("vocabulary.sources", String.join("; ", sources));
    manifest.setProperty("opennlp.version", opennlp.tools.util.Version.currentVersion().toString());
    byte[] bundle;
    AnalyzerModels models;
    if (evaluate == null) {
      bundle =
          AnalyzerModels.writeBundle(
              AnalyzerTraining.bytes(sent),
              AnalyzerTraining.bytes(tok),
              dict,
              rules,
              vocab,
              restore,
              manifest);
      Files.createDirectories(out);
      Path bundleFile = out.resolve("analyzer-fi.zip");
      Files.write(bundleFile, bundle);
      models = AnalyzerModels.fromBytes(bundle);
      log("wrote %s (%s, %d bytes)", bundleFile, models.version(), bundle.length);
    } else {
      bundle = Files.readAllBytes(evaluate);
      models = AnalyzerModels.fromBytes(bundle);
      sent = models.sentenceModel();
      log("evaluating %s (%s, %d bytes)", evaluate, models.version(), bundle.length);
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", models.version().toString());
    report.put(
        "command",
        "bin/palvelututka models train-analyzer --corpora "
            + corpora
            + (evaluate == null ? " --out " + out : " --evaluate " + evaluate)
            + " --report-dir "
            + reportDir
            + (skipComparison ? " --skip-comparison" : ""));
    StringBuilder md = new StringBuilder();
    md.append("# Finnish analyzer evaluation: ").append(models.version()).append("\n\n");
    md.append(
            evaluate == null
                ? "Generated by the training command; do not edit by hand.\n\n```\n"
                : "Generated by the training command, evaluating an existing bundle; do not edit by"
                    + " hand.\n\n```\n")
        .append(report.get("command"))
        .append("\n```\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Held out: UD_Finnish-TDT test (%d sentences; never trained on) and UD_Finnish-OOD `thread`+`tweet` (%d sentences). "
                + "Training: tokenizer and sentence detector on TDT dev + OOD cl/web/poem (%d sentences); lemmas on those + FTB dev/test (%d sentences).%n%n",
            ud.tdtTest().size(),
            ud.oodHeldOut().size(),
            ud.tokenTrain().size(),
            ud.lemmaTrain().size()));

    // tokenizer
    FinnishTokenizer ruleTok = new FinnishTokenizer(null);
    FinnishTokenizer meTok = models.newTokenizer();
    md.append(
        "## Tokenizer (exact token spans)\n\n| variant | TDT test P | R | F1 | OOD thread+tweet P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Object> tokJson = new LinkedHashMap<>();
    for (var v :
        List.of(
            Map.entry(
                "whitespace only",
                (Function<String, List<opennlp.tools.util.Span>>) AnalyzerEvaluation::whitespace),
            Map.entry("rules only (punctuation split off)", AnalyzerEvaluation.spans(ruleTok)),
            Map.entry("**shipped: rules + TokenizerME**", AnalyzerEvaluation.spans(meTok)))) {
      Prf a = AnalyzerEvaluation.tokenizer(v.getValue(), ud.tdtTest());
      Prf b = AnalyzerEvaluation.tokenizer(v.getValue(), ud.oodHeldOut());
      md.append(row(v.getKey(), a, b));
      tokJson.put(
          v.getKey().replace("*", ""), Map.of("tdt_test", prf(a), "ood_thread_tweet", prf(b)));
    }
    report.put("tokenizer", tokJson);

    // sentences
    md.append("\n## Sentence detector (exact sentence spans, documents of ")
        .append(fi.palvelututka.models.text.train.UdSamples.SENTENCES_PER_DOCUMENT)
        .append(
            " consecutive sentences)\n\n| variant | TDT test P | R | F1 | OOD thread+tweet P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Object> sentJson = new LinkedHashMap<>();
    for (var v :
        List.of(
            Map.entry("rules only (. ! ? + space + capital)", new SentenceSplitter(null)),
            Map.entry(
                "**shipped: SentenceDetectorME + review rules**", new SentenceSplitter(sent)))) {
      Prf a = AnalyzerEvaluation.sentences(v.getValue(), ud.tdtTest());
      Prf b = AnalyzerEvaluation.sentences(v.getValue(), ud.oodHeldOut());
      md.append(row(v.getKey(), a, b));
      sentJson.put(
          v.getKey().replace("*", ""), Map.of("tdt_test", prf(a), "ood_thread_tweet", prf(b)));
    }
    report.put("sentences", sentJson);

    // lemmas
    Lemmatizer shipped = models.lemmatizer();
    SnowballStemmer snowball = new SnowballStemmer(SnowballStemmer.ALGORITHM.FINNISH);
    Map<String, Function<List<ConlluWord>, String[]>> variants = new LinkedHashMap<>();
    variants.put(
        "identity (lower-cased form)",
        ws -> ws.stream().map(w -> lower(w.form())).toArray(String[]::new));
    variants.put(
        "Snowball Finnish stem",
        ws ->
            ws.stream().map(w -> snowball.stem(lower(w.form())).toString()).toArray(String[]::new));
    variants.put(
        "UD dictionary, else form",
        ws ->
            ws.stream()
                .map(w -> dict.getOrDefault(lower(w.form()), lower(w.form())))
                .toArray(String[]::new));
    variants.put(
        "UD dictionary, else Snowball stem",
        ws ->
            ws.stream()
                .map(
                    w ->
                        dict.containsKey(lower(w.form()))
                            ? dict.get(lower(w.form()))
                            : snowball.stem(lower(w.form())).toString())
                .toArray(String[]::new));
    variants.put(
        "suffix rules only",
        ws -> ws.stream().map(w -> shipped.guess(lower(w.form()))).toArray(String[]::new));
    variants.put(
        "**shipped: UD dictionary, else suffix rules**",
        ws -> ws.stream().map(w -> shipped.lemma(lower(w.form()))).toArray(String[]::new));
    if (!skipComparison) {
      long t1 = System.nanoTime();
      POSModel pos = AnalyzerTraining.trainPosTagger(ud.lemmaTrain());
      LemmatizerModel lemModel = AnalyzerTraining.trainLemmatizerMe(ud.lemmaTrain());
      log(
          "POS tagger and LemmatizerME trained in %.1f s (comparison only)",
          (System.nanoTime() - t1) / 1e9);
      POSTaggerME tagger = new POSTaggerME(pos);
      LemmatizerME lem = new LemmatizerME(lemModel);
      Function<List<ConlluWord>, String[]> me =
          ws -> {
            String[] forms = ws.stream().map(ConlluWord::form).toArray(String[]::new);
            String[] tags = tagger.tag(forms);
            String[] lowers = ws.stream().map(w -> lower(w.form())).toArray(String[]::new);
            return lem.lemmatize(lowers, tags);
          };
      variants.put("OpenNLP POSTaggerME + LemmatizerME", me);
      variants.put(
          "UD dictionary, else POSTaggerME + LemmatizerME",
          ws -> {
            String[] m = me.apply(ws);
            for (int i = 0; i < m.length; i++) {
              String d = dict.get(lower(ws.get(i).form()));
              if (d != null) {
                m[i] = d;
              }
            }
            return m;
          });
    }
    md.append("\n## Lemmatization (gold tokens; lower-cased lemma, compound marks removed)\n\n")
        .append(
            "OOV = word forms not in the lemma training data. Speed: words per second, one thread, this machine.\n\n")
        .append(
            "| variant | TDT test acc | TDT OOV acc | OOD thread+tweet acc | OOD OOV acc | words/s |\n|---|---:|---:|---:|---:|---:|\n");
    Map<String, Object> lemJson = new LinkedHashMap<>();
    for (var v : variants.entrySet()) {
      LemmaScore a = AnalyzerEvaluation.lemmas(v.getValue(), ud.tdtTest(), dict.keySet(), 1500);
      LemmaScore b = AnalyzerEvaluation.lemmas(v.getValue(), ud.oodHeldOut(), dict.keySet(), 0);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f | %.3f | %.3f | %,.0f |%n",
              v.getKey(),
              a.accuracy(),
              a.oovAccuracy(),
              b.accuracy(),
              b.oovAccuracy(),
              a.wordsPerSecond()));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("tdt_test_accuracy", r4(a.accuracy()));
      j.put("tdt_test_oov_accuracy", r4(a.oovAccuracy()));
      j.put("tdt_test_words", a.words());
      j.put("tdt_test_oov_words", a.oovWords());
      j.put("ood_accuracy", r4(b.accuracy()));
      j.put("ood_oov_accuracy", r4(b.oovAccuracy()));
      j.put("words_per_second", Math.round(a.wordsPerSecond()));
      lemJson.put(v.getKey().replace("*", ""), j);
      log(
          "lemmas %s: TDT %.3f (OOV %.3f), OOD %.3f, %,.0f words/s",
          v.getKey(), a.accuracy(), a.oovAccuracy(), b.accuracy(), a.wordsPerSecond());
    }
    report.put("lemmas", lemJson);
    report.put(
        "sizes",
        Map.of(
            "lemma_forms",
            dict.size(),
            "suffix_rules",
            rules.size(),
            "vocabulary",
            vocab.size(),
            "restore_entries",
            restore.size(),
            "bundle_bytes",
            bundle.length));
    md.append(
        String.format(
            Locale.ROOT,
            "%nBundle: %,d bytes; %,d dictionary forms, %,d suffix rules, %,d known forms, %,d ä/ö restoration entries.%n",
            bundle.length,
            dict.size(),
            rules.size(),
            vocab.size(),
            restore.size()));

    Files.createDirectories(reportDir);
    Files.writeString(reportDir.resolve("analyzer-fi.md"), md.toString(), StandardCharsets.UTF_8);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(reportDir.resolve("analyzer-fi.json").toFile(), report);
    log("wrote %s", reportDir.resolve("analyzer-fi.md"));
    return ExitCodes.OK;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static double r4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static Map<String, Object> prf(Prf p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("precision", r4(p.precision()));
    m.put("recall", r4(p.recall()));
    m.put("f1", r4(p.f1()));
    m.put("gold", p.gold());
    return m;
  }

  private static String row(String name, Prf a, Prf b) {
    return String.format(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
        name,
        a.precision(),
        a.recall(),
        a.f1(),
        b.precision(),
        b.recall(),
        b.f1());
  }
}
