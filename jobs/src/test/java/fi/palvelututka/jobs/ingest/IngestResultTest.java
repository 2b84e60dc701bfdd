package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestResultTest {

  @Test
  void filesThatGaveTheLakeNothingAreNamed() {
    List<InputFiles.InputFile> files =
        List.of(
            new InputFiles.InputFile("good.jsonl", 500),
            new InputFiles.InputFile("header.csv", 27),
            new InputFiles.InputFile("blank.jsonl", 3),
            new InputFiles.InputFile("empty.jsonl", 0),
            new InputFiles.InputFile("wrong.jsonl", 900),
            new InputFiles.InputFile("renamed.csv", 90),
            new InputFiles.InputFile("one.json", 40),
            new InputFiles.InputFile("dups.jsonl", 80));
    Map<String, IngestCounts> per =
        Map.of(
            "good.jsonl", new IngestCounts(3, 2, 0, 1, 0, Map.of("missing_text", 1L)),
            "header.csv", new IngestCounts(0, 0, 0, 0, 0, Map.of()),
            "blank.jsonl", new IngestCounts(0, 0, 0, 0, 3, Map.of()),
            "empty.jsonl", new IngestCounts(0, 0, 0, 0, 0, Map.of()),
            "wrong.jsonl",
                new IngestCounts(5, 0, 0, 5, 0, Map.of("missing_text", 3L, "malformed_json", 2L)),
            "renamed.csv",
                new IngestCounts(
                    2, 0, 0, 2, 0, Map.of("missing_text", 1L, "missing_review_id", 1L)),
            "one.json", new IngestCounts(1, 0, 0, 1, 0, Map.of("malformed_json", 1L)),
            // every record a duplicate of a stored review: nothing new, but nothing wrong either
            "dups.jsonl", new IngestCounts(2, 0, 2, 0, 0, Map.of()));
    IngestJob.Result r =
        new IngestJob.Result(files, List.of(), per, per.get("good.jsonl"), Map.of(), 2);
    assertThat(r.filesWithNothingAccepted())
        .containsExactly(
            "header.csv: no records in its 27 bytes",
            "blank.jsonl: no records in its 3 bytes (3 blank lines)",
            "wrong.jsonl: all 5 records rejected {malformed_json=2, missing_text=3}",
            "renamed.csv: all 2 records rejected {missing_review_id=1, missing_text=1}; if its"
                + " fields have other names, name them with --field-map (or give --business-id)",
            "one.json: its one record was rejected {malformed_json=1}");
  }
}
