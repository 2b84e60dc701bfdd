package fi.palvelututka.models.text.conllu;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-U files (Universal Dependencies). Multiword-token lines ({@code 1-2}) give the
 * surface token; their words give lemmas; empty nodes ({@code 1.1}) are skipped.
 */
public final class ConlluReader {

  /** UD Finnish files, relative to the corpora folder. */
  public static final String TDT_DEV = "ud-finnish/fi_tdt-ud-dev.conllu";

  public static final String TDT_TEST = "ud-finnish/fi_tdt-ud-test.conllu";
  public static final String FTB_DEV = "ud-finnish/fi_ftb-ud-dev.conllu";
  public static final String FTB_TEST = "ud-finnish/fi_ftb-ud-test.conllu";
  public static final String OOD_TEST = "ud-finnish/fi_ood-ud-test.conllu";

  private ConlluReader() {}

  public static Path locate(Path corpora, String relative) throws NoSuchFileException {
    Path p = corpora.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new NoSuchFileException(
          p.toString(), null, "UD Finnish file not found; pass --corpora <dir> (see README)");
    }
    return p;
  }

  public static List<ConlluSentence> read(Path file) throws IOException {
    List<ConlluSentence> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      Builder b = new Builder();
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          if (!b.words.isEmpty()) {
            out.add(b.build());
          }
          b = new Builder();
          continue;
        }
        if (line.startsWith("#")) {
          b.comment(line);
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 10) {
          throw new IOException(
              file + ":" + lineNo + ": expected 10 tab-separated columns, got " + f.length);
        }
        b.row(f);
      }
      if (!b.words.isEmpty()) {
        out.add(b.build());
      }
    }
    return out;
  }

  private static final class Builder {
    String id = "";
    String text;
    boolean newDoc;
    boolean newPar;
    boolean sawSpaceAfter;
    final List<String> tokens = new ArrayList<>();
    final List<Boolean> spaceAfter = new ArrayList<>();
    final List<ConlluWord> words = new ArrayList<>();
    int mwtEnd = -1;

    void comment(String line) {
      if (line.startsWith("# sent_id = ")) {
        id = line.substring(12).strip();
      } else if (line.startsWith("# text = ")) {
        text = line.substring(9);
      } else if (line.startsWith("# newdoc")) {
        newDoc = true;
        newPar = true;
      } else if (line.startsWith("# newpar")) {
        newPar = true;
      }
    }

    void row(String[] f) {
      String idField = f[0];
      if (idField.contains(".")) {
        return; // empty node
      }
      boolean noSpace = f[9].contains("SpaceAfter=No");
      if (f[9].contains("SpaceAfter") || f[9].contains("SpacesAfter")) {
        sawSpaceAfter = true;
      }
      int dash = idField.indexOf('-');
      if (dash > 0) {
        tokens.add(f[1]);
        spaceAfter.add(!noSpace);
        mwtEnd = Integer.parseInt(idField.substring(dash + 1));
        return;
      }
      int wid = Integer.parseInt(idField);
      words.add(new ConlluWord(f[1], f[2], f[3], f[5].equals("_") ? null : f[5]));
      if (wid > mwtEnd) {
        tokens.add(f[1]);
        spaceAfter.add(!noSpace);
      }
    }

    ConlluSentence build() {
      String t = text;
      if (t == null) {
        t = String.join(" ", tokens);
      }
      return new ConlluSentence(
          id,
          t,
          List.copyOf(tokens),
          List.copyOf(spaceAfter),
          List.copyOf(words),
          newDoc,
          newPar,
          sawSpaceAfter);
    }
  }
}
