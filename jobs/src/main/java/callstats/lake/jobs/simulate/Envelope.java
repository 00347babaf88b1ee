package callstats.lake.jobs.simulate;

/**
 * What every line of one endpoint in one call carries besides its body: the ids the gateway writes at the top
 * level, the geo it looked up, and the common body fields. Immutable.
 *
 * @param confId null for a background pre-call test
 * @param ucId null for a background pre-call test
 * @param clockOffsetMs client clock minus true time
 * @param clockSkewed the offset is injected dirt (hours)
 */
record Envelope(String appId, String confId, String ucId, String userId, String deviceId, EndpointCatalogue.Geo geo,
    long clockOffsetMs, boolean clockSkewed) {}
