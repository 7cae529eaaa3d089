package io.jornada.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jornada.lead.JourneyOutbox;
import io.jornada.lead.LuaScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.RedisClient;

/**
 * Scores in Redis, one hash per lead, {@code jornada:lead:<leadId>:score}: {@code probability},
 * {@code band}, {@code reasons} (JSON array of {@code {feature, value, contribution}}; empty
 * after a re-score that did not explain itself), {@code modelVersion} and {@code scoredAt}
 * (ISO-8601).
 *
 * <p>A crossing's journey message goes to the {@link JourneyOutbox} in the script that replaces
 * the score: name {@code lead-hot} or {@code lead-cooling}, key the lead id, id {@code
 * <name>:<leadId>:<scoredAt>} (a replayed replacement is not correlated twice), variables {@code
 * score}, {@code band}, {@code reasons} (labels, see {@link LeadScore.Reason#label}) and {@code
 * modelVersion}, never merged with other entries.
 */
public class RedisLeadScoreStore implements LeadScoreStore {

  private static final TypeReference<List<LeadScore.Reason>> REASONS = new TypeReference<>() {};
  private static final String[] FIELDS = {"probability", "band", "reasons", "modelVersion", "scoredAt"};

  /**
   * Reads the previous probability, decides the crossing, appends its message and writes the new
   * score, in one step: two concurrent re-scores of a lead never both see the same previous score
   * (so never both append the same crossing), and the message exists exactly when its score was
   * stored (the append comes first, so a failed append stores nothing). KEYS[1] the hash, KEYS[2]
   * the journey outbox; ARGV[1..5] the five fields' values in FIELDS order (reasons '' for an
   * unexplained score), ARGV[6] the hot and ARGV[7] the cooling threshold,
   * ARGV[8] the hot and ARGV[9] the cooling message name ('' when no journey catches it),
   * ARGV[10] leadId, ARGV[11] message TTL millis, ARGV[12] message variables as JSON ('' when
   * this score can cross into no caught message, or is unexplained). Returns the message name
   * appended, '' for none, or '?' when the score crosses into a caught message but came without
   * the variables the message needs (an unexplained score): then nothing is written.
   */
  private static final String REPLACE =
      JourneyOutbox.LUA_APPEND
          + """
          local previous = redis.call('HGET', KEYS[1], 'probability')
          local crossed = ''
          if previous then
            local before, after = tonumber(previous), tonumber(ARGV[1])
            local hot, cooling = tonumber(ARGV[6]), tonumber(ARGV[7])
            if before < hot and hot <= after then
              crossed = ARGV[8]
            elseif before >= cooling and cooling > after then
              crossed = ARGV[9]
            end
          end
          if crossed ~= '' then
            if ARGV[12] == '' then
              return '?'
            end
            append_journey_message(KEYS[2], crossed, ARGV[10], crossed .. ':' .. ARGV[10] .. ':' .. ARGV[5],
              ARGV[11], ARGV[12], '0')
          end
          redis.call('HSET', KEYS[1], 'probability', ARGV[1], 'band', ARGV[2], 'reasons', ARGV[3],
            'modelVersion', ARGV[4], 'scoredAt', ARGV[5])
          return crossed
          """;

  private final RedisClient redis;
  private final ObjectMapper json;
  private final ObjectWriter reasonsWriter;
  private final JourneyOutbox outbox;
  private final LuaScript replace;

  /** @param outbox where crossings' journey messages go */
  public RedisLeadScoreStore(RedisClient redis, ObjectMapper json, JourneyOutbox outbox) {
    this.redis = redis;
    this.json = json;
    this.reasonsWriter = json.writerFor(REASONS);
    this.outbox = outbox;
    this.replace = new LuaScript(redis, REPLACE);
  }

  /** The lead's score hash. */
  public static String key(String leadId) {
    return "jornada:lead:" + leadId + ":score";
  }

  /**
   * One pipeline, one round trip, for all the scores, each replacement atomic on its own. Each
   * explained score's reasons are encoded once, and its labels built only when it may cross into
   * a caught message.
   */
  @Override
  public Set<String> replaceAll(List<StoredScore> scores, Crossings crossings) {
    if (scores.isEmpty()) {
      return Set.of();
    }
    String hot = Double.toString(crossings.hot());
    String cooling = Double.toString(crossings.cooling());
    String hotMessage = crossings.hotMessage() == null ? "" : crossings.hotMessage();
    String coolingMessage = crossings.coolingMessage() == null ? "" : crossings.coolingMessage();
    String timeToLive = Long.toString(crossings.timeToLive().toMillis());
    List<LuaScript.Call> calls = new ArrayList<>(scores.size());
    for (StoredScore score : scores) {
      String probability = Double.toString(score.probability());
      String reasons = score.explained() ? encode(score.reasons()) : "";
      String variables =
          score.explained() && crossings.mayAppend(score.probability()) ? outbox.variablesJson(variables(score)) : "";
      calls.add(new LuaScript.Call(
          List.of(key(score.leadId()), outbox.key()),
          List.of(probability, score.band(), reasons, score.modelVersion(), score.scoredAt().toString(),
              hot, cooling, hotMessage, coolingMessage, score.leadId(), timeToLive, variables)));
    }
    List<Object> results = replace.evalAll(calls);
    Set<String> unexplainedCrossings = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      if ("?".equals(LuaScript.text(results.get(i)))) {
        unexplainedCrossings.add(scores.get(i).leadId());
      }
    }
    return unexplainedCrossings;
  }

  /** What a crossing's journey message carries: the new score, replacing the journey's stale one. */
  private static Map<String, Object> variables(StoredScore score) {
    return Map.of(
        "score", score.probability(),
        "band", score.band(),
        "reasons", score.reasonLabels(),
        "modelVersion", score.modelVersion());
  }

  @Override
  public Optional<StoredScore> find(String leadId) {
    List<String> values = redis.hmget(key(leadId), FIELDS);
    if (values.get(0) == null) {
      return Optional.empty();
    }
    try {
      boolean explained = values.get(2) != null && !values.get(2).isEmpty();
      return Optional.of(new StoredScore(
          leadId, Double.parseDouble(values.get(0)), values.get(1),
          explained ? json.readValue(values.get(2), REASONS) : List.of(), values.get(3), Instant.parse(values.get(4)),
          explained));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt reasons in " + key(leadId), e);
    }
  }

  private String encode(List<LeadScore.Reason> reasons) {
    try {
      return reasonsWriter.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("reasons are not serializable", e);
    }
  }
}
