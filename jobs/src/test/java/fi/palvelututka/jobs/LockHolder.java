package fi.palvelututka.jobs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A process that takes a lake's lock and keeps it until it is killed ({@code CliTest}: a run in
 * another process). Arguments: lake folder, run id.
 */
public final class LockHolder {
  public static void main(String[] args) throws Exception {
    LakeLock lock =
        LakeLock.acquire(FileSystem.getLocal(new Configuration()), new Path(args[0]), args[1]);
    System.out.println("locked " + lock.takenOver().isPresent());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private LockHolder() {}
}
