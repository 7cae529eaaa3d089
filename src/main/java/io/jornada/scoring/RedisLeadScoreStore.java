package io.jornada.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Scores in Redis, one hash per lead, {@code jornada:lead:<leadId>:score}: {@code probability},
 * {@code band}, {@code reasons} (JSON array of {@code {feature, value, contribution}}), {@code
 * modelVersion} and {@code scoredAt} (ISO-8601).
 */
public class RedisLeadScoreStore implements LeadScoreStore {

  private static final TypeReference<List<LeadScore.Reason>> REASONS = new TypeReference<>() {};
  private static final List<String> FIELDS = List.of("probability", "band", "reasons", "modelVersion", "scoredAt");

  /**
   * Reads the previous score and writes the new one in one step, so two concurrent re-scores of a
   * lead never both see the same previous score (and never both fire the same trigger). KEYS[1]
   * the hash; ARGV the five fields' values in FIELDS order. Returns the previous values.
   */
  private static final String REPLACE =
      """
      local previous = redis.call('HMGET', KEYS[1], 'probability', 'band', 'reasons', 'modelVersion', 'scoredAt')
      redis.call('HSET', KEYS[1], 'probability', ARGV[1], 'band', ARGV[2], 'reasons', ARGV[3],
        'modelVersion', ARGV[4], 'scoredAt', ARGV[5])
      return previous
      """;

  /** As REPLACE, returning only the previous probability (nil for a first score). */
  private static final String REPLACE_PROBABILITY =
      """
      local previous = redis.call('HGET', KEYS[1], 'probability')
      redis.call('HSET', KEYS[1], 'probability', ARGV[1], 'band', ARGV[2], 'reasons', ARGV[3],
        'modelVersion', ARGV[4], 'scoredAt', ARGV[5])
      return previous
      """;

  private final RedisClient redis;
  private final ObjectMapper json;

  public RedisLeadScoreStore(RedisClient redis, ObjectMapper json) {
    this.redis = redis;
    this.json = json;
  }

  static String key(String leadId) {
    return "jornada:lead:" + leadId + ":score";
  }

  @Override
  public Optional<StoredScore> replace(StoredScore score) {
    return previous(score.leadId(), redis.eval(REPLACE, List.of(key(score.leadId())), values(score)));
  }

  /**
   * One pipeline, one round trip, for all the scores; each replacement atomic on its own, and only
   * the previous probability read back (the previous reasons are not parsed).
   */
  @Override
  public List<OptionalDouble> replaceAll(List<StoredScore> scores) {
    List<Response<Object>> responses = new ArrayList<>(scores.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (StoredScore score : scores) {
        responses.add(pipeline.eval(REPLACE_PROBABILITY, List.of(key(score.leadId())), values(score)));
      }
      pipeline.sync();
    }
    List<OptionalDouble> previous = new ArrayList<>(scores.size());
    for (Response<Object> response : responses) {
      Object probability = response.get();
      previous.add(probability == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text(probability))));
    }
    return previous;
  }

  private List<String> values(StoredScore score) {
    return List.of(Double.toString(score.probability()), score.band(), encode(score.reasons()), score.modelVersion(),
        score.scoredAt().toString());
  }

  private Optional<StoredScore> previous(String leadId, Object previous) {
    List<String> fields = new ArrayList<>();
    for (Object value : (List<?>) previous) {
      fields.add(value == null ? null : text(value));
    }
    return decode(leadId, fields);
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }

  @Override
  public Optional<StoredScore> find(String leadId) {
    return decode(leadId, redis.hmget(key(leadId), FIELDS.toArray(String[]::new)));
  }

  private Optional<StoredScore> decode(String leadId, List<String> values) {
    if (values.get(0) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StoredScore(
          leadId, Double.parseDouble(values.get(0)), values.get(1), json.readValue(values.get(2), REASONS),
          values.get(3), Instant.parse(values.get(4))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt reasons in " + key(leadId), e);
    }
  }

  private String encode(List<LeadScore.Reason> reasons) {
    try {
      return json.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("reasons are not serializable", e);
    }
  }
}
