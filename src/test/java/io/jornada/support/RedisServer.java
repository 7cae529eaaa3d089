package io.jornada.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process for tests, on a free loopback port, without persistence.
 *
 * <p>Most tests share one server through {@link #shared()} and isolate themselves with {@link
 * #flushAll()}. Tests that stop Redis (outage tests) start their own with {@link #start()}, so they
 * never disturb the shared one. {@link #stop()} and {@link #restart()} keep the port, so clients
 * configured with {@link #url()} reconnect after a restart. Every server is stopped at JVM exit.
 */
public final class RedisServer {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
  private static RedisServer shared;

  private final Path executable;
  private final Path log;
  private final Path dataDir;
  private int port;
  private Process process;

  private RedisServer(Path executable, Path dataDir) throws IOException {
    this.executable = executable;
    this.dataDir = dataDir;
    this.log = Files.createTempFile("redis-server-", ".log");
    log.toFile().deleteOnExit();
  }

  /** The server shared by all tests of this JVM, started on first use. */
  public static synchronized RedisServer shared() {
    if (shared == null) {
      shared = start();
    }
    if (!shared.isRunning()) {
      shared.restart();
    }
    return shared;
  }

  /** Starts a new server of its own on a free port; it is stopped at JVM exit. */
  public static RedisServer start() {
    return start(null);
  }

  /**
   * Starts a new server of its own that keeps its data across {@link #stop()} and {@link
   * #restart()} (append-only file, fsync on every write), for outage tests that count what
   * survives a Redis restart.
   */
  public static RedisServer startDurable() {
    try {
      return start(Files.createTempDirectory("redis-data-"));
    } catch (IOException e) {
      throw new IllegalStateException("could not create a data directory for redis-server", e);
    }
  }

  private static RedisServer start(Path dataDir) {
    try {
      RedisServer server = new RedisServer(findExecutable(), dataDir);
      server.startOnFreePort();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "redis-server-stop"));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("could not start redis-server", e);
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the server; connections to it fail until {@link #restart()}. Data is lost. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the server again on the same port: empty, or with its data when durable. */
  public synchronized void restart() {
    stop();
    try {
      launch(port);
      awaitPing();
    } catch (IOException e) {
      throw new IllegalStateException("could not restart redis-server on port " + port, e);
    }
  }

  /** Deletes every key, so a test starts from an empty database. */
  public void flushAll() {
    String reply = command("FLUSHALL");
    if (!reply.startsWith("+OK")) {
      throw new IllegalStateException("FLUSHALL failed: " + reply);
    }
  }

  private void startOnFreePort() throws IOException {
    // Another process may grab the free port before redis-server binds it: try a few.
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      launch(port);
      try {
        awaitPing();
        return;
      } catch (IllegalStateException e) {
        stop();
        last = e;
      }
    }
    throw last;
  }

  private void launch(int port) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        executable.toString(),
        "--port", Integer.toString(port),
        "--bind", "127.0.0.1",
        "--save", ""));
    if (dataDir == null) {
      command.addAll(List.of("--appendonly", "no"));
    } else {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always", "--dir", dataDir.toString()));
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
  }

  private void awaitPing() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited with " + process.exitValue() + " on port " + port + ":\n" + logTail());
      }
      try {
        if (command("PING").startsWith("+PONG")) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      sleep(20);
    }
    throw new IllegalStateException(
        "redis-server did not answer PING on port " + port + " within " + STARTUP_TIMEOUT + ":\n" + logTail());
  }

  /** One inline command over a raw socket, so this class depends on no Redis client. */
  private String command(String command) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder reply = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        reply.append((char) c);
      }
      return reply.toString();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server on port " + port + " is not answering", e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path findExecutable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "redis-server is not on the PATH; the tests need a real Redis 7 "
            + "(Debian/Ubuntu: apt-get install redis-server). PATH=" + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for redis-server", e);
    }
  }
}
