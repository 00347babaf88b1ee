package callstats.lake.jobs.simulate;

/** Where generated landing lines go: gzip files in the landing zone, or memory in tests. */
interface LineSink {

  /**
   * Writes one line (the sink adds the newline).
   *
   * @param dirt the exclusive dirt kind of this line, or null
   * @param clockSkew the line comes from an endpoint whose clock is hours off
   * @param counterReset the line shows an injected counter reset
   */
  void write(byte[] buf, int len, long receivedAt, IngestPath path, DirtKind dirt, boolean clockSkew,
      boolean counterReset);
}
