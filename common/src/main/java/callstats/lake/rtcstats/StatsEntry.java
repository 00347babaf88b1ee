package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The full, decompressed stats of one {@code getstats} line of one peer connection: report id to report,
 * in the reference's enumeration order (index-like ids first ascending, then insertion order; a removed
 * and re-added report counts as new).
 *
 * <p>This is a live view of the decompression state: it is valid during the visitor callback that receives
 * it and changes with the next {@code getstats} line of the same connection. Copy what you keep. The
 * first entry of a connection may also hold a top-level {@code timestamp} number, which is not a report.
 */
public final class StatsEntry {

  private final String pcKey;
  private final JsKeyedMap<JsonNode> reports;

  StatsEntry(String pcKey, JsKeyedMap<JsonNode> reports) {
    this.pcKey = pcKey;
    this.reports = reports;
  }

  /** The connection's key: its pc id, or "null" for a stats line without pc. */
  public String pcKey() {
    return pcKey;
  }

  /** The value stored under an id (a report object, or the first entry's top-level timestamp); null if none. */
  public JsonNode get(String id) {
    return reports.get(id);
  }

  /** The report object stored under an id, or null when there is none or the value is not an object. */
  public ObjectNode report(String id) {
    JsonNode value = reports.get(id);
    return value instanceof ObjectNode object ? object : null;
  }

  /** All ids in enumeration order, including a non-report top-level {@code timestamp}. */
  public List<String> ids() {
    return reports.keys();
  }

  /** Visits every object-valued report in enumeration order. */
  public void forEachReport(BiConsumer<String, ObjectNode> action) {
    reports.forEach((id, value) -> {
      if (value instanceof ObjectNode object) {
        action.accept(id, object);
      }
    });
  }

  /** Number of ids, including a non-report top-level {@code timestamp}. */
  public int size() {
    return reports.size();
  }
}
