package callstats.lake.jobs.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Renders landing lines with Jackson and hands them to the sink, applying the dirt the {@link DirtInjector} draws.
 * A line is rendered from a {@link Body} that must be a pure function of the simulation's state (it may be rendered
 * twice: a duplicate is the same body with a later receivedAt). Without a sink (truth-only runs) nothing is
 * rendered, and the simulation is unchanged: dirt draws come from their own random stream.
 */
final class LineEmitter {

  /** Writes the path-specific body fields (the common ones are written by the emitter). */
  @FunctionalInterface
  interface Body {
    void write(JsonOut out);
  }

  /** A stats line held back to be received after the next stats line of its connection. */
  static final class HoldSlot {
    private byte[] held;
    private long heldReceivedAt;
    private boolean heldSkew;
    private boolean heldReset;
  }

  private static final int APP_ID = 0;
  private static final int CONF_ID = 1;
  private static final int UC_ID = 2;

  private final LineSink sink;
  private final DirtInjector dirt;
  private final Buffer buffer = new Buffer();
  private final JsonGenerator gen;
  private final JsonOut out;

  LineEmitter(LineSink sink, DirtInjector dirt) {
    this.sink = sink;
    this.dirt = dirt;
    try {
      JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
      this.gen = factory.createGenerator(buffer);
      gen.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.out = new JsonOut(gen);
  }

  boolean rendering() {
    return sink != null;
  }

  /**
   * Emits one line.
   *
   * @param hold the connection's slot for stats lines (null for other lines)
   * @param mayHold whether this stats line may be held back (not the connection's last)
   * @param counterReset this stats line shows an injected counter reset
   */
  void emit(Envelope env, IngestPath path, long trueMs, long receivedAt, Body body, HoldSlot hold, boolean mayHold,
      boolean counterReset) {
    if (sink == null) {
      return;
    }
    DirtKind kind = dirt.drawLine(hold != null && mayHold && hold.held == null);
    boolean skew = env.clockSkewed();
    if (kind == null) {
      render(env, path, trueMs, receivedAt, body, false, -1);
      write(receivedAt, path, null, skew, counterReset);
    } else {
      switch (kind) {
        case DUPLICATE -> {
          render(env, path, trueMs, receivedAt, body, false, -1);
          write(receivedAt, path, null, skew, counterReset);
          long later = receivedAt + dirt.duplicateDelayMs();
          render(env, path, trueMs, later, body, false, -1);
          write(later, path, DirtKind.DUPLICATE, skew, counterReset);
        }
        case MALFORMED -> {
          render(env, path, trueMs, receivedAt, body, false, -1);
          sink.write(buffer.bytes(), dirt.cutAt(buffer.size()), receivedAt, path, DirtKind.MALFORMED, skew,
              counterReset);
        }
        case MISSING_ID -> {
          render(env, path, trueMs, receivedAt, body, false, dirt.missingId(env.ucId() != null));
          write(receivedAt, path, DirtKind.MISSING_ID, skew, counterReset);
        }
        case NUMBERS_AS_STRINGS -> {
          render(env, path, trueMs, receivedAt, body, true, -1);
          write(receivedAt, path, DirtKind.NUMBERS_AS_STRINGS, skew, counterReset);
        }
        case LATE -> {
          long late = receivedAt + dirt.lateDelayMs();
          render(env, path, trueMs, late, body, false, -1);
          write(late, path, DirtKind.LATE, skew, counterReset);
        }
        case OUT_OF_ORDER -> {
          // Rendered now with the receivedAt it will have; written after the next stats line of the connection.
          long delayed = receivedAt + SimulatorProfile.STATS_INTERVAL_MS + dirt.outOfOrderDelayMs();
          render(env, path, trueMs, delayed, body, false, -1);
          hold.held = Arrays.copyOf(buffer.bytes(), buffer.size());
          hold.heldReceivedAt = delayed;
          hold.heldSkew = skew;
          hold.heldReset = counterReset;
          return;
        }
        default -> throw new IllegalStateException("not a per-line dirt kind: " + kind);
      }
    }
    if (hold != null && hold.held != null) {
      sink.write(hold.held, hold.held.length, hold.heldReceivedAt, IngestPath.STATS, DirtKind.OUT_OF_ORDER,
          hold.heldSkew, hold.heldReset);
      hold.held = null;
    }
  }

  /** Writes a held line that no later stats line overtook (its connection ended): it is not out of order. */
  void release(HoldSlot hold) {
    if (sink != null && hold.held != null) {
      sink.write(hold.held, hold.held.length, hold.heldReceivedAt, IngestPath.STATS, null, hold.heldSkew,
          hold.heldReset);
      hold.held = null;
    }
  }

  private void write(long receivedAt, IngestPath path, DirtKind kind, boolean skew, boolean reset) {
    sink.write(buffer.bytes(), buffer.size(), receivedAt, path, kind, skew, reset);
  }

  /** Renders the whole line into the buffer. */
  private void render(Envelope env, IngestPath path, long trueMs, long receivedAt, Body body,
      boolean numbersAsStrings, int missingId) {
    buffer.reset();
    try {
      gen.writeStartObject();
      gen.writeNumberField("v", 1);
      if (missingId != APP_ID) {
        gen.writeStringField("appID", env.appId());
      }
      if (missingId != CONF_ID) {
        writeNullable("confID", env.confId());
      }
      if (missingId != UC_ID) {
        writeNullable("ucID", env.ucId());
      }
      gen.writeStringField("path", path.wire);
      gen.writeNumberField("receivedAt", receivedAt);
      EndpointCatalogue.Geo geo = env.geo();
      if (geo != null) {
        gen.writeObjectFieldStart("geo");
        gen.writeStringField("country", geo.country());
        gen.writeStringField("region", geo.region());
        gen.writeNumberField("asn", geo.asn());
        gen.writeStringField("isp", geo.isp());
        gen.writeEndObject();
      }
      gen.writeObjectFieldStart("body");
      out.numbersAsStrings(numbersAsStrings);
      out.str("localID", env.userId());
      out.str("deviceID", env.deviceId());
      out.num("timestamp", trueMs + env.clockOffsetMs());
      body.write(out);
      out.numbersAsStrings(false);
      gen.writeEndObject();
      gen.writeEndObject();
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeNullable(String name, String value) throws IOException {
    if (value == null) {
      gen.writeNullField(name);
    } else {
      gen.writeStringField(name, value);
    }
  }

  /** A reusable in-memory output whose bytes are read in place. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1 << 14);
    }

    byte[] bytes() {
      return buf;
    }
  }
}
