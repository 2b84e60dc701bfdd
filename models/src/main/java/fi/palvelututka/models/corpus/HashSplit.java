package fi.palvelututka.models.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Deterministic train / dev / test assignment by a hash of the normalized text, so that the same
 * text (FinnSentiment has duplicates, differing in case or spacing) never sits on two sides.
 *
 * <p>Buckets 0..99 from SHA-256: {@code [0, trainPercent)} train, then {@code devPercent} dev, the
 * rest test. The defaults 80/10/10 are frozen: changing them changes the held-out set.
 */
public final class HashSplit {

  public enum Part {
    TRAIN,
    DEV,
    TEST
  }

  public static final int DEFAULT_TRAIN_PERCENT = 80;
  public static final int DEFAULT_DEV_PERCENT = 10;

  private final int trainPercent;
  private final int devPercent;

  public HashSplit(int trainPercent, int devPercent) {
    if (trainPercent < 0 || devPercent < 0 || trainPercent + devPercent > 100) {
      throw new IllegalArgumentException(
          "Invalid split percentages (train=" + trainPercent + ", dev=" + devPercent + ")");
    }
    this.trainPercent = trainPercent;
    this.devPercent = devPercent;
  }

  public static HashSplit standard() {
    return new HashSplit(DEFAULT_TRAIN_PERCENT, DEFAULT_DEV_PERCENT);
  }

  public Part partOf(String text) {
    int bucket = bucket(text);
    if (bucket < trainPercent) {
      return Part.TRAIN;
    }
    return bucket < trainPercent + devPercent ? Part.DEV : Part.TEST;
  }

  /**
   * The cross-validation fold (0..k−1) of a text, from the same hash as the split: duplicates of a
   * text share a fold, and the folds of the train and dev parts are about equal in size.
   */
  public static int fold(String text, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Invalid number of folds (< 1): " + k);
    }
    return bucket(text) % k;
  }

  /** Case, Unicode form and whitespace are ignored; punctuation is kept. */
  public static String normalize(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return t.strip().replaceAll("\\s+", " ");
  }

  static int bucket(String text) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(normalize(text).getBytes(StandardCharsets.UTF_8));
      long v = ByteBuffer.wrap(d, 0, 8).getLong();
      return (int) Long.remainderUnsigned(v, 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
