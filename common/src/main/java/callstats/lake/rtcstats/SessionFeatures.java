package callstats.lake.rtcstats;

/**
 * Session-level features of one dump, typed for a gold table row. Times are epoch ms on the client
 * clock; durations ms. Null where the compatibility view has no value.
 *
 * @param dumpId the dump's id (its file name without extension)
 * @param sessionStartMs ts of the first line with a timestamp (not the minimum), 0 when none
 * @param sessionEndMs largest line ts
 * @param sessionDurationMs end minus start, 0 when not positive
 * @param conferenceStartMs the conference start the client reported (another clock), 0 when none
 * @param conferenceDurationMs session end minus conference start, 0 when not positive
 * @param dominantSpeakerChanges times this endpoint became dominant speaker
 * @param speakerTimeMs time this endpoint was dominant speaker
 * @param browserName browser name as parsed from the user agent ("unknown" if none; null without agent)
 * @param browserVersion browser version ("-1" if none; null without agent)
 * @param browserMajorVersion text before the first dot of the version
 * @param os OS description ("null" if none; null without agent)
 * @param userAgent the raw user agent
 * @param statsFormat chrome_standard, firefox, safari or unsupported
 * @param clientProtocol the header's clientProtocol
 * @param connections number of peer connections in the dump
 * @param badLines lines skipped or file-level problems reported
 * @param referenceOutcome whether the compatibility view equals the reference's output
 */
public record SessionFeatures(String dumpId, Long sessionStartMs, Long sessionEndMs, Long sessionDurationMs,
    Long conferenceStartMs, Long conferenceDurationMs, long dominantSpeakerChanges, Double speakerTimeMs,
    String browserName, String browserVersion, String browserMajorVersion, String os, String userAgent,
    String statsFormat, String clientProtocol, int connections, long badLines, ReferenceOutcome referenceOutcome) {}
