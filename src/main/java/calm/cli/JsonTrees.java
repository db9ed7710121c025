package calm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Jackson's tree model, for the playground's replies, which it builds and reads whole. The commands
 * keep to jackson-core ({@link JsonRenderer#FACTORY}, {@link JsonValues}): the mapper loads some 500
 * classes of jackson-databind and builds its serializers in the interpreter, and a JSON or SARIF
 * report of a small file spent more time on that than on its check.
 */
final class JsonTrees {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonTrees() {}
}
