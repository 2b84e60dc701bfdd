package fi.palvelututka.jobs.ingest;

import java.util.Map;

/**
 * Record counts of one input file (or of the whole run). {@code read} counts records (review
 * records, business records of side files, and unusable records); blank lines are not records and
 * are counted apart. Invariant checked by the job: {@code read == accepted + duplicates + rejected
 * + businessRecords}.
 *
 * <p>{@code accepted}: review records that are now the stored version of their review (new reviews,
 * and {@code updated} ones that replaced an older stored version). {@code duplicates}: review
 * records not stored because the lake or this run holds the same review in the same or a newer
 * version.
 */
public record IngestCounts(
    long read,
    long accepted,
    long duplicates,
    long rejected,
    long blankLines,
    Map<String, Long> rejectedByReason,
    long businessRecords,
    long updated) {

  public IngestCounts(
      long read,
      long accepted,
      long duplicates,
      long rejected,
      long blankLines,
      Map<String, Long> rejectedByReason) {
    this(read, accepted, duplicates, rejected, blankLines, rejectedByReason, 0, 0);
  }

  public boolean reconciles() {
    return read == accepted + duplicates + rejected + businessRecords;
  }

  /** The counts with the manifest's snake_case keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("read", read);
    m.put("accepted", accepted);
    m.put("updated", updated);
    m.put("duplicates", duplicates);
    m.put("rejected", rejected);
    m.put("blank_lines", blankLines);
    m.put("business_records", businessRecords);
    m.put("rejected_by_reason", new java.util.TreeMap<>(rejectedByReason));
    return m;
  }
}
