package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.serve.Analyzer;
import calm.serve.Limits;
import calm.serve.PlaygroundServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground's HTTP API, on an in-process server on a free port, with the real analyzer. */
class ServeApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path temp;
  static PlaygroundServer server;
  static Path examples;

  @BeforeAll
  static void start() throws IOException {
    examples = temp.resolve("examples");
    Files.createDirectories(examples.resolve("votes"));
    Files.copy(Path.of("examples/07-vote-counting/naive.calm"), examples.resolve("votes/naive.calm"));
    Files.writeString(examples.resolve("votes/README.md"), "not a program");
    Files.writeString(temp.resolve("secret.calm"), "table secret(x: int).\n");
    Files.createDirectories(temp.resolve("outside"));
    Files.writeString(temp.resolve("outside/hidden.calm"), "table hidden(x: int).\n");
    Files.createSymbolicLink(examples.resolve("link.calm"), temp.resolve("secret.calm"));
    Files.createSymbolicLink(examples.resolve("linked-dir"), temp.resolve("outside"));
    server = PlaygroundServer.start("127.0.0.1", 0, examples, new PlaygroundAnalyzer(), Limits.defaults());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(server.address().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(server.address().resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String programRequest(String program) throws Exception {
    return JSON.writeValueAsString(JSON.createObjectNode().put("program", program));
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    return JSON.readTree(response.body());
  }

  /** An error reply: the status, a JSON {"error"} naming what is wrong, and a server still serving. */
  static void assertError(HttpResponse<String> response, int status, String wording) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    String error = json(response).path("error").asText();
    assertTrue(error.contains(wording), error);
    assertEquals(200, get("/api/examples").statusCode(), "the server goes on serving");
  }

  @Test
  void addressIsLoopbackOnTheChosenPort() {
    assertEquals("127.0.0.1", server.address().getHost());
    assertTrue(server.address().getPort() > 0);
  }

  @Test
  void servesThePageAndItsVendoredFilesFromTheJar() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("CALM playground"));
    for (String asset : new String[] {"/assets/playground.js", "/assets/calm-mode.js", "/assets/playground.css",
        "/vendor/codemirror/codemirror.js", "/vendor/codemirror/codemirror.css", "/vendor/codemirror/simple.js",
        "/vendor/codemirror/lint.js", "/vendor/codemirror/lint.css", "/vendor/mermaid/mermaid.min.js"}) {
      HttpResponse<String> r = get(asset);
      assertEquals(200, r.statusCode(), asset);
      assertFalse(r.body().isEmpty(), asset);
    }
  }

  @Test
  void listsOnlyTheProgramsInsideTheDirectory() throws Exception {
    JsonNode list = json(get("/api/examples")).path("examples");
    assertEquals("[\"votes/naive.calm\"]", list.toString());
    HttpResponse<String> text = get("/api/example?name=votes/naive.calm");
    assertEquals(200, text.statusCode());
    assertEquals(Files.readString(examples.resolve("votes/naive.calm")), text.body());
  }

  @Test
  void refusesEveryPathOutsideItsAssetsAndExamples() throws Exception {
    String[] names = {"../secret.calm", "..%2Fsecret.calm", "%2e%2e/secret.calm", "%2E%2E%2Fsecret.calm",
        temp.resolve("secret.calm").toString(), "/etc/passwd", "link.calm", "linked-dir/hidden.calm",
        "votes/README.md", "votes/../../secret.calm", "votes%2F..%2F..%2Fsecret.calm"};
    for (String name : names) {
      assertError(get("/api/example?name=" + name), 404, "no example named");
    }
    for (String path : new String[] {"/../secret.calm", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../pom.xml",
        "/assets/%2e%2e/%2e%2e/pom.xml", "/vendor/codemirror/../../calm/serve/index.html",
        "/META-INF/MANIFEST.MF", "/calm/serve/index.html", "/etc/passwd"}) {
      HttpResponse<String> r = rawGet(path);
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " -> " + r.statusCode());
      assertFalse(r.body().contains("root:"), path);
    }
  }

  /** Sends the path as written, with no client-side normalisation of {@code ..}. */
  static HttpResponse<String> rawGet(String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(reply.substring(9, 12));
      String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
      return new FakeResponse(status, body);
    }
  }

  @Test
  void checkGivesTheCheckJsonAndTheMermaidGraph() throws Exception {
    String program = Files.readString(examples.resolve("votes/naive.calm"));
    HttpResponse<String> r = post("/api/check", programRequest(program));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode doc = json(r);
    JsonNode running = doc.path("report").path("outputs").path(0);
    assertEquals("running", running.path("relation").asText());
    assertEquals("needs-coordination", running.path("verdict").asText());
    assertTrue(doc.path("mermaid").asText().startsWith("flowchart") || doc.path("mermaid").asText().startsWith("graph"),
        doc.path("mermaid").asText());
  }

  @Test
  void checkOfAProgramWithErrorsGivesItsDiagnosticsAndNoGraph() throws Exception {
    JsonNode doc = json(post("/api/check", programRequest("table t(x: int).\nt(X) :- u(X).\n")));
    JsonNode d = doc.path("report").path("diagnostics").path(0);
    assertEquals("error", d.path("severity").asText());
    assertEquals(2, d.path("line").asInt());
    assertTrue(doc.path("mermaid").isNull());
  }

  @Test
  void exploreFindsTheWitnessOfAnOutputThatDiffers() throws Exception {
    String program = Files.readString(examples.resolve("votes/naive.calm"));
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("program", program).put("runs", 50).put("seed", 1));
    HttpResponse<String> r = post("/api/explore", body);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode output = json(r).path("outputs").path(0);
    assertEquals("running", output.path("relation").asText());
    assertTrue(output.path("observedOutcomes").asInt() > 1);
    JsonNode witness = output.path("witness");
    assertNotNull(witness.get("a"));
    assertTrue(witness.path("a").path("timeline").size() > 0);
    assertTrue(witness.path("b").path("timeline").size() > 0);
  }

  @Test
  void exploreOfAProgramThatNeverEndsStopsAtTheTickBound() throws Exception {
    String forever = "table n(x: int).\nn(0).\nn(X + 1)@next :- n(X).\noutput scratch o(x: int).\no(X) :- n(X).\n";
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("program", forever).put("runs", 5));
    HttpResponse<String> r = post("/api/explore", body);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode error = json(r).path("error");
    assertFalse(error.isNull(), r.body());
    assertTrue(error.path("message").asText().contains("" + PlaygroundAnalyzer.MAX_TICKS), error.toString());
  }

  @Test
  void exploreOfAProgramWithErrorsIsRefusedWithItsDiagnostics() throws Exception {
    HttpResponse<String> r = post("/api/explore", programRequest("table t(x: int).\nt(X) :- u(X).\n"));
    assertError(r, 422, "the program has errors");
    assertEquals(2, json(r).path("report").path("diagnostics").path(0).path("line").asInt());
  }

  @Test
  void tooManyRunsAreRefused() throws Exception {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("program", "table t(x: int).\n").put("runs", 1_000_000));
    assertError(post("/api/explore", body), 400, "runs must be between 1 and");
  }

  @Test
  void aTenMegabyteProgramGetsAClearError() throws Exception {
    String huge = "table t(x: int).\n" + "t(1).\n".repeat(10 * 1024 * 1024 / 6);
    assertError(post("/api/check", programRequest(huge)), 413, "the program is too large");
  }

  @Test
  void malformedRequestsGetClearJsonErrors() throws Exception {
    assertError(post("/api/check", "{not json"), 400, "not JSON");
    assertError(post("/api/check", "[1, 2]"), 400, "must be a JSON object");
    assertError(post("/api/check", "{\"program\": 42}"), 400, "\"program\"");
    assertError(post("/api/check", ""), 400, "");
    assertError(get("/api/check"), 405, "use POST");
    assertEquals("POST", get("/api/explore").headers().firstValue("Allow").orElse(""));
    assertError(post("/api/examples", "{}"), 405, "use GET");
    assertError(post("/", "{}"), 405, "use GET");
    assertError(get("/api/nothing"), 404, "nothing here");
    assertError(get("/api/example"), 400, "name the example");
  }

  @Test
  void workThatOutlastsTheTimeLimitIsCancelledAndTheServerGoesOn() throws Exception {
    Analyzer slow = new Analyzer() {
      @Override
      public String check(String program) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "{}";
      }

      @Override
      public String explore(String program, int runs, long seed) {
        return "{}";
      }
    };
    try (PlaygroundServer limited = PlaygroundServer.start("127.0.0.1", 0, examples, slow,
        new Limits(1 << 20, Duration.ofMillis(500), 10, 1))) {
      HttpRequest request = HttpRequest.newBuilder(limited.address().resolve("/api/check"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"program\": \"x\"}")).build();
      long started = System.nanoTime();
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      assertTrue(System.nanoTime() - started < 20_000_000_000L);
      assertEquals(504, r.statusCode(), r.body());
      assertTrue(JSON.readTree(r.body()).path("error").asText().contains("took longer than"));
      // the worker was interrupted, so the next request is served by it
      HttpResponse<String> again = CLIENT.send(HttpRequest.newBuilder(limited.address().resolve("/api/explore"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"program\": \"x\", \"runs\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, again.statusCode(), again.body());
    }
  }

  /** A reply read off a raw socket. */
  record FakeResponse(int statusCode, String body) implements HttpResponse<String> {
    @Override public HttpRequest request() { return null; }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
    @Override public URI uri() { return null; }
    @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
  }
}
