// URL shortener on the JDK's own HTTP server.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Shortener {
  private static final Pattern URL = Pattern.compile("^\\s*\\{\\s*\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\}\\s*$");
  private static final Map<String, String> urls = new HashMap<>();
  private static final Map<String, Integer> hits = new HashMap<>();
  private static int next = 1000;

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!body.isEmpty()) exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  static synchronized String shorten(String url) {
    String code = Integer.toString(next++, 36);
    urls.put(code, url);
    hits.put(code, 0);
    return code;
  }

  static synchronized String visit(String code) {
    String url = urls.get(code);
    if (url != null) hits.put(code, hits.get(code) + 1);
    return url;
  }

  static synchronized String stats(String code) {
    String url = urls.get(code);
    return url == null ? null : "{\"url\":" + quote(url) + ",\"hits\":" + hits.get(code) + "}";
  }

  static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("POST") && path.equals("/shorten")) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher matcher = URL.matcher(body);
      if (!matcher.matches()) {
        send(exchange, 400, "{\"error\":\"JSON with a url expected\"}");
        return;
      }
      String url = matcher.group(1).replace("\\/", "/");
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        send(exchange, 400, "{\"error\":\"only http and https URLs\"}");
        return;
      }
      String code = shorten(url);
      send(exchange, 201, "{\"code\":" + quote(code) + ",\"url\":" + quote(url) + "}");
    } else if (method.equals("GET") && path.startsWith("/stats/")) {
      String body = stats(path.substring(7));
      send(exchange, body == null ? 404 : 200, body == null ? "{\"error\":\"unknown\"}" : body);
    } else if (method.equals("GET")) {
      String url = visit(path.substring(1));
      if (url == null) {
        send(exchange, 404, "{\"error\":\"unknown\"}");
        return;
      }
      exchange.getResponseHeaders().set("Location", url);
      send(exchange, 302, "");
    } else {
      send(exchange, 405, "");
    }
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
    server.createContext("/", Shortener::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }
}
