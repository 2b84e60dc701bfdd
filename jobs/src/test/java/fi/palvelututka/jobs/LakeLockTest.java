package fi.palvelututka.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per lake: the lock file, its heartbeat and the take-over of a dead run's lock. */
class LakeLockTest {

  @TempDir java.nio.file.Path dir;
  FileSystem fs;
  Path root;

  @BeforeEach
  void lake() throws Exception {
    fs = FileSystem.getLocal(new Configuration());
    root = new Path(dir.resolve("lake").toUri());
  }

  private java.nio.file.Path lockFile() {
    return dir.resolve("lake").resolve(LakeLock.FILE);
  }

  /** A lock file as another run would have written it. */
  private void heldBy(String runId, String host, long pid) throws Exception {
    Files.createDirectories(dir.resolve("lake"));
    Files.writeString(
        lockFile(),
        "{\"run_id\": \""
            + runId
            + "\", \"host\": \""
            + host
            + "\", \"pid\": "
            + pid
            + ", \"since\": \"2026-01-01T00:00:00Z\"}");
  }

  private void ageLockBy(Duration age) throws Exception {
    long then = Instant.now().minus(age).toEpochMilli();
    for (String f : new String[] {LakeLock.FILE, LakeLock.HEARTBEAT_FILE}) {
      java.nio.file.Path p = dir.resolve("lake").resolve(f);
      if (Files.exists(p)) {
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(then));
      }
    }
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
    LakeLock first = LakeLock.acquire(fs, root, "night-1");
    assertThat(lockFile()).exists();
    assertThat(Files.readString(lockFile())).contains("\"run_id\" : \"night-1\"");
    assertThatThrownBy(() -> LakeLock.acquire(fs, root, "night-2"))
        .isInstanceOf(LakeLock.LakeInUseException.class)
        .hasMessageContaining("is in use by run night-1 (host " + LakeLock.hostName())
        .hasMessageContaining("pid " + ProcessHandle.current().pid())
        .hasMessageContaining("wait for that run to end");
    first.verify();
    first.close();
    assertThat(lockFile()).doesNotExist();
    assertThat(dir.resolve("lake").resolve(LakeLock.HEARTBEAT_FILE)).doesNotExist();
    try (LakeLock second = LakeLock.acquire(fs, root, "night-2")) {
      assertThat(second.takenOver()).isEmpty();
    }
  }

  @Test
  void theLockOfADeadProcessOnThisHostIsTakenOverAtOnce() throws Exception {
    heldBy("killed", LakeLock.hostName(), deadPid());
    try (LakeLock lock = LakeLock.acquire(fs, root, "next")) {
      assertThat(lock.takenOver()).map(LakeLock.Holder::runId).contains("killed");
      assertThat(Files.readString(lockFile())).contains("\"next\"");
      lock.verify();
    }
  }

  @Test
  void aLockFromAnotherHostIsTakenOverOnlyWhenItsHeartbeatIsOld() throws Exception {
    heldBy("elsewhere", "another-host.example", 1);
    ageLockBy(Duration.ofMinutes(9));
    assertThatThrownBy(() -> LakeLock.acquire(fs, root, "next"))
        .isInstanceOf(LakeLock.LakeInUseException.class)
        .hasMessageContaining("run elsewhere (host another-host.example, pid 1")
        .hasMessageContaining("last heartbeat 54");
    ageLockBy(Duration.ofMinutes(11));
    try (LakeLock lock = LakeLock.acquire(fs, root, "next")) {
      assertThat(lock.takenOver()).map(LakeLock.Holder::runId).contains("elsewhere");
    }
  }

  @Test
  void aLiveProcessOnThisHostKeepsItsLockWhateverItsHeartbeat() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      heldBy("alive", LakeLock.hostName(), other.pid());
      ageLockBy(Duration.ofHours(2));
      assertThatThrownBy(() -> LakeLock.acquire(fs, root, "next"))
          .isInstanceOf(LakeLock.LakeInUseException.class)
          .hasMessageContaining("run alive");
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void aLockThisProcessLeftBehindIsTakenOverButOneItHoldsIsNot() throws Exception {
    try (LakeLock held = LakeLock.acquire(fs, root, "held")) {
      assertThatThrownBy(() -> LakeLock.acquire(fs, root, "next"))
          .isInstanceOf(LakeLock.LakeInUseException.class);
    }
    // an earlier run of this process that could not remove its lock (its file system failed)
    heldBy("earlier", LakeLock.hostName(), ProcessHandle.current().pid());
    try (LakeLock lock = LakeLock.acquire(fs, root, "next")) {
      assertThat(lock.takenOver()).map(LakeLock.Holder::runId).contains("earlier");
    }
  }

  @Test
  void anUnreadableLockCountsAsHeldUntilItsHeartbeatIsOld() throws Exception {
    Files.createDirectories(dir.resolve("lake"));
    Files.writeString(lockFile(), "{\"run_id\": \"half-writ");
    assertThatThrownBy(() -> LakeLock.acquire(fs, root, "next"))
        .isInstanceOf(LakeLock.LakeInUseException.class)
        .hasMessageContaining("an unknown run (unreadable lock file)");
    ageLockBy(Duration.ofMinutes(30));
    try (LakeLock lock = LakeLock.acquire(fs, root, "next")) {
      assertThat(lock.takenOver()).isPresent();
    }
  }

  @Test
  void theHeartbeatKeepsTheLockFresh() throws Exception {
    try (LakeLock lock =
        LakeLock.acquire(
            fs, root, "long", Duration.ofMillis(50), Duration.ofMinutes(10), Clock.systemUTC())) {
      java.nio.file.Path beat = dir.resolve("lake").resolve(LakeLock.HEARTBEAT_FILE);
      assertThat(Files.readString(beat)).startsWith("long ");
      ageLockBy(Duration.ofHours(1));
      long old = Files.getLastModifiedTime(beat).toMillis();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (Files.getLastModifiedTime(beat).toMillis() == old && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.getLastModifiedTime(beat).toMillis())
          .isGreaterThan(Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli());
      lock.verify();
    }
  }

  @Test
  void aLockFileRemovedByHandWhileItsRunIsAliveIsTakenAgain() throws Exception {
    try (LakeLock lock = LakeLock.acquire(fs, root, "alive")) {
      Files.delete(lockFile());
      lock.verify();
      assertThat(Files.readString(lockFile())).contains("\"alive\"");
      assertThatThrownBy(() -> LakeLock.acquire(fs, root, "next"))
          .isInstanceOf(LakeLock.LakeInUseException.class);
    }
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aRunWhoseLockWasTakenOverCommitsNothingAndLeavesTheNewLockAlone() throws Exception {
    LakeLock paused = LakeLock.acquire(fs, root, "paused");
    // the run was paused for longer than the stale time, and another run took over
    heldBy("newer", "another-host.example", 7);
    assertThatThrownBy(paused::verify)
        .isInstanceOf(LakeLock.LakeInUseException.class)
        .hasMessageContaining("Run paused lost the lock")
        .hasMessageContaining("now held by run newer")
        .hasMessageContaining("nothing of this run is committed");
    paused.close();
    assertThat(Files.readString(lockFile(), StandardCharsets.UTF_8)).contains("newer");
  }
}
