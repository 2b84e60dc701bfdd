package fi.palvelututka.models.tag;

import fi.palvelututka.models.ModelVersion;
import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.sentiment.SentimentClassifier;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.text.Analysis;
import fi.palvelututka.models.text.AnalyzerModels;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.themes.PatternSet;
import fi.palvelututka.models.themes.Taxonomy;
import fi.palvelututka.models.themes.ThemeTagger;
import java.util.List;

/**
 * The one entry point that turns a review text into tags; used by the {@code tag} command and by
 * the Spark tag job, so both give the same answer for the same text.
 *
 * <p>NOT thread-safe: create one per thread or Spark partition ({@link #shipped()} is cheap after
 * the first call, because the models themselves are loaded once per JVM).
 */
public final class ReviewTagger {

  private final FinnishAnalyzer analyzer;
  private final SentimentClassifier sentiment;
  private final ThemeTagger themes;
  private final String modelVersion;

  public ReviewTagger(
      AnalyzerModels analyzerModels, SentimentModel sentimentModel, Taxonomy taxonomy) {
    this.analyzer = analyzerModels.newAnalyzer();
    this.sentiment = sentimentModel.newClassifier(analyzer);
    this.themes = new ThemeTagger(taxonomy);
    this.modelVersion = version(analyzerModels, sentimentModel, taxonomy);
  }

  /** The version string of a tagger over these models, without building one. */
  public static String version(
      AnalyzerModels analyzerModels, SentimentModel sentimentModel, Taxonomy taxonomy) {
    return ModelVersion.bundle(
        analyzerModels.version(), sentimentModel.version(), taxonomy.modelVersion());
  }

  /** A tagger over the models shipped in the jar. */
  public static ReviewTagger shipped() {
    return new ReviewTagger(AnalyzerModels.shipped(), SentimentModel.shipped(), Taxonomy.shipped());
  }

  /** Version of the shipped model bundle ({@link #shipped()}'s), without building a tagger. */
  public static String shippedVersion() {
    return version(AnalyzerModels.shipped(), SentimentModel.shipped(), Taxonomy.shipped());
  }

  /** Version of the model bundle, stored on every output row. */
  public String modelVersion() {
    return modelVersion;
  }

  public TagResult tag(String text) {
    Analysis a = analyzer.analyze(text);
    List<List<PatternSet.Match>> matches = themes.match(a);
    DocumentSentiment doc = sentiment.classifyDocument(a, themes.cues(matches), themes::cues);
    return new TagResult(doc, themes.tag(a, doc, matches));
  }
}
