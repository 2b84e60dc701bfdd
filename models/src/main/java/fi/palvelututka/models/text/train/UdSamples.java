package fi.palvelututka.models.text.train;

import fi.palvelututka.models.text.conllu.ConlluSentence;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.tokenize.TokenSample;
import opennlp.tools.util.Span;

/**
 * Turns UD sentences into OpenNLP training and evaluation samples: token spans over the detokenized
 * text (from SpaceAfter), and multi-sentence documents with sentence spans.
 */
public final class UdSamples {

  /** Sentences per synthetic document for sentence-detector training and evaluation. */
  public static final int SENTENCES_PER_DOCUMENT = 10;

  private UdSamples() {}

  /** Gold token spans over {@link ConlluSentence#detokenized()}. */
  public static Span[] tokenSpans(ConlluSentence s) {
    Span[] spans = new Span[s.tokens().size()];
    int pos = 0;
    for (int i = 0; i < spans.length; i++) {
      String tok = s.tokens().get(i);
      spans[i] = new Span(pos, pos + tok.length());
      pos += tok.length();
      if (s.spaceAfter().get(i)) {
        pos++;
      }
    }
    return spans;
  }

  public static List<TokenSample> tokenSamples(List<ConlluSentence> sentences) {
    List<TokenSample> out = new ArrayList<>();
    for (ConlluSentence s : sentences) {
      if (s.hasSpaceAfterAnnotation() || s.spaceAfter().contains(false)) {
        out.add(new TokenSample(s.detokenized(), tokenSpans(s)));
      }
    }
    return out;
  }

  /** A document of consecutive sentences joined by one space, with the sentence spans. */
  public record Document(String text, List<Span> sentences) {}

  public static List<Document> documents(List<ConlluSentence> sentences) {
    List<Document> docs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    for (ConlluSentence s : sentences) {
      if (!spans.isEmpty() && (s.newDocument() || spans.size() >= SENTENCES_PER_DOCUMENT)) {
        docs.add(new Document(text.toString(), List.copyOf(spans)));
        text.setLength(0);
        spans.clear();
      }
      String t = s.detokenized().strip();
      if (t.isEmpty()) {
        continue;
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      spans.add(new Span(text.length(), text.length() + t.length()));
      text.append(t);
    }
    if (!spans.isEmpty()) {
      docs.add(new Document(text.toString(), List.copyOf(spans)));
    }
    return docs;
  }

  public static List<SentenceSample> sentenceSamples(List<ConlluSentence> sentences) {
    List<SentenceSample> out = new ArrayList<>();
    for (Document d : documents(sentences)) {
      out.add(new SentenceSample(d.text(), d.sentences().toArray(new Span[0])));
    }
    return out;
  }
}
