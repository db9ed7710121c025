package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonValues} writes what Jackson's mapper wrote before it (the explorer's and a run's JSON
 * are promised to scripts): random documents of every kind of value it takes, against the mapper.
 */
class JsonValuesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] TEXTS = {"", "a", "apple pie", "quote \" and \\ back", "line\nbreak\ttab",
      "\u0001control", "é→∀ 𝄞", "</script>", "1"};

  @Test
  void randomDocumentsAreWrittenAsTheMapperWritesThem() throws Exception {
    Random random = new Random(19);
    for (int i = 0; i < 500; i++) {
      Object document = value(random, 0);
      assertEquals(MAPPER.writeValueAsString(document), JsonValues.write(document), "document " + i);
    }
  }

  @Test
  void emptyContainersAndNullsAtTheTop() throws Exception {
    for (Object document : Arrays.asList(null, List.of(), Map.of(), new Object[0], "", 0, -1L, true)) {
      assertEquals(MAPPER.writeValueAsString(document), JsonValues.write(document));
    }
  }

  @Test
  void aValueOfAnotherKindIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> JsonValues.write(List.of(1.5)));
    assertThrows(IllegalArgumentException.class, () -> JsonValues.write(Map.of("x", new StringBuilder("y"))));
  }

  private static Object value(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 9);
    switch (kind) {
      case 0: return null;
      case 1: return TEXTS[random.nextInt(TEXTS.length)];
      case 2: return random.nextInt(2001) - 1000;
      case 3: return random.nextBoolean() ? Long.MIN_VALUE : random.nextLong();
      case 4: return random.nextBoolean();
      case 5: return random.nextInt();
      case 6: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(TEXTS[random.nextInt(TEXTS.length)] + i, value(random, depth + 1));
        }
        return map;
      }
      case 7: {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth + 1));
        }
        return list;
      }
      default: {
        Object[] array = new Object[random.nextInt(4)];
        for (int i = 0; i < array.length; i++) {
          array[i] = value(random, depth + 1);
        }
        return array;
      }
    }
  }
}
