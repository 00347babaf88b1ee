package callstats.lake.jobs.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Generated lines parsed the way a reader of the landing zone sees them: stats samples per connection in client-time
 * order, and per (connection, ssrc) the cumulative counters a pipeline would sum across counter resets.
 */
final class GeneratedLines {

  /** A stats sample: the connection's getStats reports by type and ssrc. */
  record Sample(String connectionId, long timestamp, JsonNode stats) {}

  final List<IngestContract.Result> results = new ArrayList<>();
  final Map<String, List<Sample>> samplesByConnection = new LinkedHashMap<>();

  GeneratedLines(List<MemorySink.Line> lines) {
    for (MemorySink.Line l : lines) {
      IngestContract.Result r = IngestContract.check(l.text());
      results.add(r);
      if (r.verdict() == IngestContract.Verdict.OK && r.line().get("path").asText().equals("stats")) {
        JsonNode body = r.line().get("body");
        String conn = body.get("connectionID").asText();
        samplesByConnection.computeIfAbsent(conn, k -> new ArrayList<>())
            .add(new Sample(conn, body.get("timestamp").asLong(), body.get("stats")));
      }
    }
    for (List<Sample> samples : samplesByConnection.values()) {
      samples.sort(Comparator.comparingLong(Sample::timestamp));
    }
  }

  /** The report of a type for an ssrc in a sample, or null. */
  static JsonNode report(Sample s, String type, long ssrc) {
    for (JsonNode r : s.stats()) {
      if (r.get("type").asText().equals(type) && r.path("ssrc").asLong(-1) == ssrc) {
        return r;
      }
    }
    return null;
  }

  static JsonNode report(Sample s, String type) {
    for (JsonNode r : s.stats()) {
      if (r.get("type").asText().equals(type)) {
        return r;
      }
    }
    return null;
  }

  /**
   * A cumulative counter of one report summed across resets, as a pipeline computes it: resets are per connection
   * (an ICE restart, or an injected reset, restarts every RTP counter of the connection), found where some RTP
   * counter of the connection goes down; the counter's last value before each reset is carried over. Null if the
   * report never appears on the connection.
   */
  Double summedAcrossResets(String connectionId, String type, long ssrc, String field) {
    List<Sample> samples = samplesByConnection.getOrDefault(connectionId, List.of());
    Set<Integer> resets = resetPoints(samples);
    double total = 0;
    double last = 0;
    boolean seen = false;
    for (int i = 0; i < samples.size(); i++) {
      if (resets.contains(i)) {
        total += last;
        last = 0;
      }
      JsonNode r = report(samples.get(i), type, ssrc);
      if (r != null && r.has(field)) {
        last = r.get(field).asDouble();
        seen = true;
      }
    }
    return seen ? total + last : null;
  }

  /** Mean of a field over the samples of the connection where the report appears (NaN if none). */
  double mean(String connectionId, String type, long ssrc, String field) {
    double sum = 0;
    int n = 0;
    for (Sample s : samplesByConnection.getOrDefault(connectionId, List.of())) {
      JsonNode r = ssrc < 0 ? report(s, type) : report(s, type, ssrc);
      if (r != null && r.has(field)) {
        sum += r.get(field).asDouble();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Samples of a connection at which some RTP counter of some stream went down (a reset). */
  int resetSamples(String connectionId) {
    return resetPoints(samplesByConnection.getOrDefault(connectionId, List.of())).size();
  }

  private static Set<Integer> resetPoints(List<Sample> samples) {
    Map<String, Double> last = new HashMap<>();
    Set<Integer> resets = new HashSet<>();
    for (int i = 0; i < samples.size(); i++) {
      for (JsonNode r : samples.get(i).stats()) {
        if (!r.get("type").asText().endsWith("-rtp")) {
          continue;
        }
        for (String c : List.of("packetsSent", "packetsReceived", "bytesSent", "bytesReceived")) {
          if (r.has(c)) {
            double v = r.get(c).asDouble();
            Double before = last.put(r.get("id").asText() + "/" + c, v);
            if (before != null && v < before) {
              resets.add(i);
            }
          }
        }
      }
    }
    return resets;
  }
}
