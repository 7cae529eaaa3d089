package io.jornada.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standalone engine in a process of its own, with a heap that can be measured from outside. */
final class EngineProcess implements AutoCloseable {

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Path jar;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final String maxHeap;
  private Process process;

  EngineProcess(Path jar, Path dataDir, Path log, int port, String maxHeap) {
    this.jar = jar;
    this.dataDir = dataDir;
    this.log = log;
    this.port = port;
    this.maxHeap = maxHeap;
  }

  /** Starts the engine and waits until it answers; returns how long that took. */
  Duration start() throws IOException, InterruptedException {
    long started = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + maxHeap, "-XX:+UseG1GC",
        "-cp", jar.toString(), "-Dloader.main=io.jornada.gateway.EngineApplication",
        "org.springframework.boot.loader.launch.PropertiesLauncher",
        "--server.port=" + port, "--jornada.engine.data-dir=" + dataDir, "--logging.level.root=WARN"));
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest topology = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/topology")).build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine stopped during start-up; see " + log);
      }
      try {
        if (http.send(topology, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
  }

  /** Heap in use after a full collection, in MB. */
  double heapUsedMb() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("cannot read the engine's heap from jcmd");
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  /** Stops the engine the friendly way (SIGTERM): it writes a snapshot before it exits. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(process.pid()), command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor();
    return output;
  }

  private static String javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }
}
