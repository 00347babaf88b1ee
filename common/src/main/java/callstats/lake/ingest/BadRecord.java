package callstats.lake.ingest;

/**
 * Thrown by a parser when a line cannot be used; carries the quarantine reason and a detail that names
 * the field and the value.
 */
public final class BadRecord extends Exception {
  private final QuarantineReason reason;
  private String[] ids;

  public BadRecord(QuarantineReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public QuarantineReason reason() {
    return reason;
  }

  /** Attaches the ids that could be read (app, conf, uc, path, user), so the quarantine row can carry them. */
  public BadRecord withIds(String appId, String confId, String ucId, String path, String userId) {
    this.ids = new String[] {appId, confId, ucId, path, userId};
    return this;
  }

  /** app, conf, uc, path, user; each may be null. */
  public String[] ids() {
    return ids == null ? new String[5] : ids.clone();
  }
}
