package fi.palvelututka.models.tag;

/**
 * One service-quality theme found in a review: category id from the taxonomy, polarity ("complaint"
 * / "praise"), confidence in [0, 1], the evidence sentence and its character offsets in the review
 * text ({@code start} inclusive, {@code end} exclusive).
 */
public record AspectMention(
    String category, String polarity, double confidence, String sentence, int start, int end) {}
