package fi.palvelututka.models.themes;

import java.util.List;

/**
 * One category of the service-quality taxonomy with its Finnish evidence vocabulary.
 *
 * @param id stable identifier used in every output ("reachability", ...)
 * @param labelFi Finnish label shown in reports
 * @param labelEn English label
 * @param servqual the SERVQUAL dimension the category belongs to
 * @param description what the category covers
 * @param complaint patterns that are a complaint when they match (praise when negated)
 * @param praise patterns that are praise when they match (a complaint when negated)
 * @param neutral patterns that name the theme without judging it; the polarity comes from the
 *     sentence's sentiment, and a neutral sentence gives no mention
 */
public record ThemeCategory(
    String id,
    String labelFi,
    String labelEn,
    String servqual,
    String description,
    List<String> complaint,
    List<String> praise,
    List<String> neutral) {

  public ThemeCategory {
    complaint = List.copyOf(complaint);
    praise = List.copyOf(praise);
    neutral = List.copyOf(neutral);
  }
}
