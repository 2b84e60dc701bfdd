package fi.palvelututka.models.text;

/** What kind of token a span of review text is. */
public enum TokenType {
  /** Contains a letter (words, abbreviations, "EU:n", "4G"). */
  WORD,
  /** Digits with optional separators: "12", "29,90", "9.30", "1.5.2026". */
  NUMBER,
  /** Punctuation, runs kept together: ".", "!!!", "?!", "...". */
  PUNCT,
  /** Other symbols: "€", "%", "+". */
  SYMBOL,
  /** An emoji (with its modifiers and joiners). */
  EMOJI,
  /** A text emoticon such as ":)", ":-(", ":D", "<3", "xD". */
  EMOTICON,
  URL,
  EMAIL,
  HASHTAG,
  MENTION
}
