package callstats.lake.ingest;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * Who and where a parsed record belongs to: the identity every silver row repeats, the times, and the
 * provenance (landing file, line, content hash).
 */
public record RecordContext(
    Date date,
    String dialect,
    String appId,
    String confId,
    String ucId,
    String userId,
    String deviceId,
    String originId,
    Timestamp clientTs,
    double clientTsMs,
    Timestamp receivedAt,
    double receivedAtMs,
    String sourceFile,
    long lineNumber,
    String recordId) {}
