import java.nio.file.*; import java.util.*;
public class WellFormedScan {
  static String wellFormed(String s) {
    if (s == null) return null;
    int n = s.length();
    for (int i = 0; i < n; i++) if (Character.isSurrogate(s.charAt(i))) return s + "x";
    return s;
  }
  public static void main(String[] a) throws Exception {
    List<String> t = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of("/tmp/b18/t20k-id.jsonl"))) {
      int i = l.indexOf("\"text\": \""); if (i < 0) i = l.indexOf("\"text\":\""); 
      t.add(l.substring(i + 8));
    }
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int r = 0; r < 50; r++) for (String s : t) sink += wellFormed(s).length();
      System.out.printf("1M texts: %.3f s%n", (System.nanoTime() - t0) / 1e9);
    }
    System.out.println(sink);
  }
}
