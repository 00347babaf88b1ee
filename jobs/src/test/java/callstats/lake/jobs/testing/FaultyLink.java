package callstats.lake.jobs.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP proxy on a loopback port in front of an S3 endpoint that fails on demand, so tests see real network
 * faults through S3A's HTTP client: pass-through; down (every open and every new connection is reset); the next
 * n requests answered with {@code 503 SlowDown} or reset; slow (each forwarded chunk delayed, for a while).
 *
 * <p>It reads HTTP/1.1 requests on each client connection (head, then a Content-Length body; a chunked request is
 * piped through as it is), so a fault hits a whole request even on a kept-alive connection: the failed request is
 * never forwarded, and its connection is closed after the error. Responses are piped back unparsed. Costs two
 * threads per connection.
 */
public final class FaultyLink implements AutoCloseable {

  /** How {@link #failNext} fails a request. */
  public enum Failure { SLOW_DOWN, RESET }

  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "faulty-link");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger failBudget = new AtomicInteger();
  private volatile Failure failure = Failure.SLOW_DOWN;
  private volatile boolean down;
  private volatile long slowMillis;
  private volatile long slowUntilNanos;

  private record Trigger(Predicate<String> requestLine, Runnable action) {}

  private FaultyLink(ServerSocket server, String upstreamHost, int upstreamPort) {
    this.server = server;
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
  }

  /** Starts a link to {@code http://upstreamHost:upstreamPort}, passing everything through. */
  public static FaultyLink start(String upstreamHost, int upstreamPort) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    FaultyLink link = new FaultyLink(server, upstreamHost, upstreamPort);
    link.threads.execute(link::acceptLoop);
    return link;
  }

  /** Starts a link in front of an S3 endpoint URI such as {@code http://127.0.0.1:PORT}. */
  public static FaultyLink in(String endpoint) throws IOException {
    java.net.URI u = java.net.URI.create(endpoint);
    return start(u.getHost(), u.getPort());
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Every request goes through unchanged, at full speed; pending {@link #onFirst} actions are dropped. */
  public void passThrough() {
    triggers.clear();
    down = false;
    failBudget.set(0);
    slowMillis = 0;
  }

  /** The store goes away: open connections are reset, new ones are accepted and reset before any byte is read. */
  public void down() {
    down = true;
    for (Socket s : open) {
      reset(s);
    }
  }

  /** The next {@code n} requests fail the given way (not forwarded; connection closed); then pass-through. */
  public void failNext(int n, Failure how) {
    failure = how;
    failBudget.set(n);
  }

  /** Delays every forwarded chunk, both ways, by {@code perChunk} for the next {@code during}. */
  public void slow(Duration perChunk, Duration during) {
    slowUntilNanos = System.nanoTime() + during.toNanos();
    slowMillis = perChunk.toMillis();
  }

  /** Runs {@code action} once, when the first request whose request line (e.g. "PUT /bucket/key HTTP/1.1") matches
   *  arrives, before that request is handled: a fault it switches on hits that request. */
  public void onFirst(Predicate<String> requestLine, Runnable action) {
    triggers.add(new Trigger(requestLine, action));
  }

  /** Requests seen (whole HTTP requests, failed ones included). */
  public int requests() {
    return requests.get();
  }

  /** Requests failed by {@link #failNext}. */
  public int failed() {
    return failed.get();
  }

  /** Connections reset on arrival while {@link #down}: the client's connection attempts. */
  public int refused() {
    return refused.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      reset(s);
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (down) {
          refused.incrementAndGet();
          reset(client);
          continue;
        }
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        // closed
      }
    }
  }

  /** Reads requests off one client connection and forwards or fails each. */
  private void serve(Socket client) {
    Socket upstream = null;
    try {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] head = readHead(in);
        if (head == null) {
          return;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String requestLine = text.substring(0, text.indexOf("\r\n"));
        requests.incrementAndGet();
        for (Trigger t : triggers) {
          if (t.requestLine().test(requestLine) && triggers.remove(t)) {
            t.action().run();
          }
        }
        if (down) {
          reset(client);
          return;
        }
        if (failBudget.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          failed.incrementAndGet();
          fail(client, in, out, requestLine, text);
          return;
        }
        if (upstream == null) {
          upstream = new Socket(upstreamHost, upstreamPort);
          open.add(upstream);
          Socket from = upstream;
          threads.execute(() -> pipeResponses(from, client));
        }
        OutputStream up = upstream.getOutputStream();
        pause();
        up.write(head);
        if (header(text, "transfer-encoding") != null) {
          copy(in, up, Long.MAX_VALUE);
          return;
        }
        String length = header(text, "content-length");
        copy(in, up, length == null ? 0 : Long.parseLong(length.trim()));
        up.flush();
      }
    } catch (IOException e) {
      // a reset or closed peer ends the connection
    } finally {
      closeQuietly(client);
      if (upstream != null) {
        closeQuietly(upstream);
      }
    }
  }

  private void fail(Socket client, InputStream in, OutputStream out, String requestLine, String head)
      throws IOException {
    if (failure == Failure.RESET) {
      reset(client);
      return;
    }
    String length = header(head, "content-length");
    boolean waitsForContinue = "100-continue".equalsIgnoreCase(String.valueOf(header(head, "expect")).trim());
    if (length != null && !waitsForContinue) {
      copy(in, OutputStream.nullOutputStream(), Long.parseLong(length.trim()));
    }
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
        + "<Message>Please reduce your request rate.</Message><RequestId>faulty-link-" + failed.get()
        + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
    boolean headRequest = requestLine.startsWith("HEAD ");
    String response = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nx-amz-request-id: faulty-link-"
        + failed.get() + "\r\nContent-Length: " + (headRequest ? 0 : body.length) + "\r\nConnection: close\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    if (!headRequest) {
      out.write(body);
    }
    out.flush();
    client.shutdownOutput();
  }

  private void pipeResponses(Socket upstream, Socket client) {
    try {
      copy(upstream.getInputStream(), client.getOutputStream(), Long.MAX_VALUE);
    } catch (IOException e) {
      // either side went away
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  /** Copies up to {@code n} bytes (until end of stream for Long.MAX_VALUE), pausing before each chunk when slow. */
  private void copy(InputStream in, OutputStream out, long n) throws IOException {
    byte[] buf = new byte[16 * 1024];
    long left = n;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        if (n != Long.MAX_VALUE) {
          throw new IOException("connection closed inside a request body");
        }
        return;
      }
      pause();
      out.write(buf, 0, r);
      out.flush();
      left -= n == Long.MAX_VALUE ? 0 : r;
    }
  }

  private void pause() throws IOException {
    long ms = slowMillis;
    if (ms > 0 && System.nanoTime() < slowUntilNanos) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** The request head up to and including the blank line, or null at a clean end of stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("connection closed inside a request head");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
      }
    }
    return head.toByteArray();
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1);
      }
    }
    return null;
  }

  private void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed
    }
    closeQuietly(s);
  }

  private void closeQuietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
