package fi.palvelututka.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.palvelututka.models.corpus.FinnSentimentReader;
import fi.palvelututka.models.corpus.FinnSentimentRow;
import fi.palvelututka.models.corpus.HashSplit;
import fi.palvelututka.models.corpus.LabeledJsonl;
import fi.palvelututka.models.eval.CalibrationReport;
import fi.palvelututka.models.eval.ClassificationReport;
import fi.palvelututka.models.sentiment.ReviewCues;
import fi.palvelututka.models.sentiment.ReviewRule;
import fi.palvelututka.models.sentiment.SentimentEvaluation;
import fi.palvelututka.models.sentiment.SentimentFeatures;
import fi.palvelututka.models.sentiment.SentimentLexicon;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.sentiment.SentimentTrainer;
import fi.palvelututka.models.sentiment.SentimentTrainer.LabeledText;
import fi.palvelututka.models.sentiment.SentimentTrainer.Settings;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeTagger;
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
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code models train-sentiment}: trains the Finnish sentiment model on FinnSentiment (split by a
 * hash of the normalized text: 80 % train, 10 % dev, 10 % test, frozen), calibrates it on dev, fits
 * the "mixed" threshold on the review dev set, evaluates on the held-out test split and the frozen
 * review test set, and writes the bundle and the report (optionally with an ablation study on dev).
 */
@Command(
    name = "train-sentiment",
    mixinStandardHelpOptions = true,
    description = {
      "Train the Finnish sentiment model on FinnSentiment, calibrate on dev, and evaluate on the"
          + " held-out split and the review test set.",
      "Writes <out>/sentiment-fi.zip and <report-dir>/sentiment-fi.md + .json."
    })
public final class TrainSentimentCommand implements Callable<Integer> {

  @Option(
      names = "--corpora",
      paramLabel = "<dir>",
      defaultValue = "${env:PALVELUTUTKA_CORPORA:-../shared/corpora}",
      description =
          "Corpora folder holding finnsentiment/ and fi-lexicons/ (default: $PALVELUTUTKA_CORPORA or ../shared/corpora).")
  Path corpora;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      defaultValue = "models/trained",
      description = "Where the model goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--report-dir",
      paramLabel = "<dir>",
      defaultValue = "models/eval",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(
      names = "--review-dev",
      paramLabel = "<jsonl>",
      split = ",",
      defaultValue =
          "models/eval-data/reviews-sentiment-dev.jsonl,models/eval-data/reviews-sentiment-dev2.jsonl",
      description =
          "Labelled reviews (comma-separated files) for fitting the review mode: temperature, class"
              + " shifts, cue weight, model mixture, mixed threshold (default: ${DEFAULT-VALUE}).")
  List<Path> reviewDev;

  @Option(
      names = "--review-dev-mixed",
      paramLabel = "<jsonl>",
      split = ",",
      defaultValue = "models/eval-data/reviews-long-dev.jsonl",
      description =
          "Labelled reviews (comma-separated files, or none) that fit only the review mode's mixed"
              + " decision, with --review-dev: long reviews, whose summed scores are on another"
              + " scale than a sentence's (default: ${DEFAULT-VALUE}).")
  List<Path> reviewDevMixed;

  @Option(
      names = "--review-test",
      paramLabel = "<jsonl>",
      defaultValue = "models/eval-data/reviews-sentiment-test.jsonl",
      description = "Frozen labelled reviews, reported only (default: ${DEFAULT-VALUE}).")
  Path reviewTest;

  @Option(
      names = "--taxonomy",
      paramLabel = "<json>",
      description =
          "Theme taxonomy whose complaint and praise patterns give the review-mode cues (default:"
              + " the shipped one).")
  Path taxonomy;

  @Option(
      names = "--no-review-cues",
      description =
          "Fit the review mode on the models' scores alone, without the taxonomy's complaint and"
              + " praise cues.")
  boolean noReviewCues;

  @Option(
      names = "--review-rules",
      defaultValue =
          "negated_lexicon,contrast,wish,idioms,irony,contrast_adverb,remedy,suggestion,then_and_now",
      description =
          "Review-mode rules, comma-separated, or none: negated_lexicon (a lexicon word in a"
              + " negation scope is a cue of the opposite polarity), contrast (own mixed threshold"
              + " and clause scoring for reviews with a contrast word), wish (a wish, such as"
              + " 'olisi voinut olla lämpimämpää' or 'olisin toivonut', is a complaint cue; negated,"
              + " a praise cue), idioms (an idiom of --idioms is a cue of its polarity), irony"
              + " (ironic praise such as 'Ihanaa, että pankki perii 3 euroa' or 'Kiitos vaan' is a"
              + " complaint), contrast_adverb (a sentence with 'kuitenkin' or 'tosin' and no cue of"
              + " its own turns against the one before), remedy ('ei myönnä virhettä' stays a"
              + " complaint), suggestion ('toivoisin, että', 'olisi kiva, jos', 'kannattaisi',"
              + " 'miksi ...?' are complaint cues), then_and_now ('ennen ... nyt' judges the"
              + " present by the past's opposite) (default: ${DEFAULT-VALUE}).")
  String reviewRules;

  @Option(
      names = "--lexicon-supplement",
      paramLabel = "<tsv>",
      defaultValue = "models/lexicon/review-lexicon-fi.tsv",
      description =
          "Words of Finnish service reviews added to the AFINN-fi lexicon where it lacks them"
              + " (word<TAB>score, AFINN scale), or none (default: ${DEFAULT-VALUE}).")
  String lexiconSupplement;

  @Option(
      names = "--idioms",
      paramLabel = "<json>",
      defaultValue = "models/lexicon/review-idioms-fi.json",
      description =
          "Evaluative idioms and stock phrases of Finnish reviews (the theme taxonomy's JSON"
              + " format, one category), stored in the bundle for the idioms review rule, or none"
              + " (default: ${DEFAULT-VALUE}).")
  String idioms;

  @Option(
      names = "--algorithm",
      defaultValue = Settings.DEFAULT_ALGORITHM,
      description =
          "MAXENT_QN (maxent by L-BFGS with an L2 penalty), MAXENT (GIS), NAIVEBAYES or PERCEPTRON (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(
      names = "--l2",
      defaultValue = "" + Settings.DEFAULT_L2,
      description = "L2 penalty of MAXENT_QN (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(
      names = "--iterations",
      defaultValue = "" + Settings.DEFAULT_ITERATIONS,
      description = "Training iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--cutoff",
      defaultValue = "" + Settings.DEFAULT_CUTOFF,
      description = "Minimum feature count (default: ${DEFAULT-VALUE}).")
  int cutoff;

  @Option(
      names = "--ngram",
      defaultValue = "" + Settings.DEFAULT_NGRAM,
      description = "Longest n-gram feature, 1..3 (default: ${DEFAULT-VALUE}).")
  int ngram;

  @Option(
      names = "--features",
      defaultValue = Settings.DEFAULT_FEATURES,
      description =
          "Feature groups: lemmas, lexicon, intensity, stems (default: ${DEFAULT-VALUE}).")
  String features;

  @Option(
      names = "--agreement",
      defaultValue = "weighted",
      description =
          "Training rows: all (majority label), unanimous (all three annotators agree) or weighted (unanimous rows counted twice) (default: ${DEFAULT-VALUE}).")
  String agreement;

  @Option(
      names = "--extra-xed",
      description = "Add XED Finnish (polarity-mapped subtitles) to the training rows.")
  boolean extraXed;

  @Option(
      names = "--no-balance",
      description = "Train on the natural class distribution (default: oversample to balance).")
  boolean noBalance;

  @Option(
      names = "--ablation",
      description = "Also train the ablation variants and report them on dev (a few minutes).")
  boolean ablation;

  @Option(
      names = "--cv",
      paramLabel = "<k>",
      defaultValue = "0",
      description =
          "Also report k-fold cross-validation on the train and dev parts (test untouched) for the"
              + " model and, with --ablation, every variant (k trainings each; 0 = off, default).")
  int cv;

  /** The lexicon the model was trained with, for its info and the report. */
  private String lexiconInfo = "";

  /**
   * Whether the file an option names is missing (then says so: the defaults are relative to the
   * repository root, and "none" switches the option off).
   */
  private static boolean missingFile(String option, Path f) {
    if (Files.isRegularFile(f)) {
      return false;
    }
    System.err.println(
        "train-sentiment: "
            + option
            + " "
            + f
            + ": no such file (run from the repository root, or give none)");
    return true;
  }

  private static void log(String fmt, Object... args) {
    System.err.printf(Locale.ROOT, "train-sentiment: " + fmt + "%n", args);
  }

  @Override
  public Integer call() throws IOException {
    Set<ReviewRule> rules;
    try {
      rules = ReviewRule.parse(reviewRules);
    } catch (IllegalArgumentException e) {
      System.err.println(
          "train-sentiment: unknown --review-rules '"
              + reviewRules
              + "': use negated_lexicon, contrast, wish, idioms (comma-separated) or none");
      return ExitCodes.USAGE;
    }
    Settings settings;
    try {
      settings =
          new Settings(
              algorithm,
              iterations,
              cutoff,
              ngram,
              !noBalance,
              SentimentFeatures.Feature.parse(features),
              l2);
      if (cv == 1 || cv < 0) {
        throw new IllegalArgumentException("Invalid --cv (0 = off, or at least 2 folds): " + cv);
      }
      if (!List.of("all", "unanimous", "weighted").contains(agreement)) {
        throw new IllegalArgumentException(
            "Invalid --agreement (all, unanimous, weighted): " + agreement);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("train-sentiment: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    SentimentLexicon supplement = null;
    if (!"none".equals(lexiconSupplement)) {
      Path sup = Path.of(lexiconSupplement);
      if (missingFile("--lexicon-supplement", sup)) {
        return ExitCodes.INPUT;
      }
      supplement =
          SentimentLexicon.parse(Files.readString(sup, StandardCharsets.UTF_8)).withoutNegators();
    }
    byte[] idiomList = null;
    if (!"none".equals(idioms)) {
      Path f = Path.of(idioms);
      if (missingFile("--idioms", f)) {
        return ExitCodes.INPUT;
      }
      idiomList = Files.readAllBytes(f);
      try {
        int n =
            fi.palvelututka.models.themes.Taxonomy.parse(idiomList).patterns().patterns().size();
        log("idioms %s: %,d patterns", idioms, n);
      } catch (RuntimeException e) {
        System.err.println(
            "train-sentiment: --idioms " + f + ": not an idiom list: " + e.getMessage());
        return ExitCodes.INPUT;
      }
    } else if (rules.contains(ReviewRule.IDIOMS)) {
      log("--idioms none: the idioms review rule gives no cues");
    }
    Path tsv;
    try {
      tsv = FinnSentimentReader.locate(corpora);
    } catch (NoSuchFileException e) {
      System.err.println("train-sentiment: " + e.getFile() + ": " + e.getReason());
      return ExitCodes.INPUT;
    }
    SentimentLexicon lexicon = SentimentLexicon.empty();
    Path afinn = corpora.resolve(SentimentLexicon.AFINN_RELATIVE_PATH);
    if (Files.isRegularFile(afinn)) {
      SentimentLexicon afinnFi =
          SentimentLexicon.parse(Files.readString(afinn, StandardCharsets.UTF_8));
      lexicon = afinnFi.withoutNegators();
      log(
          "AFINN-fi: %,d entries; %d negation word(s) left out (negation is a scope, not a"
              + " polarity)",
          afinnFi.size(), afinnFi.size() - lexicon.size());
    } else {
      log("AFINN-fi not found at %s: lexicon features are empty", afinn);
    }
    lexiconInfo = "AFINN-fi (Apache-2.0)";
    if (supplement != null) {
      SentimentLexicon merged = lexicon.plus(supplement);
      int added = merged.size() - lexicon.size();
      log(
          "lexicon supplement %s: %,d entries, %,d added (%,d already in AFINN-fi, whose scores"
              + " stay)",
          lexiconSupplement, supplement.size(), added, supplement.size() - added);
      lexicon = merged;
      lexiconInfo += " + " + Path.of(lexiconSupplement).getFileName() + " (" + added + " words)";
    }
    List<FinnSentimentRow> rows = FinnSentimentReader.read(tsv);
    HashSplit split = HashSplit.standard();
    List<FinnSentimentRow> trainRows = new ArrayList<>();
    List<FinnSentimentRow> devRows = new ArrayList<>();
    List<LabeledText> dev = new ArrayList<>();
    List<LabeledText> test = new ArrayList<>();
    for (FinnSentimentRow r : rows) {
      switch (split.partOf(r.text())) {
        case TRAIN -> trainRows.add(r);
        case DEV -> {
          devRows.add(r);
          dev.add(new LabeledText(r.text(), r.majority()));
        }
        case TEST -> test.add(new LabeledText(r.text(), r.majority()));
      }
    }
    SentimentEvaluation.ReviewDev revDev =
        new SentimentEvaluation.ReviewDev(readReviews(reviewDev), readReviews(reviewDevMixed));
    List<LabeledJsonl.Item> revTest =
        Files.isRegularFile(reviewTest)
            ? LabeledJsonl.read(reviewTest, "text", "label")
            : List.of();
    log(
        "%s: %,d sentences -> train %,d / dev %,d / test %,d; review dev %d (+ %d for the mixed"
            + " decision), review test %d",
        tsv,
        rows.size(),
        trainRows.size(),
        dev.size(),
        test.size(),
        revDev.calibration().size(),
        revDev.mixedOnly().size(),
        revTest.size());

    Map<String, String> info = new LinkedHashMap<>();
    info.put("corpus", "FinnSentiment 2020 (CC BY 4.0), hash split 80/10/10");
    info.put("lexicon", lexiconInfo);
    info.put("agreement", agreement);
    List<LabeledText> extra = new ArrayList<>();
    if (extraXed) {
      extra.addAll(fi.palvelututka.models.corpus.XedReader.read(corpora));
      info.put("extra", "XED Finnish (CC BY 4.0), polarity-mapped");
      log("XED: %,d extra training rows", extra.size());
    }
    ReviewCues cues = reviewCues();
    List<CueRow> cueComparison = null;
    long t0 = System.nanoTime();
    List<LabeledText> trainList = trainData(trainRows, agreement);
    trainList.addAll(extra);
    SentimentModel model =
        SentimentTrainer.train(trainList, dev, settings, lexicon, info).withIdioms(idiomList);
    if (!revDev.isEmpty()) {
      // a companion on lexicon + intensity features only, mixed in for reviews if it helps there
      Settings lexOnly =
          settings.withFeatures(SentimentFeatures.Feature.parse("lexicon,intensity"));
      SentimentModel companion = SentimentTrainer.train(trainList, dev, lexOnly, lexicon, info);
      SentimentModel main = model.withReviewRules(rules);
      model = SentimentEvaluation.fitCompanionMix(main, companion, revDev, cues);
      log("review mode: main model weight %.2f (%s)", model.reviewMix(), model.calibration());
      if (cues != ReviewCues.NONE) {
        cueComparison = compareReviewModes(main, companion, model, revDev, revTest, cues, rules);
      }
    }
    double trainSecs = (System.nanoTime() - t0) / 1e9;
    ClassificationReport devR = SentimentEvaluation.threeClass(model, dev);
    ClassificationReport testR = SentimentEvaluation.threeClass(model, test);
    CalibrationReport calR = SentimentEvaluation.calibration(model, test);
    ClassificationReport revR =
        revTest.isEmpty() ? null : SentimentEvaluation.documents(model, revTest, cues);
    CalibrationReport revCal =
        revTest.isEmpty() ? null : SentimentEvaluation.documentCalibration(model, revTest, cues);
    log(
        "trained in %.1f s (%s); dev macro-F1 %.3f MCC %.3f; test macro-F1 %.3f MCC %.3f; review test macro-F1 %s",
        trainSecs,
        model.calibration(),
        devR.macroF1(),
        devR.mcc(),
        testR.macroF1(),
        testR.mcc(),
        revR == null ? "-" : String.format(Locale.ROOT, "%.3f", revR.macroF1()));

    List<FinnSentimentRow> cvRows = new ArrayList<>(trainRows);
    cvRows.addAll(devRows);
    ClassificationReport cvR = cv == 0 ? null : crossValidate(cvRows, settings, agreement, lexicon);
    if (cvR != null) {
      log(
          "%d-fold cross-validation on train+dev (%,d rows): macro-F1 %.3f MCC %.3f",
          cv, cvRows.size(), cvR.macroF1(), cvR.mcc());
    }

    StringBuilder ablationMd = new StringBuilder();
    List<Map<String, Object>> ablationJson = new ArrayList<>();
    if (ablation) {
      ablationMd.append(
          cv == 0
              ? "| variant | dev macro-F1 | dev MCC | review dev macro-F1 (4-class) |\n|---|---:|---:|---:|\n"
              : "| variant | dev macro-F1 | dev MCC | "
                  + cv
                  + "-fold CV macro-F1 | CV MCC | review dev macro-F1 (4-class) |\n|---|---:|---:|---:|---:|---:|\n");
      record Variant(String name, Settings s, String agreement) {}
      List<Variant> vs = new ArrayList<>();
      vs.add(new Variant("lemmas only (all rows)", with(settings, "lemmas"), "all"));
      vs.add(new Variant("lemmas + lexicon (all rows)", with(settings, "lemmas,lexicon"), "all"));
      vs.add(
          new Variant(
              "lemmas + lexicon + intensity (all rows)",
              with(settings, "lemmas,lexicon,intensity"),
              "all"));
      vs.add(
          new Variant(
              "lemmas + lexicon + intensity + stems (all rows)",
              with(settings, "lemmas,lexicon,intensity,stems"),
              "all"));
      vs.add(
          new Variant(
              "lemmas + lexicon + intensity + stems, unanimous rows only",
              with(settings, "lemmas,lexicon,intensity,stems"),
              "unanimous"));
      vs.add(
          new Variant(
              "lemmas + lexicon + intensity + stems, unanimous rows weighted ×2",
              with(settings, "lemmas,lexicon,intensity,stems"),
              "weighted"));
      vs.add(
          new Variant("lexicon + intensity only", with(settings, "lexicon,intensity"), "weighted"));
      vs.add(new Variant("as trained but unigrams only", settings.withNgram(1), agreement));
      vs.add(
          new Variant(
              "as trained but natural class distribution", settings.withBalance(false), agreement));
      vs.add(
          new Variant(
              "as trained but GIS maxent (no penalty)",
              settings.withAlgorithm("MAXENT"),
              agreement));
      vs.add(new Variant("as trained but L2 penalty 1", settings.withL2(1.0), agreement));
      vs.add(new Variant("as trained but L2 penalty 10", settings.withL2(10.0), agreement));
      vs.add(
          new Variant(
              "as trained but naive Bayes", settings.withAlgorithm("NAIVEBAYES"), agreement));
      vs.add(
          new Variant(
              "as trained but perceptron", settings.withAlgorithm("PERCEPTRON"), agreement));
      for (Variant v : vs) {
        SentimentModel m =
            SentimentTrainer.train(trainData(trainRows, v.agreement()), dev, v.s(), lexicon, info)
                .withIdioms(idiomList);
        if (!revDev.isEmpty()) {
          m = SentimentEvaluation.fitReviewDomain(m.withReviewRules(rules), revDev, cues);
        }
        ClassificationReport d = SentimentEvaluation.threeClass(m, dev);
        double rd =
            revDev.isEmpty()
                ? Double.NaN
                : SentimentEvaluation.documents(m, revDev.all(), cues).macroF1();
        ClassificationReport cvV =
            cv == 0 ? null : crossValidate(cvRows, v.s(), v.agreement(), lexicon);
        ablationMd.append(
            cvV == null
                ? String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f |%n",
                    v.name(),
                    d.macroF1(),
                    d.mcc(),
                    rd)
                : String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    v.name(),
                    d.macroF1(),
                    d.mcc(),
                    cvV.macroF1(),
                    cvV.mcc(),
                    rd));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("variant", v.name());
        row.put("dev_macro_f1", r4(d.macroF1()));
        row.put("dev_mcc", r4(d.mcc()));
        if (cvV != null) {
          row.put("cv_folds", cv);
          row.put("cv_macro_f1", r4(cvV.macroF1()));
          row.put("cv_mcc", r4(cvV.mcc()));
        }
        row.put("review_dev_macro_f1", r4(rd));
        ablationJson.add(row);
        log(
            "ablation %s: dev macro-F1 %.3f MCC %.3f%s, review dev %.3f",
            v.name(),
            d.macroF1(),
            d.mcc(),
            cvV == null
                ? ""
                : String.format(
                    Locale.ROOT, "; CV macro-F1 %.3f MCC %.3f", cvV.macroF1(), cvV.mcc()),
            rd);
      }
    }

    Files.createDirectories(out);
    Path modelFile = out.resolve("sentiment-fi.zip");
    Files.write(modelFile, model.toBytes());
    writeReport(
        settings,
        rows.size(),
        trainRows.size(),
        dev.size(),
        test.size(),
        model,
        devR,
        cvR,
        testR,
        calR,
        revR,
        revCal,
        revTest.size(),
        cueComparison,
        ablationMd.toString(),
        ablationJson);
    log("wrote %s (%s)", modelFile, model.version());
    return ExitCodes.OK;
  }

  /** One review-mode variant: 4-class reports, dev cross-fitted, test null when absent. */
  record CueRow(String name, ClassificationReport dev, ClassificationReport test) {}

  /**
   * The review mode as shipped against the same models' review mode fitted with fewer review rules
   * and without the cues: on the review dev set 2-fold cross-fitted, and on the review test set
   * (reported only).
   */
  private List<CueRow> compareReviewModes(
      SentimentModel main,
      SentimentModel companion,
      SentimentModel shipped,
      SentimentEvaluation.ReviewDev revDev,
      List<LabeledJsonl.Item> revTest,
      ReviewCues cues,
      Set<ReviewRule> rules)
      throws IOException {
    List<CueRow> rows = new ArrayList<>();
    rows.add(
        new CueRow(
            "with the complaint and praise cues, review rules: "
                + ReviewRule.format(rules)
                + " (shipped)",
            SentimentEvaluation.crossFitReviewMode(main, companion, revDev, cues),
            revTest.isEmpty() ? null : SentimentEvaluation.documents(shipped, revTest, cues)));
    List<Set<ReviewRule>> fewer = new ArrayList<>();
    if (rules.size() > 2) {
      // each rule left out: what it adds to the others
      for (ReviewRule r : rules) {
        Set<ReviewRule> rest = java.util.EnumSet.copyOf(rules);
        rest.remove(r);
        fewer.add(rest);
      }
    }
    if (rules.size() > 1) {
      for (ReviewRule r : rules) {
        fewer.add(Set.of(r));
      }
    }
    if (!rules.isEmpty()) {
      fewer.add(Set.of());
    }
    for (Set<ReviewRule> f : fewer) {
      SentimentModel m = main.withReviewRules(f);
      rows.add(
          new CueRow(
              "with the cues, review rules: " + ReviewRule.format(f),
              SentimentEvaluation.crossFitReviewMode(m, companion, revDev, cues),
              revTest.isEmpty()
                  ? null
                  : SentimentEvaluation.documents(
                      SentimentEvaluation.fitCompanionMix(m, companion, revDev, cues),
                      revTest,
                      cues)));
    }
    SentimentModel bare = main.withReviewRules(Set.of());
    rows.add(
        new CueRow(
            "without cues and review rules (scores alone)",
            SentimentEvaluation.crossFitReviewMode(bare, companion, revDev, ReviewCues.NONE),
            revTest.isEmpty()
                ? null
                : SentimentEvaluation.documents(
                    SentimentEvaluation.fitCompanionMix(bare, companion, revDev, ReviewCues.NONE),
                    revTest,
                    ReviewCues.NONE)));
    for (CueRow r : rows) {
      log("review mode %s: review dev cross-fitted macro-F1 %.3f", r.name(), r.dev().macroF1());
    }
    return rows;
  }

  /** The labelled reviews of these files (none for "none"; a missing file is logged, left out). */
  private List<LabeledJsonl.Item> readReviews(List<Path> files) throws java.io.IOException {
    List<LabeledJsonl.Item> out = new ArrayList<>();
    for (Path f : files) {
      if (f.toString().equals("none")) {
        continue;
      }
      if (Files.isRegularFile(f)) {
        out.addAll(LabeledJsonl.read(f, "text", "label"));
      } else {
        log("review dev file not found, left out: %s", f);
      }
    }
    return out;
  }

  /** The review-mode cues: the taxonomy's complaint and praise patterns, unless switched off. */
  private ReviewCues reviewCues() {
    if (noReviewCues) {
      return ReviewCues.NONE;
    }
    return new ThemeTagger(Taxonomy.loadOrShipped(taxonomy))::cues;
  }

  private static Settings with(Settings s, String feats) {
    return s.withFeatures(SentimentFeatures.Feature.parse(feats));
  }

  private ClassificationReport crossValidate(
      List<FinnSentimentRow> rows, Settings s, String agreement, SentimentLexicon lexicon)
      throws IOException {
    return SentimentTrainer.crossValidate(
        rows,
        r -> HashSplit.fold(r.text(), cv),
        cv,
        part -> trainData(part, agreement),
        r -> new LabeledText(r.text(), r.majority()),
        s,
        lexicon);
  }

  static List<LabeledText> trainData(List<FinnSentimentRow> rows, String agreement) {
    List<LabeledText> out = new ArrayList<>();
    for (FinnSentimentRow r : rows) {
      boolean unanimous = r.unanimous();
      if (agreement.equals("unanimous") && !unanimous) {
        continue;
      }
      out.add(new LabeledText(r.text(), r.majority()));
      if (agreement.equals("weighted") && unanimous) {
        out.add(new LabeledText(r.text(), r.majority()));
      }
    }
    return out;
  }

  private static double r4(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 10000) / 10000.0;
  }

  private String commandLine() {
    StringBuilder sb = new StringBuilder("bin/palvelututka models train-sentiment");
    sb.append(" --corpora ").append(corpora);
    sb.append(" --features ").append(features).append(" --agreement ").append(agreement);
    sb.append(" --algorithm ").append(algorithm);
    if (algorithm.equals("MAXENT_QN")) {
      sb.append(" --l2 ").append(l2);
    }
    sb.append(" --iterations ").append(iterations).append(" --cutoff ").append(cutoff);
    sb.append(" --ngram ").append(ngram);
    sb.append(" --lexicon-supplement ").append(lexiconSupplement);
    sb.append(" --idioms ").append(idioms);
    if (noBalance) {
      sb.append(" --no-balance");
    }
    if (extraXed) {
      sb.append(" --extra-xed");
    }
    if (ablation) {
      sb.append(" --ablation");
    }
    if (cv > 0) {
      sb.append(" --cv ").append(cv);
    }
    return sb.toString();
  }

  private void writeReport(
      Settings settings,
      int total,
      int nTrain,
      int nDev,
      int nTest,
      SentimentModel model,
      ClassificationReport dev,
      ClassificationReport crossValidation,
      ClassificationReport test,
      CalibrationReport cal,
      ClassificationReport reviews,
      CalibrationReport reviewCalibration,
      int nReviews,
      List<CueRow> cueComparison,
      String ablationMd,
      List<Map<String, Object>> ablationJson)
      throws IOException {
    Files.createDirectories(reportDir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model.version().toString());
    json.put("command", commandLine());
    json.put("corpus", "FinnSentiment 2020 (CC BY 4.0), " + FinnSentimentReader.RELATIVE_PATH);
    json.put("sentences", total);
    json.put(
        "split",
        Map.of(
            "method",
            "SHA-256 of normalized text, buckets 0-79 train, 80-89 dev, 90-99 test",
            "train",
            nTrain,
            "dev",
            nDev,
            "test",
            nTest));
    json.put("settings", settings.toString());
    json.put("agreement", agreement);
    json.put("calibration", model.calibration().toString());
    json.put("dev", dev.toMap());
    if (crossValidation != null) {
      json.put("cross_validation", Map.of("folds", cv, "report", crossValidation.toMap()));
    }
    json.put("test", test.toMap());
    json.put("test_calibration", Map.of("brier", r4(cal.brier()), "ece", r4(cal.ece())));
    if (reviews != null) {
      json.put("review_test", reviews.toMap());
      if (reviewCalibration != null) {
        json.put(
            "review_test_calibration",
            Map.of("brier", r4(reviewCalibration.brier()), "ece", r4(reviewCalibration.ece())));
      }
    }
    if (cueComparison != null) {
      Map<String, Object> cj = new LinkedHashMap<>();
      for (CueRow r : cueComparison) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("review_dev_cross_fitted", r.dev().toMap());
        if (r.test() != null) {
          e.put("review_test", r.test().toMap());
        }
        cj.put(r.name(), e);
      }
      json.put("review_cues", cj);
    }
    json.put("ablation_dev", ablationJson);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(reportDir.resolve("sentiment-fi.json").toFile(), json);

    StringBuilder md = new StringBuilder();
    md.append("# Sentiment model evaluation: ").append(model.version()).append("\n\n");
    md.append("Generated by the training command; do not edit by hand.\n\n```\n")
        .append(commandLine())
        .append("\n```\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Data: FinnSentiment 2020 (Lindén, Jauhiainen & Hardwick; CC BY 4.0), %,d sentences, majority label. Split by SHA-256 of the normalized text: train %,d / dev %,d / test %,d (a text never on two sides). Training rows: %s. Lexicon: %s.%n%n",
            total,
            nTrain,
            nDev,
            nTest,
            agreement,
            lexiconInfo));
    md.append("Settings: ")
        .append(settings)
        .append(
            "\n\nCalibration (temperature, biases and decision weights fitted on the FinnSentiment dev split; review temperature, review shift (from the class priors of the review dev set) and review cue weight fitted by log-loss on the review dev set; mixed threshold fitted on the review dev set): ")
        .append(model.calibration())
        .append("\n\n");
    md.append("## FinnSentiment held-out test split (3 classes)\n\n").append(test.toMarkdown());
    md.append("\n### Calibration on the test split\n\n").append(cal.toMarkdown());
    if (reviews != null) {
      md.append("\n## Review test set (")
          .append(nReviews)
          .append(
              " reviews written for this project, `models/eval-data/reviews-sentiment-test.jsonl`, 4 classes with mixed)\n\n")
          .append(reviews.toMarkdown());
      if (reviewCalibration != null) {
        md.append("\n### Calibration of the review-document probabilities (4 classes)\n\n")
            .append(reviewCalibration.toMarkdown());
      }
    }
    if (cueComparison != null) {
      md.append(
          "\n## Review mode with and without the complaint and praise cues and the review rules (4 classes with mixed;"
              + " the same models, review mode fitted the same way; dev: fitted on one half of the"
              + " review dev set, scored on the other, both ways)\n\n"
              + "| review mode | review dev cross-fitted macro-F1 | MCC | review test macro-F1 |"
              + " MCC |\n|---|---:|---:|---:|---:|\n");
      for (CueRow r : cueComparison) {
        String t =
            r.test() == null
                ? "- | -"
                : String.format(Locale.ROOT, "%.3f | %.3f", r.test().macroF1(), r.test().mcc());
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %s |%n",
                r.name(),
                r.dev().macroF1(),
                r.dev().mcc(),
                t));
      }
    }
    md.append("\n## FinnSentiment dev split\n\n").append(dev.toMarkdown());
    if (crossValidation != null) {
      md.append("\n## ")
          .append(cv)
          .append(
              "-fold cross-validation on the train and dev parts (out-of-fold predictions; calibration cross-fitted on two halves)\n\n")
          .append(crossValidation.toMarkdown());
    }
    if (!ablationMd.isEmpty()) {
      md.append(
              "\n## Ablation (dev split, and k-fold CV on train+dev where shown; test untouched; each variant trained and calibrated the same way)\n\n")
          .append(ablationMd);
    }
    Files.writeString(reportDir.resolve("sentiment-fi.md"), md.toString(), StandardCharsets.UTF_8);
  }
}
