package fi.palvelututka.models.text;

import java.util.List;

/** A sentence of a review: its text, character offsets into the review and its tokens. */
public record Sentence(String text, int start, int end, List<Token> tokens) {}
