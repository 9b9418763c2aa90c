package io.claudebaseline.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves one directory from 127.0.0.1 with the Content-Security-Policy Jenkins puts on build artifacts and
 * publishHTML pages (hudson.model.DirectoryBrowserSupport.CSP's default), so a browser renders a report exactly
 * as a Jenkins user would see it.
 */
public final class CspServer implements AutoCloseable {
    public static final String JENKINS_ARTIFACT_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

    private final HttpServer server;

    public CspServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
            Path file = root.resolve(name).normalize();
            exchange.getResponseHeaders().add("Content-Security-Policy", JENKINS_ARTIFACT_CSP);
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
            exchange.getResponseHeaders().add("Content-Type", type);
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url(String file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
