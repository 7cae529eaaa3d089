package io.jornada.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import io.jornada.scoring.SyntheticLead;
import io.jornada.scoring.SyntheticPopulation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The demo: once the application is ready, creates synthetic pt-BR leads through the
 * application's own HTTP API (the path a CRM would use), makes part of them engage, shows the
 * journeys finishing on a progress bar and prints a summary. Then it exits the application with
 * code 0, or 1 when no journey completed, unless {@code jornada.demo.keep-running} is set.
 *
 * <p>It listens to {@link ApplicationReadyEvent} rather than being an {@code ApplicationRunner}:
 * runners run before that event, and the journeys are deployed on it ({@code JourneyDeployer}).
 * The work runs on its own thread, which first waits for the thread that published the event to
 * finish all ready listeners, so the web server is up and the journeys are deployed.
 *
 * <p>Console output is the demo's only: lead ids, counts and scores, never names, e-mails or phones.
 */
@Component
@ConditionalOnProperty(prefix = "jornada.demo", name = "enabled", havingValue = "true")
class DemoRunner implements ApplicationListener<ApplicationReadyEvent> {

  static final String PROCESS_ID = "lead-nurture";

  private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
  private static final int API_LIMIT = 1000;
  private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
  private static final Duration TICK = Duration.ofMillis(500);
  private static final int BAR_WIDTH = 30;

  private final DemoProperties properties;
  private final ObjectProvider<CamundaClient> client;
  private final RestClient.Builder http;
  private final PrintStream console = System.out;
  private final boolean interactive = System.console() != null;
  private final AtomicBoolean launched = new AtomicBoolean();

  DemoRunner(DemoProperties properties, ObjectProvider<CamundaClient> client, RestClient.Builder http) {
    this.properties = properties;
    this.client = client;
    this.http = http;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!launched.compareAndSet(false, true)) {
      return;
    }
    Thread readyListeners = Thread.currentThread();
    ConfigurableApplicationContext context = event.getApplicationContext();
    Thread demo = new Thread(() -> runThenExit(context, readyListeners), "jornada-demo");
    demo.start();
  }

  private void runThenExit(ConfigurableApplicationContext context, Thread readyListeners) {
    String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    int code;
    try {
      readyListeners.join(STARTUP_WAIT.toMillis());
      if (!context.isActive()) {
        console.println("Jornada did not start; see the application log.");
        return;
      }
      DemoReport report = run(baseUrl);
      console.print(report.render());
      code = report.exitCode();
      if (code != 0) {
        console.println("No journey completed: see the application log.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = 130;
    } catch (RuntimeException e) {
      LOG.error("Demo failed", e);
      console.println("\nDemo failed: " + describe(e) + " (details in the application log)");
      code = 1;
    }
    if (properties.keepRunning()) {
      console.println("\nJornada keeps running at " + baseUrl
          + " (API under /api, engine REST API under /v2). Press Ctrl+C to stop.");
      return;
    }
    int result = code;
    System.exit(SpringApplication.exit(context, () -> result));
  }

  DemoReport run(String baseUrl) throws InterruptedException {
    RestClient api = http.clone().baseUrl(baseUrl).build();
    List<SyntheticLead> leads =
        new SyntheticPopulation(properties.seed(), Instant.now()).generate(properties.leads());
    Set<String> demoLeads =
        leads.stream().map(lead -> lead.profile().leadId()).collect(Collectors.toSet());
    Set<String> engaging = engaging(leads);
    console.printf("Jornada demo: %d synthetic leads (seed %d), %d of them will engage, on %s%n",
        leads.size(), properties.seed(), engaging.size(), baseUrl);

    long doneBefore = doneJourneys();
    long activeBefore = activeJourneys();
    Instant start = Instant.now();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger engaged = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    CountDownLatch fed = new CountDownLatch(1 + engaging.size());
    ScheduledExecutorService feeder = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "jornada-demo-feed");
      thread.setDaemon(true);
      return thread;
    });
    Random random = new Random(properties.seed());
    feeder.execute(() -> {
      try {
        for (SyntheticLead lead : leads) {
          if (!post(api, "/api/leads", leadBody(lead.profile()), rejected)) {
            if (engaging.contains(lead.profile().leadId())) {
              fed.countDown();
            }
            continue;
          }
          started.incrementAndGet();
          postHistory(api, lead, rejected);
          if (engaging.contains(lead.profile().leadId())) {
            long delay = 500 + random.nextInt(2000);
            int events = 1 + random.nextInt(3);
            feeder.schedule(() -> {
              try {
                if (engage(api, lead.profile(), events, rejected)) {
                  engaged.incrementAndGet();
                }
              } finally {
                fed.countDown();
              }
            }, delay, TimeUnit.MILLISECONDS);
          }
        }
      } finally {
        fed.countDown();
      }
    });

    Instant deadline = start.plus(properties.timeout());
    boolean timedOut = false;
    long done = 0;
    Progress progress = new Progress();
    try {
      while (true) {
        done = Math.max(0, doneJourneys() - doneBefore);
        boolean allFed = fed.getCount() == 0;
        long total = allFed ? started.get() : leads.size();
        progress.show(done, total);
        if (allFed && done >= started.get()) {
          progress.finish();
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          timedOut = true;
          progress.finish();
          break;
        }
        Thread.sleep(TICK.toMillis());
      }
    } finally {
      feeder.shutdownNow();
    }
    if (rejected.get() > 0) {
      console.printf("%d API calls were rejected (see the application log).%n", rejected.get());
    }

    long active = Math.max(0, activeJourneys() - activeBefore);
    Map<String, Long> perChannel = new TreeMap<>();
    boolean truncated = false;
    JsonNode outbox = get(api, "/api/outbox?limit=" + API_LIMIT);
    if (outbox != null) {
      truncated = outbox.size() >= API_LIMIT;
      for (JsonNode message : outbox) {
        if (demoLeads.contains(message.path("leadId").asText())) {
          perChannel.merge(message.path("channel").asText("unknown"), 1L, Long::sum);
        }
      }
    }
    List<DemoReport.QueuedLead> queued = new ArrayList<>();
    JsonNode queue = get(api, "/api/sales/queue?limit=" + API_LIMIT);
    if (queue != null) {
      for (JsonNode entry : queue) {
        String leadId = entry.path("leadId").asText();
        if (demoLeads.contains(leadId)) {
          List<String> reasons = new ArrayList<>();
          entry.path("reasons").forEach(reason -> reasons.add(reason.asText()));
          queued.add(new DemoReport.QueuedLead(leadId, entry.path("score").asDouble(), reasons));
        }
      }
    }
    return new DemoReport(
        started.get(),
        done,
        active,
        engaged.get(),
        perChannel,
        truncated,
        queued.size(),
        queued.subList(0, Math.min(5, queued.size())),
        Duration.between(start, Instant.now()),
        timedOut);
  }

  /** The leads with the highest true conversion probability engage: they are the ones worth a hand-off. */
  private Set<String> engaging(List<SyntheticLead> leads) {
    long count = Math.round(leads.size() * Math.max(0, Math.min(1, properties.engageShare())));
    return leads.stream()
        .sorted(Comparator.comparingDouble(SyntheticLead::trueProbability).reversed())
        .limit(count)
        .map(lead -> lead.profile().leadId())
        .collect(Collectors.toSet());
  }

  private static Map<String, Object> leadBody(LeadProfile profile) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("leadId", profile.leadId());
    body.put("name", profile.name());
    body.put("email", profile.email());
    body.put("phone", profile.phone());
    body.put("city", profile.city());
    body.put("company", profile.company());
    body.put("companySize", profile.companySize());
    body.put("source", profile.source());
    body.put("funnelStage", profile.funnelStage());
    body.put("consent", Map.of(
        "email", profile.consent().email(),
        "whatsapp", profile.consent().whatsapp(),
        "sms", profile.consent().sms()));
    body.put("preferredChannel", profile.preferredChannel());
    return body;
  }

  /** Posts the lead's past events (a CRM backfill): they shape its score but wake no journey. */
  private void postHistory(RestClient api, SyntheticLead lead, AtomicInteger rejected) {
    for (LeadEvent event : lead.events()) {
      Map<String, Object> body = Map.of(
          "eventId", event.eventId(),
          "type", event.type(),
          "channel", event.channel(),
          "occurredAt", event.occurredAt().toString());
      post(api, "/api/leads/" + lead.profile().leadId() + "/events", body, rejected);
    }
  }

  /**
   * Posts 1-3 engagement events on channels the lead consented to; ids are stable per seed. True
   * when at least one was accepted.
   */
  private boolean engage(RestClient api, LeadProfile profile, int events, AtomicInteger rejected) {
    List<String[]> kinds = new ArrayList<>();
    kinds.add(new String[] {"pricing_view", "web"});
    if (profile.consent().email()) {
      kinds.add(new String[] {"email_click", "email"});
    }
    if (profile.consent().whatsapp()) {
      kinds.add(new String[] {"whatsapp_reply", "whatsapp"});
    }
    kinds.add(new String[] {"form_submit", "web"});
    boolean accepted = false;
    for (int i = 0; i < events; i++) {
      String[] kind = kinds.get(Math.floorMod(profile.leadId().hashCode() + i, kinds.size()));
      String eventId = UUID.nameUUIDFromBytes(
              ("demo:" + properties.seed() + ":" + profile.leadId() + ":" + i)
                  .getBytes(StandardCharsets.UTF_8))
          .toString();
      Map<String, Object> body = Map.of(
          "eventId", eventId,
          "type", kind[0],
          "channel", kind[1],
          "properties", Map.of("source", "jornada-demo"));
      accepted |= post(api, "/api/leads/" + profile.leadId() + "/events", body, rejected);
    }
    return accepted;
  }

  /** Posts JSON; a rejection is counted and logged with its status only (bodies may hold personal data). */
  private static boolean post(RestClient api, String path, Object body, AtomicInteger rejected) {
    try {
      api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
          .toBodilessEntity();
      return true;
    } catch (RestClientException e) {
      rejected.incrementAndGet();
      LOG.warn("Demo: POST {} failed: {}", path, describe(e));
      return false;
    }
  }

  private JsonNode get(RestClient api, String path) {
    try {
      return api.get().uri(path).retrieve().body(JsonNode.class);
    } catch (RestClientException e) {
      LOG.warn("Demo: GET {} failed", path, e);
      console.println("  (could not read " + path + ": " + describe(e) + ")");
      return null;
    }
  }

  /** Completed and terminated journeys (a search the engine cannot answer counts 0). */
  private long doneJourneys() {
    return count(ProcessInstanceState.COMPLETED) + count(ProcessInstanceState.TERMINATED);
  }

  private long activeJourneys() {
    return count(ProcessInstanceState.ACTIVE);
  }

  private long count(ProcessInstanceState state) {
    try {
      Long total = client.getObject()
          .newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId(PROCESS_ID).state(state))
          .page(p -> p.limit(1))
          .send()
          .join()
          .page()
          .totalItems();
      return total == null ? 0 : total;
    } catch (RuntimeException e) {
      LOG.debug("Demo: process instance search ({}) failed", state, e);
      return 0;
    }
  }

  private static String describe(Exception e) {
    if (e instanceof RestClientResponseException response) {
      return "HTTP " + response.getStatusCode().value();
    }
    return e.getClass().getSimpleName();
  }

  /** The progress bar: redrawn in place on a terminal, a line every few seconds otherwise (CI logs). */
  private final class Progress {
    private String last = "";
    private Instant lastLine = Instant.EPOCH;

    void show(long done, long total) {
      String bar = DemoReport.progressBar(done, total, BAR_WIDTH);
      if (interactive) {
        console.print("\r" + bar);
        console.flush();
      } else if (!bar.equals(last) && Instant.now().isAfter(lastLine.plusSeconds(5))) {
        console.println(bar);
        lastLine = Instant.now();
      }
      last = bar;
    }

    /** Ends the bar with its last value, which a CI log might have skipped. */
    void finish() {
      console.println(interactive ? "" : last);
    }
  }
}
