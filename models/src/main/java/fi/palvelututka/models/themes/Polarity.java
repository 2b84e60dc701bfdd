package fi.palvelututka.models.themes;

import java.util.Locale;

/** How a customer judges the business on a theme. {@link #label()} is the output string. */
public enum Polarity {
  COMPLAINT,
  PRAISE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Polarity flip() {
    return this == COMPLAINT ? PRAISE : COMPLAINT;
  }

  public static Polarity fromLabel(String label) {
    for (Polarity p : values()) {
      if (p.label().equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Unknown polarity '" + label + "' (expected complaint or praise)");
  }
}
