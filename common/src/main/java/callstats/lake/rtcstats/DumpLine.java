package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One accepted dump line {@code [method, pc, payload, ts?, seq?]}.
 *
 * @param lineNumber physical line number, from 1
 * @param method element 0, case-sensitive ({@code getstats}, {@code onconnectionstatechange}, ...)
 * @param pcId element 1, the peer-connection id ({@code PC_0}); null when the element is JSON null
 * @param payload element 2, any JSON value; for {@code connectionInfo} lines the parsed object, also when it
 *     was sent as JSON text
 * @param ts element 3, the client clock in epoch ms: a number node, JSON null, or Java null when absent
 * @param seq element 4 when present, else Java null
 * @param sizeChars the raw line's length in UTF-16 code units, without its terminator
 * @param text the raw line as read, without its terminator (for content hashes and quarantine excerpts)
 */
public record DumpLine(long lineNumber, String method, String pcId, JsonNode payload, JsonNode ts, JsonNode seq,
    long sizeChars, String text) {

  /** The pc id's property-key form: the id itself, or "null" for a JSON null pc. */
  public String pcKey() {
    return pcId == null ? "null" : pcId;
  }

  /** True when the pc id is truthy (not null and not empty). */
  public boolean hasPc() {
    return pcId != null && !pcId.isEmpty();
  }

  /** The line timestamp in epoch ms, or null when absent or JSON null. */
  public Double timestampMs() {
    return ts != null && ts.isNumber() ? ts.doubleValue() : null;
  }
}
