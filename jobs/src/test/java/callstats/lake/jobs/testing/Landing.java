package callstats.lake.jobs.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes hand-built landing files (callstats lines, rtcstats dumps) whose right answers are known. */
public final class Landing {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  public Landing(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Epoch ms of {@code date} at {@code hour}:{@code minute} UTC. */
  public static long at(LocalDate date, int hour, int minute) {
    return date.atTime(hour, minute).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Writes lines to {@code <root>/callstats/date=D/hour=HH/name}, gzipped if the name ends in .gz. */
  public Path write(LocalDate date, int hour, String name, List<String> lines) {
    Path dir = root.resolve("callstats").resolve("date=" + date).resolve(String.format("hour=%02d", hour));
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      byte[] data = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(data);
        }
      } else {
        Files.write(file, data);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an rtcstats dump to {@code <root>/rtcstats/date=D/name}, gzipped if the name ends in .gz. */
  public Path writeDump(LocalDate date, String name, byte[] text) {
    Path file = root.resolve("rtcstats").resolve("date=" + date).resolve(name);
    try {
      Files.createDirectories(file.getParent());
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(text);
        }
      } else {
        Files.write(file, text);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One ingest line. */
  public static String line(String app, String conf, String uc, String path, long receivedAt, ObjectNode body) {
    ObjectNode env = JSON.createObjectNode();
    env.put("v", 1).put("appID", app).put("confID", conf).put("ucID", uc).put("path", path).put("receivedAt", receivedAt);
    env.putObject("geo").put("country", "FI").put("region", "18").put("asn", 1759).put("isp", "Telia");
    env.set("body", body);
    return env.toString();
  }

  public static ObjectNode body(String user, long timestamp) {
    return JSON.createObjectNode().put("localID", user).put("deviceID", "dev-" + user).put("timestamp", timestamp);
  }

  /** A stats body with one inbound audio stream and a selected candidate pair. */
  public static ObjectNode inboundAudio(String user, long ts, String connection, long ssrc, long packets, long lost,
      long bytes) {
    ObjectNode b = body(user, ts).put("connectionID", connection).put("remoteID", "peer-of-" + user);
    ArrayNode stats = b.putArray("stats");
    stats.addObject().put("id", "IA" + ssrc).put("type", "inbound-rtp").put("kind", "audio").put("ssrc", ssrc)
        .put("timestamp", ts).put("packetsReceived", packets).put("packetsLost", lost).put("bytesReceived", bytes)
        .put("jitter", 0.02).put("codecId", "CO");
    stats.addObject().put("id", "CO").put("type", "codec").put("mimeType", "audio/opus");
    stats.addObject().put("id", "T").put("type", "transport").put("selectedCandidatePairId", "CP");
    stats.addObject().put("id", "CP").put("type", "candidate-pair").put("localCandidateId", "L")
        .put("remoteCandidateId", "R").put("currentRoundTripTime", 0.1).put("bytesSent", bytes).put("bytesReceived", bytes);
    stats.addObject().put("id", "L").put("type", "local-candidate").put("candidateType", "host")
        .put("address", "10.0.0." + (ssrc % 200));
    stats.addObject().put("id", "R").put("type", "remote-candidate").put("candidateType", "srflx")
        .put("address", "198.51.100." + (ssrc % 200));
    return b;
  }
}
