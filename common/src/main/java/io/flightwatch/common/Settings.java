package io.flightwatch.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Typed, validated configuration of one service.
 *
 * <p>Each key is looked up in order: command-line options, then the config file ({@code --config FILE}, Java
 * properties), then the environment ({@code FLIGHTWATCH_BOOTSTRAP_SERVERS} for {@code bootstrap.servers}), then the
 * key's default. Every problem (unknown key, wrong type, invalid value, missing required key) is collected and reported
 * in one exception, so a user fixes a config file in one round.
 *
 * <p>Keys starting with {@code kafka.} are passed through, prefix removed, to every Kafka client (SASL/SSL settings for
 * real clusters).
 */
public final class Settings {

  public static final String ENV_PREFIX = "FLIGHTWATCH_";
  public static final String KAFKA_PREFIX = "kafka.";

  private final ConfigDef def;
  private final Map<String, Object> values;
  private final Map<String, String> kafkaPassthrough;

  private Settings(ConfigDef def, Map<String, Object> values, Map<String, String> kafkaPassthrough) {
    this.def = def;
    this.values = values;
    this.kafkaPassthrough = kafkaPassthrough;
  }

  /** Loads with the process environment. */
  public static Settings load(ConfigDef def, Path file, Map<String, String> overrides) {
    return load(def, file, System.getenv(), overrides);
  }

  public static Settings load(ConfigDef def, Path file, Map<String, String> env, Map<String, String> overrides) {
    List<String> problems = new ArrayList<>();
    Map<String, String> fromFile = file == null ? Map.of() : readFile(file, problems);
    // Defined keys are read by their exact variable name (envName); only kafka.* passthrough keys are derived from
    // variable names, since a '_' there cannot tell '.' from '-'.
    Map<String, String> fromEnv = fromEnvironment(env);

    Map<String, String> passthrough = new TreeMap<>();
    for (Map<String, String> layer : List.of(fromEnv, fromFile, overrides)) {
      layer.forEach((k, v) -> {
        if (k.startsWith(KAFKA_PREFIX)) {
          passthrough.put(k.substring(KAFKA_PREFIX.length()), v);
        }
      });
    }
    for (Map<String, String> layer : List.of(fromFile, overrides)) {
      for (String k : layer.keySet()) {
        if (!k.startsWith(KAFKA_PREFIX) && !def.names().contains(k)) {
          problems.add("unknown key '" + k + "'" + (layer == fromFile ? " in " + file : ""));
        }
      }
    }

    Map<String, Object> parsed = new LinkedHashMap<>();
    for (ConfigDef.ConfigKey key : def.configKeys().values()) {
      String raw = overrides.get(key.name);
      String origin = "command line";
      if (raw == null) {
        raw = fromFile.get(key.name);
        origin = String.valueOf(file);
      }
      if (raw == null) {
        raw = env.get(envName(key.name));
        origin = "environment " + envName(key.name);
      }
      Object value;
      try {
        if (raw != null) {
          value = ConfigDef.parseType(key.name, raw.strip(), key.type);
        } else if (key.hasDefault()) {
          value = key.defaultValue;
          origin = "default";
        } else {
          problems.add("missing required key '" + key.name + "': " + key.documentation);
          continue;
        }
        if (key.validator != null) {
          key.validator.ensureValid(key.name, value);
        }
        parsed.put(key.name, value);
      } catch (ConfigException e) {
        problems.add(e.getMessage() + " (from " + origin + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("invalid configuration, " + problems.size() + " problem(s):\n  - "
          + String.join("\n  - ", problems));
    }
    return new Settings(def, Collections.unmodifiableMap(parsed), Collections.unmodifiableMap(passthrough));
  }

  /** {@code bootstrap.servers} -> {@code FLIGHTWATCH_BOOTSTRAP_SERVERS}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX)) {
        out.put(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
      }
    });
    return out;
  }

  private static Map<String, String> readFile(Path file, List<String> problems) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      problems.add("cannot read config file " + file + ": " + e);
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  public ConfigDef definition() {
    return def;
  }

  public Object get(String key) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("no such config key: " + key);
    }
    return values.get(key);
  }

  public String getString(String key) {
    return (String) get(key);
  }

  public int getInt(String key) {
    return (Integer) get(key);
  }

  public long getLong(String key) {
    return (Long) get(key);
  }

  public boolean getBoolean(String key) {
    return (Boolean) get(key);
  }

  public double getDouble(String key) {
    return (Double) get(key);
  }

  @SuppressWarnings("unchecked")
  public List<String> getList(String key) {
    return (List<String>) get(key);
  }

  /** Client settings passed through from {@code kafka.*} keys (security, tuning). */
  public Map<String, String> kafkaPassthrough() {
    return kafkaPassthrough;
  }

  /** All parsed values, for logging at start-up (passwords are Kafka passthrough keys and are not included). */
  public Map<String, Object> values() {
    return values;
  }
}
