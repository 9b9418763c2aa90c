package io.claudebaseline.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which endpoint URLs the clients may send signed requests to. Every request carries a signature and, with temporary
 * credentials, the session token itself in a header, so a plain-HTTP endpoint on another machine hands them to
 * anyone on the path. The rule, shared by the CLI ({@code --endpoint-url}) and the Jenkins step ({@code endpointUrl}):
 * <ul>
 *   <li>{@code https://} to any host;</li>
 *   <li>{@code http://} to a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}): an emulator on the
 *       same machine, where nothing leaves it;</li>
 *   <li>{@code http://} to any other host only when the caller explicitly allows it
 *       ({@code --allow-insecure-endpoint} / {@code allowInsecureEndpoint: true}), with a warning;</li>
 *   <li>anything else is refused, saying why.</li>
 * </ul>
 * Host names are judged as written: no DNS lookup, so a name that merely resolves to 127.0.0.1 is not loopback.
 */
public final class EndpointRule {

    /** What to set to allow plain HTTP to another host, named in errors and warnings. */
    public static final String ALLOW_HINT = "allowInsecureEndpoint: true (Jenkins step) or --allow-insecure-endpoint (CLI)";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private EndpointRule() {
    }

    /**
     * The endpoint as a URI, or an {@link IllegalArgumentException} that names {@code source} and the fix.
     *
     * @param value         the URL as given
     * @param source        where it came from, e.g. {@code endpoint URL} or {@code AWS_ENDPOINT_URL}
     * @param allowInsecure the caller explicitly allowed plain HTTP to a non-loopback host
     */
    public static URI check(String value, String source, boolean allowInsecure) {
        String v = value.trim();
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " '" + v + "' is not a valid URL; give an http:// or https:// URL with a host"
                    + " (plain http:// only to a loopback address, e.g. http://127.0.0.1:5000)", e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(source + " '" + v + "' must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:5000");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost()) && !allowInsecure) {
            throw new IllegalArgumentException(source + " '" + v + "' is plain http:// to " + uri.getHost() + ", which is not a loopback"
                    + " address: requests carry a signature and the session token in a header, readable by anyone on the way."
                    + " Use https://, or an emulator on 127.0.0.1, or if this network path is trusted (a sidecar container, say)"
                    + " set " + ALLOW_HINT + ".");
        }
        return uri;
    }

    /** The warning to log for an allowed endpoint, if any: plain HTTP to a host that is not loopback. */
    public static Optional<String> warning(URI endpoint) {
        if (endpoint == null || !"http".equalsIgnoreCase(endpoint.getScheme()) || isLoopback(endpoint.getHost())) {
            return Optional.empty();
        }
        return Optional.of("WARNING: sending AWS requests over plain http:// to " + endpoint.getHost()
                + " (allowed by " + ALLOW_HINT + "): the request signature and any session token travel unencrypted.");
    }

    /** {@code localhost}, an IPv4 address in 127.0.0.0/8, or the IPv6 loopback, as written in the URL. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false; // a name: judged as written, never resolved
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: parsed, no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
