package fi.palvelututka.jobs.ingest;

/** A field problem that turns a record into a reject with the given reason. */
final class FieldException extends Exception {
  private static final long serialVersionUID = 1L;
  final RejectReason reason;

  FieldException(RejectReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }
}
