package io.claudebaseline.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * moto 5.2.1 does not implement CloudTrail's LookupEvents (its CloudTrailResponse has no lookup_events), so this
 * endpoint on 127.0.0.1 stands in front of moto: it answers LookupEvents itself, in the CloudTrail JSON protocol
 * (API_LookupEvents.html: {@code Events[]} of EventId, EventName, ReadOnly, EventTime in epoch seconds,
 * EventSource, Username, Resources, and CloudTrailEvent, the whole record as a JSON string), from the records a test
 * gives it, and passes every other request to moto unchanged. It enforces what AWS documents: at most one lookup
 * attribute, MaxResults 1 to 50, StartTime/EndTime inclusive; it pages after {@link #PAGE} events (AWS may return
 * fewer than MaxResults with a NextToken) so the SDK's paginator is exercised.
 */
final class CloudTrailHistoryEndpoint implements AutoCloseable {
    static final int PAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final String moto;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ObjectNode> records = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> lookups = Collections.synchronizedList(new ArrayList<>());

    CloudTrailHistoryEndpoint(String motoEndpoint) throws IOException {
        this.moto = motoEndpoint;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The LookupEvents requests received, as sent. */
    List<JsonNode> lookups() {
        synchronized (lookups) {
            return List.copyOf(lookups);
        }
    }

    /** Adds a CloudTrail record (its userIdentity, eventTime, eventName, requestParameters, ...) to the history. */
    void add(ObjectNode record) {
        records.add(record);
    }

    /**
     * A successful call on a trail as CloudTrail records it (keys as in captured records: requestParameters with
     * {@code trailName} for PutEventSelectors, {@code name} for the others; responseElements with {@code trailARN}).
     */
    static ObjectNode trailCall(String eventName, Instant time, String trailName, String trailArn, String byRoleArn, JsonNode advancedSelectors) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.11");
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("arn", byRoleArn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/ops");
        id.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role").put("arn", byRoleArn);
        r.put("eventTime", time.toString());
        r.put("eventSource", "cloudtrail.amazonaws.com");
        r.put("eventName", eventName);
        r.put("awsRegion", "us-east-1");
        r.put("sourceIPAddress", "198.51.100.1");
        r.put("userAgent", "aws-cli/2");
        ObjectNode req = r.putObject("requestParameters");
        ObjectNode resp = r.putObject("responseElements");
        if ("PutEventSelectors".equals(eventName)) {
            req.put("trailName", trailName);
            req.set("advancedEventSelectors", advancedSelectors.deepCopy());
            resp.set("advancedEventSelectors", advancedSelectors.deepCopy());
        } else {
            req.put("name", trailName);
            if (eventName.equals("CreateTrail")) {
                req.put("s3BucketName", "org-trail-logs");
                resp.put("name", trailName);
            }
        }
        resp.put("trailARN", trailArn);
        r.put("requestID", UUID.randomUUID().toString());
        r.put("eventID", UUID.randomUUID().toString());
        r.put("readOnly", false);
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", true);
        r.put("recipientAccountId", "123456789012");
        r.put("eventCategory", "Management");
        return r;
    }

    /** Advanced selectors as a CloudTrail record writes them ({@code name}, {@code fieldSelectors}, {@code field}, {@code equals}). */
    static ArrayNode recordSelectors(boolean claudeData) {
        ArrayNode out = JSON.createArrayNode();
        ObjectNode mgmt = out.addObject();
        mgmt.put("name", "Management events");
        mgmt.putArray("fieldSelectors").addObject().put("field", "eventCategory").putArray("equals").add("Management");
        if (claudeData) {
            ObjectNode data = out.addObject();
            data.put("name", "claude-baseline: Claude Platform data events");
            ArrayNode f = data.putArray("fieldSelectors");
            f.addObject().put("field", "eventCategory").putArray("equals").add("Data");
            f.addObject().put("field", "resources.type").putArray("equals").add("AWS::AWSExternalAnthropic::Workspace");
        }
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        try {
            if (target != null && target.endsWith(".LookupEvents")) {
                lookup(exchange, JSON.readTree(body));
            } else {
                forward(exchange, body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private void lookup(HttpExchange exchange, JsonNode request) throws IOException {
        lookups.add(request);
        JsonNode attributes = request.path("LookupAttributes");
        if (attributes.size() > 1) {
            error(exchange, "InvalidLookupAttributesException", "LookupAttributes can contain only one item");
            return;
        }
        int max = request.path("MaxResults").asInt(50);
        if (max < 1 || max > 50) {
            error(exchange, "InvalidMaxResultsException", "MaxResults must be 1 to 50");
            return;
        }
        String key = attributes.size() == 1 ? attributes.get(0).path("AttributeKey").asText() : null;
        String value = attributes.size() == 1 ? attributes.get(0).path("AttributeValue").asText() : null;
        Instant start = request.has("StartTime") ? Instant.ofEpochMilli((long) (request.get("StartTime").asDouble() * 1000)) : Instant.EPOCH;
        Instant end = request.has("EndTime") ? Instant.ofEpochMilli((long) (request.get("EndTime").asDouble() * 1000)) : Instant.now();
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (records) {
            for (ObjectNode r : records) {
                Instant t = Instant.parse(r.path("eventTime").asText());
                boolean attr = key == null || switch (key) {
                    case "EventName" -> value.equals(r.path("eventName").asText());
                    case "EventSource" -> value.equals(r.path("eventSource").asText());
                    default -> false;
                };
                if (attr && !t.isBefore(start) && !t.isAfter(end)) {
                    matching.add(r);
                }
            }
        }
        // Newest first, as the event history lists them.
        matching.sort((a, b) -> b.path("eventTime").asText().compareTo(a.path("eventTime").asText()));
        int from = request.hasNonNull("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
        int to = Math.min(matching.size(), from + Math.min(max, PAGE));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode events = out.putArray("Events");
        for (ObjectNode r : matching.subList(from, to)) {
            ObjectNode e = events.addObject();
            e.put("EventId", r.path("eventID").asText());
            e.put("EventName", r.path("eventName").asText());
            e.put("ReadOnly", r.path("readOnly").asText());
            e.put("EventTime", Instant.parse(r.path("eventTime").asText()).getEpochSecond());
            e.put("EventSource", r.path("eventSource").asText());
            e.put("Username", r.path("userIdentity").path("arn").asText().replaceAll("^.*/", ""));
            ArrayNode res = e.putArray("Resources");
            String arn = r.path("responseElements").path("trailARN").asText(null);
            if (arn != null) {
                res.addObject().put("ResourceType", "AWS::CloudTrail::Trail").put("ResourceName", arn);
            }
            e.put("CloudTrailEvent", JSON.writeValueAsString(r));
        }
        if (to < matching.size()) {
            out.put("NextToken", Integer.toString(to));
        }
        send(exchange, 200, JSON.writeValueAsBytes(out));
    }

    private void error(HttpExchange exchange, String type, String message) throws IOException {
        send(exchange, 400, JSON.writeValueAsBytes(Map.of("__type", type, "message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] out) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(moto + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        r.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] out = r.body();
        boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || r.statusCode() == 204 || r.statusCode() == 304;
        exchange.sendResponseHeaders(r.statusCode(), noBody ? -1 : out.length == 0 ? -1 : out.length);
        if (!noBody && out.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
