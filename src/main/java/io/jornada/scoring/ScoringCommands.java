package io.jornada.scoring;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The offline scoring commands behind {@code ./jornada train}, {@code evaluate} and {@code bench
 * scoring}. They read the same configuration as the application ({@code application.yaml},
 * {@code --jornada.scoring.…=value} arguments, environment) through a Spring context that starts
 * nothing else: no web server, no engine, no workers.
 *
 * <p>Each method returns the process exit code: 0 on success, 1 on bad data or option values (the
 * message names the file line and column), 2 on unknown options.
 */
public final class ScoringCommands {

  /** The reference "now" of synthetic evaluation, fixed so that reports are reproducible. */
  static final Instant EVALUATION_TIME = Instant.parse("2025-06-01T12:00:00Z");

  private ScoringCommands() {}

  /** {@code train [--data FILE.csv]}: trains on the CSV (or the synthetic population) and saves. */
  public static int train(String[] args, PrintStream out) {
    return run(args, Set.of("data"), out, (options, properties, context) -> {
      TrainingParameters parameters = properties.training().toParameters();
      Instant now = Instant.now();
      List<TrainingExample> rows;
      String source;
      if (options.containsKey("data")) {
        rows = LeadCsv.read(Path.of(options.get("data")));
        source = options.get("data");
      } else {
        rows = new SyntheticPopulation(properties.bootstrap().seed(), now)
            .generate(properties.bootstrap().populationSize()).stream().map(lead -> lead.example(now)).toList();
        source = "synthetic population (seed " + properties.bootstrap().seed() + ")";
      }
      TrainedModel model = new ModelTrainer(parameters).train(rows);
      try {
        ModelMetadata metadata = new ModelRegistry(properties.modelDir()).save(model, Instant.now());
        out.printf(Locale.ROOT, "train: version=%s rows=%d source=%s validation_auc=%.4f validation_log_loss=%.4f"
                + " calibration=%s rounds=%d model_dir=%s%n",
            metadata.version(), rows.size(), source, model.metrics().get("validationAuc"),
            model.metrics().get("validationLogLoss"), model.calibration().method(),
            model.metrics().get("rounds").intValue(), properties.modelDir());
      } finally {
        model.booster().dispose();
      }
      return 0;
    });
  }

  /**
   * {@code evaluate [--data FILE.csv] [--out DIR] [--leads N]}: without data, trains the model and
   * the logistic-regression baseline on the bootstrap population and measures both on N (default
   * 50,000) held-out synthetic leads; with data, measures the registry's latest model on the CSV.
   */
  public static int evaluate(String[] args, PrintStream out) {
    return run(args, Set.of("data", "out", "leads"), out, (options, properties, context) -> {
      Path dir = Path.of(options.getOrDefault("out", "target/evaluation"));
      ModelEvaluation.Result result;
      if (options.containsKey("data")) {
        List<TrainingExample> rows = LeadCsv.read(Path.of(options.get("data")));
        LoadedModel model = new BootstrapTraining(new ModelRegistry(properties.modelDir()), properties.bootstrap(),
            properties.training().toParameters(), Clock.systemUTC()).latestOrTrain();
        try {
          result = ModelEvaluation.stored(model, rows, options.get("data"), dir);
        } finally {
          model.booster().dispose();
        }
      } else {
        int heldOut = positive(options.getOrDefault("leads", "50000"), "--leads");
        long seed = properties.bootstrap().seed();
        result = ModelEvaluation.synthetic(properties.training().toParameters(),
            new SyntheticPopulation(seed, EVALUATION_TIME).generate(properties.bootstrap().populationSize()),
            new SyntheticPopulation(seed + 1_000_003, EVALUATION_TIME).generate(heldOut),
            EVALUATION_TIME, dir);
      }
      out.println("report: " + dir.resolve("report.md"));
      out.println(result.summary());
      return 0;
    });
  }

  /** {@code bench scoring [--leads N] [--single N]}: see {@link ScoringBenchmark}. */
  public static int benchScoring(String[] args, PrintStream out) {
    return run(args, Set.of("leads", "single"), out, (options, properties, context) -> {
      String redisUrl = context.getEnvironment().getProperty("jornada.redis.url", "redis://127.0.0.1:6379");
      new ScoringBenchmark(properties, redisUrl, out)
          .run(positive(options.getOrDefault("leads", "1000000"), "--leads"),
              positive(options.getOrDefault("single", "10000"), "--single"));
      return 0;
    });
  }

  private interface Command {
    int run(Map<String, String> options, ScoringProperties properties, ConfigurableApplicationContext context);
  }

  private static int run(String[] args, Set<String> known, PrintStream out, Command command) {
    Map<String, String> options = new HashMap<>();
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        System.err.println("unexpected argument '" + arg + "'");
        return 2;
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (name.contains(".")) {
        springArgs.add(arg);
      } else if (!known.contains(name)) {
        System.err.println("unknown option '--" + name + "'; this command takes " + known.stream().map(k -> "--" + k).toList());
        return 2;
      } else {
        if (value == null) {
          if (i + 1 >= args.length) {
            System.err.println("--" + name + " needs a value");
            return 2;
          }
          value = args[++i];
        }
        options.put(name, value);
      }
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CommandContext.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=WARN")
            .run(springArgs.toArray(String[]::new))) {
      return command.run(options, context.getBean(ScoringProperties.class), context);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Bad data, a bad option value or an incompatible model: the message says which.
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static int positive(String value, String option) {
    try {
      int number = Integer.parseInt(value.replace("_", ""));
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a positive whole number", e);
    }
    throw new IllegalArgumentException(option + " must be a positive whole number");
  }

  /** Binds the scoring configuration and nothing else. Not a component: scanning must skip it. */
  @EnableConfigurationProperties(ScoringProperties.class)
  static class CommandContext {}
}
