package fi.palvelututka.jobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes large, realistic Finnish review dumps for benchmarks, deterministic by seed: the same
 * options give byte-identical files.
 *
 * <p>Review texts are assembled from the sentences of the project's fictional sample reviews
 * ({@code sentences-fi.tsv}, each with the star rating of its review): a review draws a rating,
 * then sentences mostly from reviews with that rating, up to a length drawn from a log-normal
 * distribution (median ≈ 220 characters, mean ≈ 300, clipped to 50–1500). Variation on top: text
 * without ä/ö, lower case, repeated letters, emoji, numbers. About 2% of reviews are in English or
 * Swedish, 1% are re-sent (duplicates of an earlier review id), 0.2% are broken records (rejects),
 * 20% have an owner reply. Businesses have a category and a city; dates span two years.
 */
public final class DumpGenerator {

  /** Output formats: JSON Lines (plain or gzip) or the generic CSV. */
  public enum Format {
    JSONL("jsonl"),
    JSONL_GZ("jsonl.gz"),
    CSV("csv");

    final String suffix;

    Format(String suffix) {
      this.suffix = suffix;
    }

    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.suffix.equals(s)) {
          return f;
        }
      }
      throw new IllegalArgumentException("Unknown dump format '" + s + "' (jsonl, jsonl.gz, csv)");
    }
  }

  /** What to generate. */
  public record Options(long reviews, int files, long seed, int businesses, Format format) {
    public Options {
      if (reviews < 1) {
        throw new IllegalArgumentException("Invalid number of reviews (< 1): " + reviews);
      }
      if (files < 1 || files > 10_000) {
        throw new IllegalArgumentException("Invalid number of files (1..10000): " + files);
      }
      if (businesses < 1) {
        throw new IllegalArgumentException("Invalid number of businesses (< 1): " + businesses);
      }
    }
  }

  /** What was generated. */
  public record Summary(
      long records, long reviewsWritten, long bytes, long textChars, long broken) {
    public double meanTextChars() {
      return reviewsWritten == 0 ? 0 : (double) textChars / reviewsWritten;
    }
  }

  private static final String[] CATEGORIES = {
    "kahvila",
    "ravintola",
    "kampaamo",
    "autokorjaamo",
    "apteekki",
    "kuntosali",
    "hammaslääkäri",
    "verkkokauppa",
    "teleoperaattori",
    "hotelli",
    "kodinkoneliike",
    "eläinlääkäri"
  };
  private static final String[] CITIES = {
    "Helsinki",
    "Espoo",
    "Tampere",
    "Vantaa",
    "Oulu",
    "Turku",
    "Jyväskylä",
    "Kuopio",
    "Lahti",
    "Pori",
    "Joensuu",
    "Rovaniemi",
    "Vaasa",
    "Seinäjoki"
  };
  private static final String[] NAME_PARTS = {
    "Aalto", "Kivi", "Tähti", "Lumo", "Helmi", "Kulma", "Satama", "Metsä", "Ranta", "Kaari",
    "Pihlaja", "Kuusi", "Ilo", "Sisu", "Virta", "Aura", "Saari", "Kallio", "Mänty", "Kotka"
  };
  private static final String[] OTHER_LANGUAGE = {
    "Great service and friendly staff, would definitely come back again.",
    "Waited for almost an hour and nobody told us anything about the delay.",
    "The prices are a bit high but the quality is excellent.",
    "Customer service never answered my emails, very disappointing.",
    "Nice place, clean and cozy, the coffee was really good.",
    "Mycket trevlig personal och snabb service, rekommenderas!",
    "Vi fick vänta länge och ingen svarade i telefon.",
    "Bra priser men lokalen var lite smutsig.",
  };
  private static final String[] EMOJI = {"😊", "👍", "😡", "🙄", "❤️", ":)", ":(", "!!!"};
  private static final String[] REPLIES = {
    "Kiitos palautteesta! Välitämme tämän tiimillemme.",
    "Pahoittelemme tapahtunutta, otattehan yhteyttä asiakaspalveluumme niin selvitetään asia.",
    "Kiitos kiitos, tervetuloa uudelleen!",
  };
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  private static final long SPAN_SECONDS = 2L * 365 * 24 * 3600;

  private final List<List<String>> sentencesByRating; // index rating-1
  private final JsonFactory json = new JsonFactory();

  public DumpGenerator() {
    this.sentencesByRating = loadSentences();
  }

  private static List<List<String>> loadSentences() {
    List<List<String>> by = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      by.add(new ArrayList<>());
    }
    String res = "palvelututka/bench/sentences-fi.tsv";
    try (InputStream in = DumpGenerator.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + res);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        by.get(Integer.parseInt(line.substring(0, tab)) - 1).add(line.substring(tab + 1));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return by;
  }

  /** Writes {@code options.files()} files into {@code dir} (created), and returns what it wrote. */
  public Summary generate(Options o, Path dir) throws IOException {
    Files.createDirectories(dir);
    long records = 0, written = 0, bytes = 0, chars = 0, broken = 0;
    long perFile = (o.reviews() + o.files() - 1) / o.files();
    long next = 0;
    for (int f = 0; f < o.files() && next < o.reviews(); f++) {
      long end = Math.min(o.reviews(), next + perFile);
      Path file = dir.resolve(String.format(Locale.ROOT, "reviews-%05d.%s", f, o.format().suffix));
      // one random stream per file: files can be generated in any order with the same content
      SplittableRandom rnd = new SplittableRandom(o.seed() * 1_000_003L + f);
      try (OutputStream raw = Files.newOutputStream(file);
          OutputStream out =
              o.format() == Format.JSONL_GZ
                  ? new GZIPOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16), 1 << 16)
                  : new java.io.BufferedOutputStream(raw, 1 << 16);
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        if (o.format() == Format.CSV) {
          w.write(
              "review_id;business_id;business_name;business_category;city;rating;text;created_at;"
                  + "author;owner_reply;owner_reply_at\n");
        }
        for (long i = next; i < end; i++) {
          Review r = review(rnd, o, i);
          records++;
          if (r == null) {
            broken++;
            w.write(o.format() == Format.CSV ? "broken;row\n" : "{\"review_id\": \"x\n");
            continue;
          }
          written++;
          chars += r.text.length();
          if (o.format() == Format.CSV) {
            writeCsv(w, r);
          } else {
            writeJson(w, r);
          }
        }
      }
      bytes += Files.size(file);
      next = end;
    }
    return new Summary(records, written, bytes, chars, broken);
  }

  private static final class Review {
    String id;
    String businessId;
    String businessName;
    String category;
    String city;
    int rating;
    String text;
    Instant createdAt;
    String author;
    String reply;
    Instant replyAt;
  }

  /** Review number {@code i}, or null for a broken record. */
  private Review review(SplittableRandom rnd, Options o, long i) {
    double u = rnd.nextDouble();
    if (u < 0.002) {
      return null;
    }
    Review r = new Review();
    // 1% re-sends: the id of an earlier review (a duplicate or an update of it)
    long idNo = (u < 0.012 && i > 0) ? rnd.nextLong(i) : i;
    r.id = "bench-" + o.seed() + "-" + idNo;
    int b = (int) Math.floorMod(mix(o.seed(), rnd.nextLong(o.businesses())), o.businesses());
    r.businessId = "biz-" + b;
    r.businessName =
        NAME_PARTS[b % NAME_PARTS.length]
            + " "
            + CATEGORIES[(b / NAME_PARTS.length) % CATEGORIES.length]
            + " "
            + (b / (NAME_PARTS.length * CATEGORIES.length) + 1);
    r.category = CATEGORIES[(b / NAME_PARTS.length) % CATEGORIES.length];
    r.city = CITIES[Math.floorMod(b * 7 + 3, CITIES.length)];
    double v = rnd.nextDouble();
    r.rating = v < 0.40 ? 5 : v < 0.60 ? 4 : v < 0.70 ? 3 : v < 0.80 ? 2 : 1;
    r.text = text(rnd, r.rating);
    r.createdAt = END.minusSeconds(rnd.nextLong(SPAN_SECONDS));
    r.author = NAME_PARTS[rnd.nextInt(NAME_PARTS.length)] + " " + (char) ('A' + rnd.nextInt(26));
    if (rnd.nextDouble() < 0.2) {
      r.reply = REPLIES[rnd.nextInt(REPLIES.length)];
      r.replyAt = r.createdAt.plus(1 + rnd.nextInt(24 * 14), ChronoUnit.HOURS);
    }
    return r;
  }

  private static long mix(long seed, long x) {
    return x ^ (seed * 0x9E3779B97F4A7C15L >>> 40);
  }

  /** A text of log-normal length built from sentences of reviews with about this rating. */
  private String text(SplittableRandom rnd, int rating) {
    if (rnd.nextDouble() < 0.02) {
      StringBuilder sb = new StringBuilder(OTHER_LANGUAGE[rnd.nextInt(OTHER_LANGUAGE.length)]);
      while (sb.length() < 50) {
        sb.append(' ').append(OTHER_LANGUAGE[rnd.nextInt(OTHER_LANGUAGE.length)]);
      }
      return sb.toString();
    }
    // log-normal: median e^5.39 ≈ 220, sigma 0.7 → mean ≈ 300
    int target = (int) Math.round(Math.exp(5.39 + 0.7 * gaussian(rnd)));
    target = Math.max(50, Math.min(1500, target));
    StringBuilder sb = new StringBuilder(target + 100);
    while (sb.length() < target) {
      int rr = rating;
      double d = rnd.nextDouble();
      if (d < 0.15) {
        rr = Math.max(1, Math.min(5, rating + (rnd.nextBoolean() ? 1 : -1)));
      }
      List<String> pool = sentencesByRating.get(rr - 1);
      String s = pool.get(rnd.nextInt(pool.size()));
      if (sb.length() + s.length() + 1 > 1500) {
        break;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(s);
      if (rnd.nextDouble() < 0.03) {
        sb.append(' ').append(EMOJI[rnd.nextInt(EMOJI.length)]);
      }
    }
    String t = sb.toString();
    double style = rnd.nextDouble();
    if (style < 0.08) {
      t = t.replace('ä', 'a').replace('ö', 'o').replace('Ä', 'A').replace('Ö', 'O');
    } else if (style < 0.13) {
      t = t.toLowerCase(Locale.ROOT);
    } else if (style < 0.16) {
      t = t.replace("!", "!!!").replace("hyvä", "hyvääää");
    }
    if (t.length() < 50) {
      t = t + " " + sentencesByRating.get(rating - 1).get(0);
    }
    return t.length() > 1500 ? t.substring(0, 1500) : t;
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller (SplittableRandom has no nextGaussian on Java 17)
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private void writeJson(Writer w, Review r) throws IOException {
    try (JsonGenerator g = json.createGenerator(new NonClosing(w))) {
      g.writeStartObject();
      g.writeStringField("review_id", r.id);
      g.writeStringField("business_id", r.businessId);
      g.writeStringField("business_name", r.businessName);
      g.writeStringField("business_category", r.category);
      g.writeStringField("city", r.city);
      g.writeNumberField("rating", r.rating);
      g.writeStringField("text", r.text);
      g.writeStringField("created_at", r.createdAt.toString());
      g.writeStringField("author", r.author);
      if (r.reply != null) {
        g.writeStringField("owner_reply", r.reply);
        g.writeStringField("owner_reply_at", r.replyAt.toString());
      }
      g.writeEndObject();
    }
    w.write('\n');
  }

  private static void writeCsv(Writer w, Review r) throws IOException {
    String[] cells = {
      r.id,
      r.businessId,
      r.businessName,
      r.category,
      r.city,
      Integer.toString(r.rating),
      r.text,
      r.createdAt.toString(),
      r.author,
      r.reply == null ? "" : r.reply,
      r.replyAt == null ? "" : r.replyAt.toString()
    };
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        w.write(';');
      }
      String s = cells[c];
      if (s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
        w.write('"');
        w.write(s.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(s);
      }
    }
    w.write('\n');
  }

  /** Lets a JsonGenerator be closed per record without closing the file. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    @Override
    public void flush() {}
  }
}
