package callstats.lake.ingest;

/** What a parser reports for an accepted line: its content hash and the ids it carried. */
public record ParsedLine(String recordId, String appId, String confId, String ucId, String path, String userId) {}
