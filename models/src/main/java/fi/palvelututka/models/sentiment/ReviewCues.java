package fi.palvelututka.models.sentiment;

import fi.palvelututka.models.text.Analysis;

/**
 * Review-domain polarity evidence for the review mode of the sentiment model: per sentence of an
 * analysis, {negative, positive} counts of service complaint and praise cues. The theme tagger's
 * judging patterns give them ({@code ThemeTagger#cues(Analysis)}); the model's review calibration
 * weighs them ({@link Calibration#applyReview(double[], int[])}). Training, evaluation and tagging
 * must use the same cues, or the fitted weight does not hold.
 */
@FunctionalInterface
public interface ReviewCues {

  /** No evidence: review mode from the models' scores alone. */
  ReviewCues NONE = analysis -> null;

  /** Per sentence of {@code analysis}, {negative, positive} cue counts; null for none. */
  int[][] of(Analysis analysis);
}
