package calm.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a document built of maps, lists, arrays, strings, numbers, booleans and nulls (the explorer's
 * and a run's JSON, a baseline) through jackson-core's generator, indented as Jackson's mapper
 * indents, and reads one back into maps, lists, strings, numbers, booleans and nulls: the same bytes
 * and values, without loading jackson-databind, which cost a small {@code calm explore --format json}
 * or {@code calm check --baseline} 0.2 s of its start (docs/benchmarks.md, "Fourteenth round").
 * Writing anything else is a programming error.
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
      value(Arrays.asList(items), json);
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

  /**
   * The first value of {@code text} (what follows it is ignored, as the mapper's {@code readTree}
   * ignores it), or null when the text holds none or a JSON null. Objects are insertion-ordered maps
   * whose later duplicate keys win.
   */
  static Object read(String text) throws IOException {
    try (JsonParser parser = JsonRenderer.FACTORY.createParser(text)) {
      return parser.nextToken() == null ? null : value(parser);
    }
  }

  private static Object value(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
