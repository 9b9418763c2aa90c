package io.claudebaseline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket on 127.0.0.1, the JDK's client): load a page,
 * collect what the browser logs (console messages, CSP violations as Log entries and Audits issues), read the
 * rendered text ({@code innerText}: what a person sees, closed {@code <details>} excluded) and take a screenshot.
 * Test fixture; the Debian package {@code chromium} provides the browser ({@code .ci/run} installs it).
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<JsonNode>> waiters = new CopyOnWriteArrayList<>();
    private final List<String> waitingFor = new CopyOnWriteArrayList<>();
    private String session;

    /** The browser binary: $CHROMIUM, or chromium / chromium-browser / google-chrome on the PATH. */
    public static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    public HeadlessChromium(Path binary) throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-component-update",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1280,900", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String endpoint = endpoint();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(endpoint), new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Reads stderr until the browser says where DevTools listens; the rest of stderr is drained and dropped. */
    private String endpoint() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (IOException ignored) {
                        // the browser exited
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium did not start DevTools; its output was:\n" + seen);
    }

    /** What one page load showed. */
    public record Page(String visibleText, List<String> problems, byte[] screenshot, JsonNode headerBackground) {}

    /**
     * Starts the browser, or skips the calling test when none is installed — except under CI ({@code CI=true}),
     * where a missing browser fails, so a green CI run always includes the browser tests.
     */
    public static HeadlessChromium startOrSkip() throws Exception {
        Optional<Path> binary = find();
        if (binary.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("chromium is not installed; .ci/run installs it (apt-get install chromium)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(binary.isPresent(), "chromium not installed (apt-get install chromium)");
        return new HeadlessChromium(binary.get());
    }

    /** Loads {@code url} in a new tab, waits for the load event, and reads it back (screenshot up to 16,000 px). */
    public Page load(String url) throws Exception {
        return load(url, 16_000);
    }

    /** As {@link #load(String)}, the screenshot cut at {@code maxHeight} CSS pixels. */
    public Page load(String url, int maxHeight) throws Exception {
        JsonNode target = send(null, "Target.createTarget", Map.of("url", "about:blank"));
        session = send(null, "Target.attachToTarget", Map.of("targetId", target.get("targetId").asText(), "flatten", true))
                .get("sessionId").asText();
        send(session, "Page.enable", Map.of());
        send(session, "Runtime.enable", Map.of());
        send(session, "Log.enable", Map.of());
        send(session, "Audits.enable", Map.of());
        send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        CompletableFuture<JsonNode> loaded = waitFor("Page.loadEventFired");
        send(session, "Page.navigate", Map.of("url", url));
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Thread.sleep(300); // late console and audit events of the load

        String text = evaluate("document.body ? document.body.innerText : ''").asText();
        JsonNode background = evaluate("getComputedStyle(document.querySelector('header') || document.body).backgroundColor");
        JsonNode metrics = send(session, "Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1280,
                "height", Math.min(size.get("height").asDouble(), maxHeight), "scale", 1);
        byte[] png = Base64.getDecoder().decode(send(session, "Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data").asText());
        return new Page(text, problems(), png, background);
    }

    private JsonNode evaluate(String expression) throws Exception {
        JsonNode r = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("evaluating " + expression + " failed: " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /** Console errors and warnings, browser log entries, uncaught exceptions and inspector issues (CSP among them). */
    private List<String> problems() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (!session.equals(e.path("sessionId").asText())) {
                continue; // another tab's
            }
            if (e.path("params").path("entry").path("url").asText().endsWith("/favicon.ico")) {
                continue; // the browser asks for it by itself; Jenkins serves one, this test server does not
            }
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (method) {
                case "Log.entryAdded" -> out.add("log " + p.path("entry").path("level").asText() + " ["
                        + p.path("entry").path("source").asText() + "]: " + p.path("entry").path("text").asText()
                        + " " + p.path("entry").path("url").asText());
                case "Runtime.consoleAPICalled" -> out.add("console." + p.path("type").asText() + ": " + p.path("args"));
                case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
                case "Audits.issueAdded" -> out.add("issue " + p.path("issue").path("code").asText() + ": " + p.path("issue").path("details"));
                default -> {
                    // other events say nothing about the page's health
                }
            }
        }
        return out;
    }

    private CompletableFuture<JsonNode> waitFor(String method) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        waitingFor.add(method);
        waiters.add(f);
        return f;
    }

    private JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        events.add(msg);
                        String method = msg.path("method").asText();
                        for (int i = 0; i < waitingFor.size(); i++) {
                            if (waitingFor.get(i).equals(method)) {
                                waiters.get(i).complete(msg);
                            }
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is stopped below either way
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
