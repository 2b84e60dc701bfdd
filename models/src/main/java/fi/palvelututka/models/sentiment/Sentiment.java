package fi.palvelututka.models.sentiment;

import java.util.Locale;

/** Three-way sentiment polarity. {@link #label()} is the string used in every output. */
public enum Sentiment {
  NEGATIVE(-1),
  NEUTRAL(0),
  POSITIVE(1);

  private final int polarity;

  Sentiment(int polarity) {
    this.polarity = polarity;
  }

  public int polarity() {
    return polarity;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Sentiment fromPolarity(int polarity) {
    return switch (polarity) {
      case -1 -> NEGATIVE;
      case 0 -> NEUTRAL;
      case 1 -> POSITIVE;
      default -> throw new IllegalArgumentException("Invalid polarity (not -1/0/1): " + polarity);
    };
  }

  public static Sentiment fromLabel(String label) {
    for (Sentiment s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown sentiment label: '" + label + "'");
  }
}
