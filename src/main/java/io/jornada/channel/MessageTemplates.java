package io.jornada.channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Message content by templateId, loaded once from a YAML file that marketers own.
 *
 * <p>Each entry has a {@code subject} and a {@code body}. Placeholders are {@code {name}}, or
 * {@code {name|fallback}} to use the fallback when the value is missing. A missing value without a
 * fallback fails the render, so a broken template is noticed instead of sending "Olá, !".
 */
class MessageTemplates {

  static final String DEFAULT = "default";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?:\\|([^}]*))?}");

  private final Map<String, Template> templates;

  private MessageTemplates(Map<String, Template> templates) {
    if (!templates.containsKey(DEFAULT)) {
      throw new IllegalStateException("message templates must define '" + DEFAULT + "'");
    }
    this.templates = Map.copyOf(templates);
  }

  static MessageTemplates load(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(root instanceof Map<?, ?> entries)) {
        throw new IllegalStateException(resource + " must map templateId to {subject, body}");
      }
      Map<String, Template> templates = new HashMap<>();
      entries.forEach(
          (id, value) -> {
            if (!(value instanceof Map<?, ?> fields)
                || !(fields.get("subject") instanceof String subject)
                || !(fields.get("body") instanceof String body)) {
              throw new IllegalStateException(
                  "template '" + id + "' in " + resource + " needs a text subject and body");
            }
            templates.put(String.valueOf(id), new Template(subject.strip(), body.strip()));
          });
      return new MessageTemplates(templates);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read message templates from " + resource, e);
    }
  }

  /**
   * Renders a template; a null templateId means {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException for an unknown templateId or a missing value
   */
  Rendered render(String templateId, Map<String, ?> values) {
    String id = templateId == null ? DEFAULT : templateId;
    Template template = templates.get(id);
    if (template == null) {
      throw new IllegalArgumentException("unknown message template '" + id + "'");
    }
    return new Rendered(fill(id, template.subject(), values), fill(id, template.body(), values));
  }

  private static String fill(String templateId, String text, Map<String, ?> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = values.get(m.group(1));
      String replacement;
      if (value != null && !value.toString().isBlank()) {
        replacement = value.toString();
      } else if (m.group(2) != null) {
        replacement = m.group(2);
      } else {
        throw new IllegalArgumentException(
            "message template '" + templateId + "' needs a value for '" + m.group(1) + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private record Template(String subject, String body) {}

  /** A rendered message. */
  record Rendered(String subject, String body) {}
}
