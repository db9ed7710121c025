package calm.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the page, from the jar: the playground's own, and the few editor and graph files it
 * takes from the CodeMirror and Mermaid WebJars. A request path is looked up in this fixed table,
 * never resolved as a path, so nothing else on the class path (or the disk) can be reached.
 */
final class Assets {
  /** Kept in step with the WebJar versions in pom.xml; ServeApiTest fetches each file. */
  static final String CODEMIRROR = "META-INF/resources/webjars/codemirror/5.65.16/";
  static final String MERMAID = "META-INF/resources/webjars/mermaid/11.14.0/";

  record Asset(String resource, String contentType) {}

  private static final String OWN = "calm/serve/";
  private static final String JS = "text/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";

  static final Map<String, Asset> TABLE = Map.of(
      "/", new Asset(OWN + "index.html", "text/html; charset=utf-8"),
      "/assets/playground.js", new Asset(OWN + "playground.js", JS),
      "/assets/calm-mode.js", new Asset(OWN + "calm-mode.js", JS),
      "/assets/playground.css", new Asset(OWN + "playground.css", CSS),
      "/vendor/codemirror/codemirror.js", new Asset(CODEMIRROR + "lib/codemirror.js", JS),
      "/vendor/codemirror/codemirror.css", new Asset(CODEMIRROR + "lib/codemirror.css", CSS),
      "/vendor/codemirror/simple.js", new Asset(CODEMIRROR + "addon/mode/simple.js", JS),
      "/vendor/codemirror/lint.js", new Asset(CODEMIRROR + "addon/lint/lint.js", JS),
      "/vendor/codemirror/lint.css", new Asset(CODEMIRROR + "addon/lint/lint.css", CSS),
      "/vendor/mermaid/mermaid.min.js", new Asset(MERMAID + "dist/mermaid.min.js", JS));

  private Assets() {}

  static Optional<Asset> lookup(String rawPath) {
    return Optional.ofNullable(TABLE.get(rawPath));
  }

  static Optional<byte[]> bytes(Asset asset) throws IOException {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(asset.resource())) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }
}
