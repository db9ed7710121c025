package calm.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The playground's web server (the JDK's own): the page's files, the example programs of one
 * directory, and a small JSON API.
 *
 * <pre>
 * GET  /                        the page
 * GET  /api/examples            {"examples": ["04-bank-balance/ledger.calm", ...]}
 * GET  /api/example?name=NAME   the text of one example (text/plain)
 * POST /api/check   {"program"}                 {"report": ..., "mermaid": ...}
 * POST /api/explore {"program", "runs", "seed"} the explore JSON
 * </pre>
 *
 * Every failure is a JSON {@code {"error": message}} with a fitting status, and the server goes on
 * serving: a bad request costs at most one worker for the time limit.
 */
public final class PlaygroundServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WORKER_STACK = 256L * 1024 * 1024;
  /** Beyond this, a refused body is not read to its end: the connection is dropped instead. */
  private static final long DRAIN_BYTES = 64L * 1024 * 1024;

  private final HttpServer http;
  private final ExecutorService connections;
  private final ThreadPoolExecutor work;
  private final Analyzer analyzer;
  private final Examples examples;
  private final Limits limits;

  private PlaygroundServer(HttpServer http, Analyzer analyzer, Examples examples, Limits limits) {
    this.http = http;
    this.analyzer = analyzer;
    this.examples = examples;
    this.limits = limits;
    this.connections = Executors.newFixedThreadPool(4, daemon("calm-serve-http", 0));
    this.work = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(4 * limits.workers()), daemon("calm-serve-work", WORKER_STACK));
    http.setExecutor(connections);
    http.createContext("/", this::handle);
  }

  /** Starts a server on {@code host:port} (port 0: any free port) serving the examples under {@code dir}. */
  public static PlaygroundServer start(String host, int port, java.nio.file.Path dir, Analyzer analyzer, Limits limits)
      throws IOException {
    Examples examples = new Examples(dir);
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    PlaygroundServer server = new PlaygroundServer(http, analyzer, examples, limits);
    http.start();
    return server;
  }

  /** The address to open, such as {@code http://127.0.0.1:8080/}. */
  public URI address() {
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  @Override
  public void close() {
    http.stop(0);
    work.shutdownNow();
    connections.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      try {
        route(exchange);
      } catch (Failure f) {
        if (f.allow != null) {
          exchange.getResponseHeaders().set("Allow", f.allow);
        }
        sendError(exchange, f.status, f.reply);
      } catch (IOException e) {
        // the browser went away; nothing to answer
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        sendError(exchange, 500, Failure.message("internal error: " + e));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException, Failure {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/api/check" -> {
        requireMethod(method, "POST");
        JsonNode request = body(exchange);
        String program = program(request);
        sendJson(exchange, 200, withinLimit(() -> analyzer.check(program)));
      }
      case "/api/explore" -> {
        requireMethod(method, "POST");
        JsonNode request = body(exchange);
        String program = program(request);
        int runs = request.path("runs").asInt(Limits.DEFAULT_RUNS);
        long seed = request.path("seed").asLong(1);
        if (runs < 1 || runs > limits.maxRuns()) {
          throw new Failure(400, "runs must be between 1 and " + limits.maxRuns() + ", not " + runs);
        }
        sendJson(exchange, 200, withinLimit(() -> {
          try {
            return analyzer.explore(program, runs, seed);
          } catch (Analyzer.Rejected r) {
            ObjectNode reply = JSON.createObjectNode();
            reply.put("error", r.getMessage());
            if (r.reportJson() != null) {
              reply.setAll((ObjectNode) JSON.readTree(r.reportJson()));
            }
            throw new Failure(422, reply);
          }
        }));
      }
      case "/api/examples" -> {
        requireMethod(method, "GET");
        ObjectNode reply = JSON.createObjectNode();
        examples.names().forEach(reply.putArray("examples")::add);
        sendJson(exchange, 200, JSON.writeValueAsString(reply));
      }
      case "/api/example" -> {
        requireMethod(method, "GET");
        String name = query(exchange.getRequestURI().getRawQuery(), "name")
            .orElseThrow(() -> new Failure(400, "name the example: /api/example?name=DIR/FILE.calm"));
        String text = examples.read(name)
            .orElseThrow(() -> new Failure(404, "no example named '" + name + "'"));
        send(exchange, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
      }
      default -> {
        Optional<Assets.Asset> asset = Assets.lookup(path);
        if (asset.isEmpty()) {
          throw new Failure(404, "nothing here: " + path);
        }
        requireMethod(method, "GET");
        byte[] bytes = Assets.bytes(asset.get())
            .orElseThrow(() -> new Failure(500, "the jar lacks " + asset.get().resource()));
        send(exchange, 200, asset.get().contentType(), bytes);
      }
    }
  }

  /** Runs analyzer work on a worker thread, cancelling it when it takes longer than the limit. */
  private String withinLimit(Callable<String> task) throws Failure {
    Future<String> future;
    try {
      future = work.submit(task);
    } catch (RejectedExecutionException e) {
      throw new Failure(503, "the server is busy with other programs; try again in a moment");
    }
    try {
      return future.get(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Failure(504, "the program took longer than the " + limits.timeLimit().toSeconds()
          + " s the playground allows a request; it was stopped");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure(503, "the server is shutting down");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Failure f) {
        throw f;
      }
      if (cause instanceof StackOverflowError) {
        throw new Failure(422, "the program nests too deeply to analyze");
      }
      if (cause instanceof OutOfMemoryError) {
        throw new Failure(503, "the server ran out of memory on this program");
      }
      throw new Failure(500, "internal error: " + cause);
    }
  }

  private static void requireMethod(String actual, String allowed) throws Failure {
    if (!actual.equals(allowed)) {
      Failure f = new Failure(405, "use " + allowed + " here, not " + actual);
      f.allow = allowed;
      throw f;
    }
  }

  /** The request body as JSON, refused beyond the size limit before it is read whole. */
  private JsonNode body(HttpExchange exchange) throws IOException, Failure {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > limits.maxBodyBytes()) {
          drain(exchange);
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new Failure(400, "bad Content-Length: " + declared);
      }
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(limits.maxBodyBytes() + 1);
    }
    if (bytes.length > limits.maxBodyBytes()) {
      drain(exchange);
      throw tooLarge();
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new Failure(400, "the request body must be a JSON object such as {\"program\": \"...\"}");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Failure(400, "the request body is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Reads what is left of a refused body, up to a bound: a reply sent while the client is still
   * sending is lost to a connection reset, and the page would show a network error instead of ours.
   */
  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] sink = new byte[1 << 16];
      long left = DRAIN_BYTES;
      int n;
      while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
        left -= n;
      }
    }
  }

  private Failure tooLarge() {
    return new Failure(413, "the program is too large: the playground takes up to "
        + limits.maxBodyBytes() / 1024 + " KB");
  }

  private static String program(JsonNode request) throws Failure {
    JsonNode program = request.get("program");
    if (program == null || !program.isTextual()) {
      throw new Failure(400, "the request needs \"program\": the program text, as a string");
    }
    return program.asText();
  }

  private static Optional<String> query(String raw, String key) {
    if (raw == null) {
      return Optional.empty();
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      if (k.equals(key) && eq >= 0) {
        try {
          return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendError(HttpExchange exchange, int status, ObjectNode reply) {
    try {
      sendJson(exchange, status, JSON.writeValueAsString(reply));
    } catch (IOException | RuntimeException e) {
      // the response was already started, or the browser went away
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name, long stack) {
    return r -> {
      Thread t = new Thread(null, r, name, stack);
      t.setDaemon(true);
      return t;
    };
  }

  /** A request that ends with an error reply: {@code {"error": message, ...}}. */
  static final class Failure extends Exception {
    final int status;
    final ObjectNode reply;
    String allow;

    Failure(int status, String message) {
      this(status, message(message));
    }

    Failure(int status, ObjectNode reply) {
      super(reply.path("error").asText(), null, false, false);
      this.status = status;
      this.reply = reply;
    }

    static ObjectNode message(String message) {
      return JSON.createObjectNode().put("error", message);
    }
  }
}
