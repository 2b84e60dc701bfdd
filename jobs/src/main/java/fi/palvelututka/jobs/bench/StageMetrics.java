package fi.palvelututka.jobs.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * Spark jobs, stages, tasks and executor time per job group (ingest, tag, summarize...): where the
 * pipeline's time goes, and how well it keeps the cores busy.
 */
final class StageMetrics extends SparkListener {

  /** Totals of one job group. */
  static final class Totals {
    long jobs;
    long stages;
    long tasks;
    long runMillis;
    long cpuNanos;
    long gcMillis;
    long shuffleWriteBytes;
    long shuffleReadBytes;

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("jobs", jobs);
      m.put("stages", stages);
      m.put("tasks", tasks);
      m.put("task_seconds", runMillis / 1000.0);
      m.put("task_cpu_seconds", Math.round(cpuNanos / 1e7) / 100.0);
      m.put("gc_seconds", gcMillis / 1000.0);
      m.put("shuffle_write_mb", shuffleWriteBytes >> 20);
      m.put("shuffle_read_mb", shuffleReadBytes >> 20);
      return m;
    }
  }

  private final Map<Integer, String> stageGroup = new ConcurrentHashMap<>();
  private final Map<String, Totals> totals = new ConcurrentHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String group =
        job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    String g = group == null ? "other" : group;
    totals.computeIfAbsent(g, k -> new Totals()).jobs++;
    scala.collection.Iterator<Object> it = job.stageIds().iterator();
    while (it.hasNext()) {
      stageGroup.put((Integer) it.next(), g);
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted done) {
    StageInfo s = done.stageInfo();
    String g = stageGroup.getOrDefault(s.stageId(), "other");
    Totals t = totals.computeIfAbsent(g, k -> new Totals());
    synchronized (t) {
      t.stages++;
      t.tasks += s.numTasks();
      if (s.taskMetrics() != null) {
        t.runMillis += s.taskMetrics().executorRunTime();
        t.cpuNanos += s.taskMetrics().executorCpuTime();
        t.gcMillis += s.taskMetrics().jvmGCTime();
        t.shuffleWriteBytes += s.taskMetrics().shuffleWriteMetrics().bytesWritten();
        t.shuffleReadBytes += s.taskMetrics().shuffleReadMetrics().totalBytesRead();
      }
    }
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    new java.util.TreeMap<>(totals).forEach((k, v) -> m.put(k, v.toMap()));
    return m;
  }
}
