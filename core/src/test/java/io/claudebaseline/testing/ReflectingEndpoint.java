package io.claudebaseline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A hostile AWS endpoint on 127.0.0.1: it answers every request with an error that reflects the request back —
 * the Authorization header as the error code, the session token as the request id, and every header and the
 * whole body (STS's {@code ExternalId=...} included) as the message — in the wire format of the caller's
 * protocol (JSON with {@code X-Amz-Target}, else query/XML). Whatever the tool shows of such an error must
 * carry none of it. Every request it saw is recorded, so a test can prove the secrets really were sent.
 */
public final class ReflectingEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public ReflectingEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::reflect);
        server.start();
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request seen, as its headers and body. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void reflect(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(",", e.getValue())).collect(Collectors.joining("\n"));
        String everything = exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n" + headers + "\n\n" + body;
        requests.add(everything);
        String authorization = first(exchange, "Authorization");
        String token = first(exchange, "X-Amz-Security-Token");
        byte[] out;
        if (exchange.getRequestHeaders().containsKey("X-Amz-Target")) {
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            out = ("{\"__type\":" + json(authorization) + ",\"message\":" + json(everything) + "}").getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            out = ("<ErrorResponse><Error><Type>Sender</Type><Code>" + xml(authorization) + "</Code><Message>" + xml(everything)
                    + "</Message></Error><RequestId>" + xml(token) + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("x-amzn-RequestId", token.replaceAll("[\\r\\n]", ""));
        exchange.sendResponseHeaders(400, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static String first(HttpExchange exchange, String header) {
        List<String> v = exchange.getRequestHeaders().get(header);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Headers and body a test may look for in what the endpoint received. */
    public boolean received(String value) {
        return requests().stream().anyMatch(r -> r.contains(value));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** For a test's own checks: the environment a run against this endpoint gets (no real AWS anywhere). */
    public static Map<String, String> environment(String accessKeyId, String secretKey, String sessionToken) {
        return Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secretKey, "AWS_SESSION_TOKEN", sessionToken,
                "AWS_REGION", "us-east-1");
    }
}
