package io.claudebaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * An endpoint that accepts connections and never answers: each retry is a progress line naming the call and the
 * attempt, and the run ends with "timed out after N attempts" within the call timeout, instead of minutes of silence.
 */
// Runs beside the moto tests (core/pom.xml): its time goes to waiting on a socket that never answers.
@Execution(ExecutionMode.CONCURRENT)
class SilentEndpointTest {

    @TempDir
    Path dir;

    /** Accepts every connection and holds it open without a byte of answer. */
    private static final class SilentServer implements AutoCloseable {
        final ServerSocket socket;
        final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        final Thread acceptor;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void everyRetryOfACallThatGetsNoAnswerIsAProgressLine() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "version: 1\ntargets: [ou-ab12-11111111]\ncontrols: {protectWorkspaces: false}\n");
        AwsClientSettings settings = AwsClientSettings.forTests().withMaxAttempts(3)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(1500));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (SilentServer silent = new SilentServer()) {
            EngineRequest request = EngineRequest.builder(Action.PLAN, config).endpointUrl(silent.endpoint())
                    .environment(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE000000000", "AWS_SECRET_ACCESS_KEY", "x", "AWS_REGION", "us-east-1"))
                    .build();
            BaselineEngine engine = new BaselineEngine((AwsClientsFactory) (r, secrets, p) -> AwsClientFactory.create(r, settings, secrets, p));
            AwsOperationException e = catchThrowableOfType(AwsOperationException.class, () -> engine.run(request, progress::add));
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(AwsOperationException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("organizations:DescribeOrganization", "timed out after 3 attempts");
        }
        // One line per retry as it happens (on a loaded machine an attempt can time out before it is sent, which
        // prints no line; so the second line is not required, the first one is).
        assertThat(progress).contains("organizations:DescribeOrganization: attempt 1 of 3 got no answer within 1500 ms"
                + " (or the connection failed); trying again (attempt 2).");
        // The config's own warning (protectWorkspaces is off) comes first; every other line is a retry line.
        assertThat(progress).filteredOn(l -> !l.startsWith("warning: controls.protectWorkspaces")).allMatch(l -> l.matches("organizations:DescribeOrganization: attempt [12] of 3 got no answer within 1500 ms"
                + " \\(or the connection failed\\); trying again \\(attempt [23]\\)\\."));
    }

    @Test
    void theDefaultsBoundACallToAMinuteWithTenSecondAttempts() {
        AwsClientSettings d = AwsClientSettings.defaults();
        assertThat(d.apiCallTimeout()).isEqualTo(Duration.ofSeconds(AwsClientSettings.CALL_TIMEOUT_SECONDS)).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
