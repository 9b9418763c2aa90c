package io.claudebaseline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one moto server per JVM, on 127.0.0.1 at a free port, wiped before every test.
 *
 * <p>Use {@code @ExtendWith(MotoServer.class)} on a test class and take a {@link MotoServer} (or a
 * {@link MotoFixtures}) as a test or lifecycle method parameter. The server is started by
 * {@code tools/moto/launcher.py}, which adds the IAM service-specific-credential APIs moto lacks; it stops
 * when the JVM exits (a shutdown hook, and the launcher also exits when its stdin closes).
 *
 * <p>State is shared by the whole JVM, so test classes using it must not run in parallel (JUnit's default).
 *
 * <p>Settings (system properties): {@code cb.python} (default: the provisioned venv's python, else {@code python3}), {@code cb.moto.launcher}
 * (default: {@code tools/moto/launcher.py} found above the working directory), {@code cb.moto.endpoint}
 * (use an already running moto instead of starting one).
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** Static credentials moto accepts; fake by construction, so safe to appear anywhere. */
    public static final String ACCESS_KEY_ID = "AKIAMOTOTESTKEY00000";
    public static final String SECRET_ACCESS_KEY = "moto-test-secret-not-a-real-key";
    /** moto's default account: the management account of the organisation tests create. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Object LOCK = new Object();
    private static MotoServer instance;

    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** For JUnit's {@code @ExtendWith}; the running server is {@link #get()}. */
    public MotoServer() {
        this.endpoint = null;
    }

    private MotoServer(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The server of this JVM, started on first use. Fails with a message saying what to install if it cannot start. */
    public static MotoServer get() {
        synchronized (LOCK) {
            if (instance == null) {
                String external = System.getProperty("cb.moto.endpoint");
                instance = new MotoServer(external != null && !external.isBlank() ? external : start());
            }
            return instance;
        }
    }

    /** e.g. {@code http://127.0.0.1:41234}: pass as the engine's endpoint URL. */
    public String endpoint() {
        return endpoint;
    }

    /** Environment map with fake static credentials and a region, as the Jenkins step would pass. */
    public Map<String, String> environment() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "AWS_REGION", "us-east-1");
    }

    /** Helpers that create organisations, OUs, accounts, trails, shadow users and keys in this server. */
    public MotoFixtures fixtures() {
        return new MotoFixtures(this);
    }

    /**
     * An engine whose AWS clients talk to this server with the test settings (2 attempts, 1 ms backoff, no rate
     * limit). Pair it with {@link #request}.
     */
    public io.claudebaseline.engine.BaselineEngine engine() {
        return engine(io.claudebaseline.aws.AwsClientSettings.forTests());
    }

    /** As {@link #engine()}, with {@code faults} between the SDK and moto. */
    public io.claudebaseline.engine.BaselineEngine engine(FaultInjector faults) {
        return engine(io.claudebaseline.aws.AwsClientSettings.forTests().withHttpClientDecorator(faults));
    }

    /** An engine with explicit client settings (e.g. a real rate limit for a benchmark). */
    public io.claudebaseline.engine.BaselineEngine engine(io.claudebaseline.aws.AwsClientSettings settings) {
        return new io.claudebaseline.engine.BaselineEngine((io.claudebaseline.aws.AwsClientsFactory) (r, secrets, progress) -> io.claudebaseline.aws.AwsClientFactory.create(r, settings, secrets, progress));
    }

    /** A request for {@code action} on {@code config}, pointed at this server with fake static credentials. */
    public io.claudebaseline.engine.api.EngineRequest.Builder request(io.claudebaseline.engine.api.Action action, Path config) {
        return io.claudebaseline.engine.api.EngineRequest.builder(action, config).endpointUrl(endpoint).environment(environment());
    }

    /** Wipes all state (POST /moto-api/reset). */
    public void reset() {
        HttpResponse<String> response = post("/moto-api/reset");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset at " + endpoint + " answered HTTP " + response.statusCode());
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + endpoint + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to moto", e);
        }
    }

    private HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + path)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            get();
        } catch (org.opentest4j.TestAbortedException skipped) {
            // Reported by beforeEach, per test: a class aborted here would vanish from the test reports.
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        get().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == MotoServer.class || type == MotoFixtures.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        MotoServer server = get();
        return parameterContext.getParameter().getType() == MotoServer.class ? server : server.fixtures();
    }

    // ---------------------------------------------------------------- starting the launcher

    /**
     * The python of the virtual environment {@code tools/provision-test-tools.sh} creates (on ci.jenkins.io), when it
     * exists; else {@code python3} from the PATH.
     */
    private static String provisionedPython(Path launcher) {
        Path venv = launcher.getParent().getParent().getParent().resolve("target/test-tools/moto-venv/bin/python3");
        return Files.isExecutable(venv) ? venv.toString() : "python3";
    }

    private static String start() {
        Path launcher = findLauncher();
        String python = System.getProperty("cb.python", provisionedPython(launcher));
        Path log;
        try {
            log = Files.createTempFile("claude-baseline-moto-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the moto log file: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(python, launcher.toString(), "--port", "0"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw MissingTool.missing("moto (python3 with moto 5.2.1)", "The AWS tests need python3 with moto 5.2.1 (pip install 'moto[server]==5.2.1'); "
                    + "could not run '" + python + "' (" + e.getMessage() + "). Set -Dcb.python=/path/to/python3 if it is elsewhere.", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "moto-shutdown"));

        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stop(process);
            throw new IllegalStateException("moto did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log, e);
        } catch (Exception e) {
            stop(process);
            throw new IllegalStateException("moto did not start: " + e.getMessage() + "; see " + log, e);
        }
        if (line == null || !line.startsWith("port=")) {
            String err = readQuietly(log);
            stop(process);
            throw MissingTool.missing("moto (python3 with moto 5.2.1)", "The AWS tests need python3 with moto 5.2.1 (pip install 'moto[server]==5.2.1'); "
                    + "the launcher " + launcher + " failed: " + (err.isBlank() ? "no output" : err.strip()), null);
        }
        // Keep draining stdout so the launcher never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (stdout.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // launcher gone
            }
        }, "moto-stdout");
        drain.setDaemon(true);
        drain.start();

        String endpoint = "http://127.0.0.1:" + Integer.parseInt(line.substring("port=".length()).trim());
        awaitReady(endpoint, process, log);
        return endpoint;
    }

    /** Polls POST /moto-api/reset until it answers 200 (the server thread can lag the port line). */
    private static void awaitReady(String endpoint, Process process, Path log) {
        MotoServer probe = new MotoServer(endpoint);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited during start-up: " + readQuietly(log).strip());
            }
            try {
                if (probe.post("/moto-api/reset").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused: keep polling
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for moto", e);
            }
        }
        stop(process);
        throw new IllegalStateException("moto at " + endpoint + " did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static Path findLauncher() {
        String configured = System.getProperty("cb.moto.launcher");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/moto/launcher.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/moto/launcher.py not found above " + Path.of("").toAbsolutePath()
                + "; set -Dcb.moto.launcher=/path/to/launcher.py");
    }

    private static void stop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
