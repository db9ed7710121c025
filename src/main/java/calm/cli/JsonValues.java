package calm.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a document built of maps, lists, arrays, strings, numbers, booleans and nulls (the explorer's and a
 * run's JSON) through jackson-core's generator, indented as Jackson's mapper indents: the same bytes,
 * without loading jackson-databind, which cost a small {@code calm explore --format json} 0.2 s of
 * its start (docs/benchmarks.md, "Fourteenth round"). Anything else is a programming error.
 */
final class JsonValues {
  private JsonValues() {}

  static String write(Object document) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JsonRenderer.FACTORY.createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      value(document, json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return text.toString();
  }

  private static void value(Object value, JsonGenerator json) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean truth) {
      json.writeBoolean(truth);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        value(entry.getValue(), json);
      }
      json.writeEndObject();
    } else if (value instanceof Object[] items) {
      json.writeStartArray();
      for (Object item : items) {
        value(item, json);
      }
      json.writeEndArray();
    } else if (value instanceof Iterable<?> items) {
      json.writeStartArray();
      for (Object item : items) {
        value(item, json);
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("no JSON value for a " + value.getClass().getName());
    }
  }
}
