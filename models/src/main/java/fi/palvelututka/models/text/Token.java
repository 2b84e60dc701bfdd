package fi.palvelututka.models.text;

/**
 * One analysed token.
 *
 * @param text the surface text, exactly {@code review.substring(start, end)}
 * @param norm normalized form: lower case, repeated letters squeezed, ä/ö restored where clear; for
 *     emoticons a class (EMO_HAPPY, EMO_SAD, EMO_TONGUE, EMO_SKEPTIC, EMO_HEART), for URLs, e-mail
 *     and mentions a placeholder
 * @param lemma base form of words ("asiakaspalvelussa" → "asiakaspalvelu", "vastannut" →
 *     "vastata"); {@code norm} for other tokens
 * @param negator this token is a negation verb ("ei", "en", "eikä", ...)
 * @param negated this token is in the scope of a preceding negation verb
 * @param word for a word token, the analyzer's {@link Word} for its form (shared by every token of
 *     that form, with the later stages' memo slots); null for other tokens
 */
public record Token(
    String text,
    int start,
    int end,
    TokenType type,
    String norm,
    String lemma,
    boolean negator,
    boolean negated,
    Word word) {

  public boolean isWord() {
    return type == TokenType.WORD;
  }
}
