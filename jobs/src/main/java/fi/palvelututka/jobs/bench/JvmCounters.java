package fi.palvelututka.jobs.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the whole process's CPU went during a phase: every thread's CPU time (task threads, the JIT
 * compiler's, the garbage collector's, Spark's own), the time the JIT compilers spent, and the time
 * spent in garbage collection. Spark's task metrics count only the task threads, so on a short run
 * they leave out the third of the machine that compiling takes (BENCHMARKS.md, session 15). The
 * process CPU time is also less sensitive than wall time to a noisy shared machine.
 *
 * @param processCpuNanos CPU time of all threads of this JVM, or -1 where the platform has none
 * @param jitMillis total time of the JIT compilers, or -1 where the JVM does not report it
 * @param gcMillis total collection time of all collectors
 * @param gcCount total number of collections
 */
record JvmCounters(long processCpuNanos, long jitMillis, long gcMillis, long gcCount) {

  static JvmCounters now() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    long cpu =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long jitMillis =
        jit != null && jit.isCompilationTimeMonitoringSupported()
            ? jit.getTotalCompilationTime()
            : -1;
    long gcMillis = 0;
    long gcCount = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
      gcCount += Math.max(0, gc.getCollectionCount());
    }
    return new JvmCounters(cpu, jitMillis, gcMillis, gcCount);
  }

  /**
   * What happened since {@code start}, in seconds, for a report: {@code process_cpu_seconds},
   * {@code jit_compile_seconds}, {@code gc_seconds} and {@code gc_count}; a figure the JVM does not
   * give is left out.
   */
  Map<String, Object> since(JvmCounters start) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (processCpuNanos >= 0 && start.processCpuNanos >= 0) {
      m.put("process_cpu_seconds", round((processCpuNanos - start.processCpuNanos) / 1e9));
    }
    if (jitMillis >= 0 && start.jitMillis >= 0) {
      m.put("jit_compile_seconds", round((jitMillis - start.jitMillis) / 1e3));
    }
    m.put("gc_seconds", round((gcMillis - start.gcMillis) / 1e3));
    m.put("gc_count", gcCount - start.gcCount);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
