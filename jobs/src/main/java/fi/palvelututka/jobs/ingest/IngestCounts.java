package fi.palvelututka.jobs.ingest;

import java.util.Map;

/**
 * Record counts of one input file (or of the whole run). {@code read} counts non-blank lines; blank
 * lines are not records and are counted apart. Invariant checked by the job: {@code read ==
 * accepted + duplicates + rejected}.
 */
public record IngestCounts(
    long read,
    long accepted,
    long duplicates,
    long rejected,
    long blankLines,
    Map<String, Long> rejectedByReason) {

  public boolean reconciles() {
    return read == accepted + duplicates + rejected;
  }

  /** The counts with the manifest's snake_case keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("read", read);
    m.put("accepted", accepted);
    m.put("duplicates", duplicates);
    m.put("rejected", rejected);
    m.put("blank_lines", blankLines);
    m.put("rejected_by_reason", new java.util.TreeMap<>(rejectedByReason));
    return m;
  }
}
