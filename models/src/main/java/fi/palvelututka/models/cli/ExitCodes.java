package fi.palvelututka.models.cli;

/** Process exit codes of every palvelututka command (documented in README.md). */
public final class ExitCodes {
  public static final int OK = 0;

  /** Unexpected internal error (a bug, or the environment failed). */
  public static final int INTERNAL = 1;

  /** Bad command-line arguments (picocli's usage-error code). */
  public static final int USAGE = 2;

  /** Input that cannot be read: missing file, unreadable corpus, unusable records. */
  public static final int INPUT = 3;

  /** Counts do not reconcile (read != accepted + duplicates + rejected). */
  public static final int RECONCILIATION = 4;

  /** The lake is in use by another run (its lock file is held by a live run). */
  public static final int LAKE_IN_USE = 5;

  private ExitCodes() {}
}
