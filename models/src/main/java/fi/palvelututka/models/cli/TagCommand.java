package fi.palvelututka.models.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.models.sentiment.DocumentSentiment;
import fi.palvelututka.models.sentiment.SentimentModel;
import fi.palvelututka.models.tag.AspectMention;
import fi.palvelututka.models.tag.ReviewTagger;
import fi.palvelututka.models.tag.TagResult;
import fi.palvelututka.models.text.FinnishAnalyzer;
import fi.palvelututka.models.themes.Taxonomy;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tag}: tags a JSON Lines file of {"id": ..., "text": ...} without Spark. Output contract
 * (stable): one line per input record, {"id", "sentiment", "probabilities", "score", "aspects"}.
 */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag a JSON Lines file of {\"id\":..., \"text\":...} with sentiment and themes, without"
          + " Spark.",
      "Writes one line per record: {\"id\", \"sentiment\" (positive, neutral, negative or"
          + " mixed), \"probabilities\", \"score\", \"sentences\", \"aspects\"}. Unusable lines are reported on stderr (with their line number) and"
          + " skipped; the exit code is then 3. Only the first 100,000 characters of a text are"
          + " analyzed (a warning names the line)."
    })
public final class TagCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "<jsonl>",
      description =
          "Input JSON Lines in UTF-8, or UTF-16 with a byte order mark (.gz allowed); '-' reads"
              + " standard input.")
  String input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "<jsonl>",
      description = "Output JSON Lines; '-' writes standard output.")
  String output;

  @Option(
      names = "--sentiment-model",
      paramLabel = "<file>",
      description = "Use this sentiment model file instead of the shipped one.")
  Path sentimentModel;

  @Option(
      names = "--taxonomy",
      paramLabel = "<json>",
      description = "Use this theme taxonomy file instead of the shipped one.")
  Path taxonomy;

  static final int PROGRESS_EVERY = 100_000;

  @Override
  public Integer call() throws IOException {
    PrintStream err = System.err;
    if (!input.equals("-") && Files.isDirectory(Path.of(input))) {
      err.println("tag: input is a folder, not a file: " + input);
      return ExitCodes.INPUT;
    }
    if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) {
      err.println("tag: input file not found: " + input);
      return ExitCodes.INPUT;
    }
    if (!input.equals("-")
        && !output.equals("-")
        && Files.exists(Path.of(output))
        && Files.isSameFile(Path.of(input), Path.of(output))) {
      // opening the output would empty the input before it is read
      err.println("tag: --output is the input file; give another file: " + output);
      return ExitCodes.USAGE;
    }
    ReviewTagger tagger;
    try {
      tagger =
          new ReviewTagger(
              fi.palvelututka.models.text.AnalyzerModels.shipped(),
              sentimentModel == null
                  ? SentimentModel.shipped()
                  : SentimentModel.load(sentimentModel),
              Taxonomy.loadOrShipped(taxonomy));
    } catch (IOException | RuntimeException e) {
      // a model or taxonomy file that is missing, a folder, or not what it should be
      err.println(
          "tag: cannot load "
              + (taxonomy != null ? "--taxonomy " + taxonomy : "")
              + (taxonomy != null && sentimentModel != null ? " / " : "")
              + (sentimentModel != null ? "--sentiment-model " + sentimentModel : "")
              + (taxonomy == null && sentimentModel == null ? "the shipped models" : "")
              + ": "
              + e.getMessage());
      return ExitCodes.INPUT;
    }
    // ids are copied as they are: numbers keep their digits (1e400 is not "Infinity")
    ObjectMapper json =
        new ObjectMapper()
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // one record per line: anything after it is an error, not silently dropped
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // one record = one line: the generator hands its bytes over per record, the writer buffers
    json.getFactory().disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    long tagged = 0;
    long bad = 0;
    long lineNo = 0;
    long t0 = System.nanoTime();
    try (BufferedReader in = openInput();
        Writer out = openOutput();
        JsonGenerator gen = json.createGenerator(out)) {
      gen.setRootValueSeparator(null);
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // byte order mark
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode rec;
        try {
          rec = json.readTree(line);
        } catch (IOException e) {
          bad++;
          err.println("tag: line " + lineNo + ": not valid JSON (" + firstLine(e) + "), skipped");
          continue;
        }
        JsonNode text = rec == null ? null : rec.get("text");
        if (rec == null || !rec.isObject() || text == null || !text.isTextual()) {
          bad++;
          err.println("tag: line " + lineNo + ": no string field \"text\", skipped");
          continue;
        }
        if (text.asText().length() > FinnishAnalyzer.MAX_CHARS) {
          err.printf(
              "tag: line %d: text has %,d characters; only the first %,d are analyzed%n",
              lineNo, text.asText().length(), FinnishAnalyzer.MAX_CHARS);
        }
        write(gen, rec.get("id"), tagger.tag(text.asText()));
        out.write('\n');
        tagged++;
        if (tagged % PROGRESS_EVERY == 0) {
          err.printf("tag: %,d records tagged%n", tagged);
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    err.printf(
        "tag: %,d records tagged, %,d skipped, in %.1f s (model %s)%n",
        tagged, bad, secs, tagger.modelVersion());
    return bad == 0 ? ExitCodes.OK : ExitCodes.INPUT;
  }

  static void write(JsonGenerator gen, JsonNode id, TagResult r) throws IOException {
    DocumentSentiment s = r.sentiment();
    gen.writeStartObject();
    gen.writeFieldName("id");
    if (id == null) {
      gen.writeNull();
    } else {
      gen.writeTree(id);
    }
    gen.writeStringField("sentiment", s.label());
    gen.writeObjectFieldStart("probabilities");
    gen.writeNumberField("negative", round(s.negative()));
    gen.writeNumberField("neutral", round(s.neutral()));
    gen.writeNumberField("positive", round(s.positive()));
    gen.writeNumberField("mixed", round(s.mixed()));
    gen.writeEndObject();
    gen.writeNumberField("score", round(s.score()));
    gen.writeArrayFieldStart("sentences");
    for (DocumentSentiment.SentenceSentiment x : s.sentences()) {
      gen.writeStartObject();
      gen.writeNumberField("start", x.start());
      gen.writeNumberField("end", x.end());
      gen.writeStringField("sentiment", x.sentiment().label().label());
      gen.writeNumberField("score", round(x.sentiment().score()));
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("aspects");
    for (AspectMention a : r.aspects()) {
      gen.writeStartObject();
      gen.writeStringField("category", a.category());
      gen.writeStringField("polarity", a.polarity());
      gen.writeNumberField("confidence", round(a.confidence()));
      gen.writeStringField("sentence", a.sentence());
      gen.writeNumberField("start", a.start());
      gen.writeNumberField("end", a.end());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
    gen.flush();
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private BufferedReader openInput() throws IOException {
    InputStream raw = input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
    if (input.endsWith(".gz")) {
      raw = new GZIPInputStream(raw, 1 << 16);
    }
    // UTF-8, or UTF-16 when a byte order mark says so (Windows PowerShell writes files that
    // way); the UTF-8 mark is dropped from the first line
    java.io.PushbackInputStream marked = new java.io.PushbackInputStream(raw, 2);
    byte[] mark = marked.readNBytes(2);
    java.nio.charset.Charset charset = StandardCharsets.UTF_8;
    if (mark.length == 2 && (mark[0] & 0xFF) == 0xFF && (mark[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
    } else if (mark.length == 2 && (mark[0] & 0xFF) == 0xFE && (mark[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
    } else {
      marked.unread(mark);
    }
    // Malformed input becomes U+FFFD instead of aborting the whole file.
    return new BufferedReader(
        new InputStreamReader(
            marked,
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
        1 << 16);
  }

  private Writer openOutput() throws IOException {
    OutputStream raw =
        output.equals("-")
            ? new NonClosingOutputStream(System.out)
            : Files.newOutputStream(Path.of(output));
    return new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Keeps System.out open when the writer wrapping it is closed. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
