#!/usr/bin/env python3
"""Per-job and per-stage times of one job group from a Spark event log.

Usage: eventlog_stages.py <event log file (zstd-decompressed JSON lines)> <job group>

Run a benchmark with the event log on, for instance
  bin/palvelututka bench run --dump /tmp/bench/d1m --work /tmp/w --skip floor,tagger \
    --conf spark.eventLog.enabled=true --conf spark.eventLog.dir=/tmp/ev
then decompress the log (zstd -dc /tmp/ev/eventlog_v2_*/events_1_*.zstd > ev.json) and run this
with the group: checksums, ingest, tag or summarize. It prints each job's start (seconds after the
group's first job), its wall time, and each stage's tasks, wall time, executor run time and CPU time;
then the SQL executions (queries) that ran during the group, with their wall times.
"""
import json
import sys


def main(path, group):
    jobs, stages, sql = {}, {}, {}
    for line in open(path, encoding="utf-8"):
        e = json.loads(line)
        t = e["Event"]
        if t == "SparkListenerJobStart":
            p = e.get("Properties", {})
            jobs[e["Job ID"]] = dict(start=e["Submission Time"], group=p.get("spark.jobGroup.id"),
                                     stages=e["Stage IDs"], sql=p.get("spark.sql.execution.id"))
        elif t == "SparkListenerJobEnd":
            jobs[e["Job ID"]]["end"] = e["Completion Time"]
        elif t == "SparkListenerStageCompleted":
            si = e["Stage Info"]
            if "Submission Time" not in si:
                continue
            acc = lambda n: sum(a.get("Value", 0) for a in si["Accumulables"] if a["Name"] == n)
            stages[si["Stage ID"]] = dict(tasks=si["Number of Tasks"], start=si["Submission Time"],
                                          end=si["Completion Time"],
                                          run=acc("internal.metrics.executorRunTime") / 1000,
                                          cpu=acc("internal.metrics.executorCpuTime") / 1e9)
        elif t.endswith("SQLExecutionStart"):
            sql[e["executionId"]] = dict(start=e["time"], desc=e["description"][:60])
        elif t.endswith("SQLExecutionEnd"):
            sql[e["executionId"]]["end"] = e["time"]
    mine = sorted(((j, v) for j, v in jobs.items() if v["group"] == group and "end" in v),
                  key=lambda x: x[1]["start"])
    if not mine:
        sys.exit(f"no jobs of group {group!r} in {path}")
    t0, t1 = mine[0][1]["start"], max(v["end"] for _, v in mine)
    print(f"{group}: {len(mine)} jobs, {(t1 - t0) / 1000:.2f} s from the first job's start to the last's end")
    for j, v in mine:
        parts = [f"stage {s}: {x['tasks']} tasks, wall {(x['end'] - x['start']) / 1000:.2f} s,"
                 f" run {x['run']:.1f} s, cpu {x['cpu']:.1f} s"
                 for s in v["stages"] if (x := stages.get(s))]
        print(f"job {j:4d} +{(v['start'] - t0) / 1000:7.2f} s  wall {(v['end'] - v['start']) / 1000:6.2f} s"
              f"  query {v['sql']}  " + "; ".join(parts))
    for k in sorted(sql):
        v = sql[k]
        if t0 <= v["start"] <= t1 and "end" in v:
            print(f"query {k}: +{(v['start'] - t0) / 1000:.2f} s, wall {(v['end'] - v['start']) / 1000:.2f} s  {v['desc']}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
