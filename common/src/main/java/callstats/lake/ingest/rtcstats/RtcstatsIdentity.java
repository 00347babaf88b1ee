package callstats.lake.ingest.rtcstats;

import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.Values;
import callstats.lake.rtcstats.DumpLine;
import callstats.lake.rtcstats.DumpVisitor;
import callstats.lake.rtcstats.StatsEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a dump belongs to, merged from its {@code identity} lines (a client sends several partial ones): for
 * each field the first non-empty value in file order wins. Collected by a pre-pass over the dump
 * ({@link callstats.lake.rtcstats.RtcstatsDumpProcessor#scan}), so that every silver row of the dump can be
 * written with its final ids as soon as its line is read.
 */
public final class RtcstatsIdentity implements DumpVisitor {

  static final int MAX_ID_CHARS = 256;
  private static final List<String> FIELDS = List.of("applicationName", "meetingUniqueId", "confName", "confID",
      "userId", "displayName", "deviceId", "customerId", "sessionId", "endpointId");

  private final Map<String, String> values = new HashMap<>();

  /** The ids of a dump, ready for silver rows: personal ids already pseudonymised where configured. */
  public record Ids(String appId, String confId, String ucId, String userId, String deviceId, String confName,
      String customerId, String sessionId) {}

  @Override
  public void line(DumpLine line, StatsEntry stats) {
    if (!"identity".equals(line.method()) || !line.payload().isObject()) {
      return;
    }
    for (String field : FIELDS) {
      String v = Values.text(line.payload(), field, MAX_ID_CHARS);
      if (v != null && !v.isBlank()) {
        values.putIfAbsent(field, v);
      }
    }
  }

  /** A field as merged, or null. */
  public String get(String field) {
    return values.get(field);
  }

  /**
   * The dump's ids: app from applicationName (else the configured default), conference from meetingUniqueId,
   * confName or confID (else the dump id: a session of its own), ucID the dump id, user from userId (else the
   * display name, which is personal: pseudonymise the app where that matters), device from deviceId.
   */
  public Ids resolve(IngestSettings settings, String dumpId) {
    String app = values.getOrDefault("applicationName", settings.rtcstatsAppId());
    String conf = first("meetingUniqueId", "confName", "confID");
    String user = first("userId", "displayName");
    return new Ids(app, conf == null ? dumpId : conf, dumpId, settings.personalId(app, user),
        settings.personalId(app, values.get("deviceId")), values.get("confName"), values.get("customerId"),
        values.get("sessionId"));
  }

  private String first(String... fields) {
    for (String f : fields) {
      String v = values.get(f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
