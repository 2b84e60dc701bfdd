package fi.palvelututka.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per lake at a time: the lock file {@code lake/_lock}.
 *
 * <p>Two runs on one lake would undo each other: the second one's recovery deletes the first one's
 * staged output as "a run that stopped before its commit", and whichever commits last replaces the
 * other's tables. So a run takes the lock before it looks at the lake, and gives it back when it
 * ends. The lock file names the run, host, process and start time. While the run goes on, it
 * touches {@code lake/_lock.heartbeat} every {@link #HEARTBEAT}.
 *
 * <p>A run that finds the lock held stops with {@link LakeInUseException} (exit code 5), unless the
 * holder is gone. It is gone when it ran on this host and its process no longer runs, or when its
 * heartbeat is older than {@link #STALE_AFTER} (a run killed on another host, or a driver that lost
 * its machine). Then the lock is taken over, with a warning, and the usual recovery finishes or
 * discards what that run left in staging.
 *
 * <p>A run whose lock was taken over while it was still alive (a driver paused longer than {@link
 * #STALE_AFTER}) finds out at {@link #verify}, before its commit, and commits nothing.
 *
 * <p>The lock is created atomically on local file systems and HDFS. On object stores without
 * conditional creation (S3) two runs started in the same second could both get it; the check after
 * creating it (the file read back must name this run) narrows that window but cannot close it.
 */
public final class LakeLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LakeLock.class);

  public static final String FILE = "_lock";
  public static final String HEARTBEAT_FILE = "_lock.heartbeat";

  /** How often a running run touches its heartbeat file. */
  public static final Duration HEARTBEAT = Duration.ofMinutes(1);

  /** A lock whose heartbeat is older than this is taken over. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The lake is locked by another run that is still alive. */
  public static final class LakeInUseException extends IOException {
    LakeInUseException(String message) {
      super(message);
    }
  }

  /** Who holds a lock, as its lock file says (fields null when the file could not be read). */
  public record Holder(String runId, String host, Long pid, Instant processStart, Instant since) {

    String describe() {
      StringBuilder s = new StringBuilder();
      s.append(runId == null ? "an unknown run (unreadable lock file)" : "run " + runId);
      if (host != null) {
        s.append(" (host ").append(host);
        if (pid != null) {
          s.append(", pid ").append(pid);
        }
        if (since != null) {
          s.append(", since ").append(since);
        }
        s.append(')');
      }
      return s.toString();
    }
  }

  /** Run ids whose lock this process holds now (a lock of this process not among them is left). */
  private static final java.util.Set<String> HELD =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final FileSystem fs;
  private final Path lock;
  private final Path heartbeat;
  private final Holder self;
  private final Holder takenOver;
  private final ScheduledExecutorService beats;
  private volatile String lost;

  private LakeLock(
      FileSystem fs, Path root, Holder self, Holder takenOver, Duration heartbeatEvery) {
    this.fs = fs;
    this.lock = new Path(root, FILE);
    this.heartbeat = new Path(root, HEARTBEAT_FILE);
    this.self = self;
    this.takenOver = takenOver;
    this.beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "palvelututka-lake-lock");
              t.setDaemon(true);
              return t;
            });
    long every = heartbeatEvery.toMillis();
    beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Takes the lake's lock for this run (see the class comment), or throws. */
  public static LakeLock acquire(FileSystem fs, Path root, String runId) throws IOException {
    return acquire(fs, root, runId, HEARTBEAT, STALE_AFTER, Clock.systemUTC());
  }

  static LakeLock acquire(
      FileSystem fs,
      Path root,
      String runId,
      Duration heartbeatEvery,
      Duration staleAfter,
      Clock clock)
      throws IOException {
    fs.mkdirs(root);
    Path lock = new Path(root, FILE);
    Path heartbeat = new Path(root, HEARTBEAT_FILE);
    ProcessHandle me = ProcessHandle.current();
    Holder self =
        new Holder(
            runId, hostName(), me.pid(), me.info().startInstant().orElse(null), clock.instant());
    Holder takenOver = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      if (create(fs, lock, toJson(self))) {
        touch(fs, heartbeat, self);
        Holder written = read(fs, lock);
        if (!runId.equals(written.runId())) {
          // another run created it at the same moment (object stores): it is theirs
          throw inUse(root, written, "it took the lock at the same moment as this run");
        }
        if (takenOver != null) {
          LOG.warn("lake: took over the lock of {}", takenOver.describe());
        }
        HELD.add(runId);
        return new LakeLock(fs, root, self, takenOver, heartbeatEvery);
      }
      Holder holder = read(fs, lock);
      Optional<String> gone = gone(fs, holder, lock, heartbeat, staleAfter, clock);
      if (gone.isEmpty() || attempt > 0) {
        throw inUse(root, holder, lastHeartbeat(fs, lock, heartbeat, clock));
      }
      LOG.warn("lake: {} holds the lock but {}; taking it over", holder.describe(), gone.get());
      // Moved aside, not deleted: of two runs taking over at once only one can move it, and the
      // other then finds the new lock.
      Path aside = new Path(root, FILE + ".taken-over-by-" + runId);
      if (moved(fs, lock, aside)) {
        fs.delete(aside, false);
      }
      takenOver = holder;
    }
    throw new IllegalStateException("unreachable");
  }

  /** The run this lock was taken over from (it had died), if any. */
  public Optional<Holder> takenOver() {
    return Optional.ofNullable(takenOver);
  }

  /**
   * Checks that the lock is still this run's (just before the commit): throws when another run took
   * it over, so that this run commits nothing.
   */
  public void verify() throws IOException {
    Holder now = current();
    if (lost != null || !self.runId().equals(now.runId())) {
      throw new LakeInUseException(
          "Run "
              + self.runId()
              + " lost the lock of "
              + lock.getParent()
              + " ("
              + (lost != null ? lost : "now held by " + now.describe())
              + "); nothing of this run is committed");
    }
  }

  /** Stops the heartbeat and removes the lock (if it is still this run's). */
  @Override
  public void close() throws IOException {
    HELD.remove(self.runId());
    beats.shutdownNow();
    try {
      beats.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (beatIsMine()) {
      fs.delete(heartbeat, false);
    }
    if (self.runId().equals(read(fs, lock).runId())) {
      fs.delete(lock, false);
    }
  }

  private boolean beatIsMine() throws IOException {
    byte[] beat = contents(fs, heartbeat);
    return beat != null && new String(beat, StandardCharsets.UTF_8).startsWith(self.runId() + " ");
  }

  /** The file's bytes, or null when it does not exist. */
  private static byte[] contents(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  /**
   * The lock's holder. A lock file that somebody removed (by hand, taking this run for dead) is
   * created again for this run, if no other run has taken it meanwhile.
   */
  private Holder current() throws IOException {
    Holder now = read(fs, lock);
    if (now.runId() == null && !fs.exists(lock) && create(fs, lock, toJson(self))) {
      LOG.warn("lake: the lock file {} of run {} was removed; took it again", lock, self.runId());
      now = read(fs, lock);
    }
    return now;
  }

  private void beat() {
    try {
      Holder now = current();
      if (!self.runId().equals(now.runId())) {
        if (lost == null) {
          lost = "taken over by " + now.describe();
          LOG.error("lake: the lock of {} was {}", lock.getParent(), lost);
        }
        return;
      }
      touch(fs, heartbeat, self);
    } catch (IOException | RuntimeException e) {
      LOG.warn("lake: could not refresh the lock's heartbeat {}: {}", heartbeat, e.toString());
    }
  }

  /** Why the holder is gone, or empty when it may still be running. */
  private static Optional<String> gone(
      FileSystem fs, Holder h, Path lock, Path heartbeat, Duration staleAfter, Clock clock)
      throws IOException {
    if (h.host() != null && h.host().equals(hostName()) && h.pid() != null) {
      Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
      boolean same =
          p.isPresent()
              && p.get().isAlive()
              && (h.processStart() == null
                  || p.get().info().startInstant().map(h.processStart()::equals).orElse(true));
      if (!same) {
        return Optional.of("its process " + h.pid() + " on this host no longer runs");
      }
      if (h.pid() == ProcessHandle.current().pid() && !HELD.contains(h.runId())) {
        // a long-lived driver (a notebook, a service) whose earlier run could not remove it
        return Optional.of("it was left by an earlier run of this same process");
      }
      return Optional.empty();
    }
    Instant last = lastBeat(fs, lock, heartbeat);
    if (last != null && Duration.between(last, clock.instant()).compareTo(staleAfter) > 0) {
      return Optional.of(
          "its last heartbeat was "
              + Duration.between(last, clock.instant()).toMinutes()
              + " minutes ago (more than "
              + staleAfter.toMinutes()
              + ")");
    }
    return Optional.empty();
  }

  /** The newest of the lock's and the heartbeat's modification times (null: neither exists). */
  private static Instant lastBeat(FileSystem fs, Path lock, Path heartbeat) throws IOException {
    long newest = -1;
    for (Path p : new Path[] {lock, heartbeat}) {
      try {
        FileStatus s = fs.getFileStatus(p);
        newest = Math.max(newest, s.getModificationTime());
      } catch (java.io.FileNotFoundException e) {
        // not there (yet, or any more)
      }
    }
    return newest < 0 ? null : Instant.ofEpochMilli(newest);
  }

  private static String lastHeartbeat(FileSystem fs, Path lock, Path heartbeat, Clock clock)
      throws IOException {
    Instant last = lastBeat(fs, lock, heartbeat);
    return last == null
        ? "its lock file just went away; try again"
        : "last heartbeat " + Duration.between(last, clock.instant()).toSeconds() + " s ago";
  }

  private static LakeInUseException inUse(Path root, Holder holder, String detail) {
    return new LakeInUseException(
        "The lake "
            + root
            + " is in use by "
            + holder.describe()
            + ", "
            + detail
            + ". Two runs on one lake would undo each other's work: wait for that run to end. If it"
            + " died on another host, its lock is taken over "
            + STALE_AFTER.toMinutes()
            + " minutes after its last heartbeat; to take it over at once, delete "
            + new Path(root, FILE));
  }

  /** Creates the file with this content unless it exists; false when it exists. */
  private static boolean create(FileSystem fs, Path p, byte[] content) throws IOException {
    if (fs instanceof LocalFileSystem local) {
      // Hadoop's local create checks, then creates: not atomic. NIO's CREATE_NEW is.
      java.nio.file.Path file = local.pathToFile(p).toPath();
      try {
        java.nio.file.Files.write(
            file,
            content,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(p, false)) {
      out.write(content);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(p)) {
        return false; // some file systems say "already exists" with a plain IOException
      }
      throw e;
    }
  }

  private static boolean moved(FileSystem fs, Path from, Path to) throws IOException {
    try {
      return fs.rename(from, to);
    } catch (java.io.FileNotFoundException e) {
      return false; // moved by another run a moment earlier
    }
  }

  private static void touch(FileSystem fs, Path heartbeat, Holder self) throws IOException {
    try (OutputStream out = fs.create(heartbeat, true)) {
      out.write((self.runId() + " " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Holder read(FileSystem fs, Path lock) throws IOException {
    byte[] bytes = contents(fs, lock);
    if (bytes == null) {
      return new Holder(null, null, null, null, null);
    }
    try {
      JsonNode n = JSON.readTree(bytes);
      return new Holder(
          text(n, "run_id"),
          text(n, "host"),
          n.hasNonNull("pid") ? n.get("pid").asLong() : null,
          instant(n, "process_start"),
          instant(n, "since"));
    } catch (IOException | RuntimeException e) {
      return new Holder(null, null, null, null, null); // half-written or not ours
    }
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static Instant instant(JsonNode n, String field) {
    String s = text(n, field);
    return s == null ? null : Instant.parse(s);
  }

  private static byte[] toJson(Holder h) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", h.runId());
    m.put("host", h.host());
    m.put("pid", h.pid());
    m.put("process_start", h.processStart() == null ? null : h.processStart().toString());
    m.put("since", h.since().toString());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }
}
