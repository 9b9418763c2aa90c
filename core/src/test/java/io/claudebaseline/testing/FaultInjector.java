package io.claudebaseline.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Puts AWS's strict behaviour in front of moto: an HTTP client decorator that answers chosen calls with the
 * error AWS would send (throttling, ConstraintViolation for size or slots, ConcurrentModification, AccessDenied,
 * a server error) or a timeout, in the wire format of the service's protocol, so the SDK's retry strategy, our
 * error translation and our call statistics see exactly what they would see from AWS.
 *
 * <p>Rules match an IAM action such as {@code organizations:AttachPolicy}, optionally skipping the first
 * {@code n} matching calls, and fire {@code times} times (-1: always). Every call seen is recorded, in order.
 * Use with {@code AwsClientSettings.withHttpClientDecorator(injector)}.
 */
public final class FaultInjector implements UnaryOperator<SdkHttpClient> {

    /** The faults AWS produces and moto does not. */
    public enum Fault {
        THROTTLE, ACCESS_DENIED, CONCURRENT_MODIFICATION, POLICY_TOO_LARGE, TOO_MANY_ATTACHMENTS, SERVER_ERROR,
        /** The request never reaches the server and the read times out. */
        TIMEOUT,
        /** The request reaches moto (the change happens) but the response is lost to a timeout. */
        TIMEOUT_AFTER_EFFECT
    }

    private record Rule(String iamAction, Fault fault, int skip, int times) {}

    private final List<Rule> rules = new ArrayList<>();
    private final List<Integer> seenPerRule = new ArrayList<>();
    private final List<Integer> firedPerRule = new ArrayList<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /** Fails every call of {@code iamAction} with {@code fault}. */
    public synchronized FaultInjector always(String iamAction, Fault fault) {
        return add(new Rule(iamAction, fault, 0, -1));
    }

    /** Fails the next call of {@code iamAction} once. */
    public synchronized FaultInjector once(String iamAction, Fault fault) {
        return add(new Rule(iamAction, fault, 0, 1));
    }

    /** Fails the {@code (skip+1)}-th call of {@code iamAction}, {@code times} times in a row (-1: forever). */
    public synchronized FaultInjector at(String iamAction, int skip, int times, Fault fault) {
        return add(new Rule(iamAction, fault, skip, times));
    }

    private FaultInjector add(Rule rule) {
        rules.add(rule);
        seenPerRule.add(0);
        firedPerRule.add(0);
        return this;
    }

    /** Every call seen so far, as IAM actions, in order (faulted ones included, each attempt once). */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** How many times rules fired. */
    public synchronized int fired() {
        return firedPerRule.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public SdkHttpClient apply(SdkHttpClient delegate) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                String action = iamActionOf(request);
                calls.add(action);
                Optional<Fault> fault = decide(action);
                if (fault.isEmpty()) {
                    return delegate.prepareRequest(request);
                }
                return switch (fault.get()) {
                    case TIMEOUT -> new Canned(() -> {
                        throw new SocketTimeoutException("Read timed out (injected)");
                    });
                    case TIMEOUT_AFTER_EFFECT -> {
                        ExecutableHttpRequest real = delegate.prepareRequest(request);
                        yield new Canned(() -> {
                            HttpExecuteResponse ignored = real.call();
                            ignored.responseBody().ifPresent(b -> {
                                try {
                                    b.close();
                                } catch (IOException e) {
                                    // discarded on purpose: the caller never sees this response
                                }
                            });
                            throw new SocketTimeoutException("Read timed out after the request was processed (injected)");
                        });
                    }
                    default -> new Canned(() -> errorResponse(action, fault.get()));
                };
            }

            @Override
            public String clientName() {
                return "FaultInjecting(" + delegate.clientName() + ")";
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    private synchronized Optional<Fault> decide(String action) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!r.iamAction().equalsIgnoreCase(action)) {
                continue;
            }
            int seen = seenPerRule.get(i);
            seenPerRule.set(i, seen + 1);
            int fired = firedPerRule.get(i);
            if (seen >= r.skip() && (r.times() < 0 || fired < r.times())) {
                firedPerRule.set(i, fired + 1);
                return Optional.of(r.fault());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- identifying the call

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");

    /** {@code service:Operation} from the SigV4 scope and the JSON target header or the query Action. */
    static String iamActionOf(HttpExecuteRequest request) {
        String service = request.httpRequest().firstMatchingHeader("Authorization").map(a -> {
            Matcher m = SCOPE.matcher(a);
            return m.find() ? m.group(1) : "unknown";
        }).orElse("unknown");
        Optional<String> target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
        String operation;
        if (service.equals("s3")) {
            // S3 is REST: the IAM action follows from the method and the query (ListObjectsV2 is s3:ListBucket).
            return "s3:" + s3Action(request);
        }
        if (target.isPresent()) {
            String t = target.get();
            operation = t.substring(t.lastIndexOf('.') + 1);
        } else {
            operation = queryAction(request).orElse("unknown");
        }
        return service + ":" + operation;
    }

    private static String s3Action(HttpExecuteRequest request) {
        var http = request.httpRequest();
        String method = http.method().name();
        if (method.equals("GET") && (http.firstMatchingRawQueryParameter("list-type").isPresent()
                || http.encodedPath().chars().filter(c -> c == '/').count() <= 1)) {
            return "ListBucket";
        }
        return switch (method) {
            case "GET", "HEAD" -> "GetObject";
            case "PUT" -> "PutObject";
            case "DELETE" -> "DeleteObject";
            default -> "unknown";
        };
    }

    private static Optional<String> queryAction(HttpExecuteRequest request) {
        Optional<String> fromUrl = request.httpRequest().firstMatchingRawQueryParameter("Action");
        if (fromUrl.isPresent()) {
            return fromUrl;
        }
        return request.contentStreamProvider().map(p -> {
            try (InputStream in = p.newStream()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String pair : body.split("&")) {
                    if (pair.startsWith("Action=")) {
                        return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
                    }
                }
                return "unknown";
            } catch (IOException e) {
                return "unknown";
            }
        });
    }

    // ---------------------------------------------------------------- AWS's error responses

    private static HttpExecuteResponse errorResponse(String action, Fault fault) {
        String service = action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
        boolean query = service.equals("iam") || service.equals("sts") || service.equals("s3");
        String code;
        String reason = null;
        int status = 400;
        switch (fault) {
            case THROTTLE -> code = switch (service) {
                case "organizations" -> "TooManyRequestsException";
                case "cloudtrail" -> "ThrottlingException";
                default -> "Throttling";
            };
            case ACCESS_DENIED -> {
                code = query ? "AccessDenied" : "AccessDeniedException";
                status = 403;
            }
            case CONCURRENT_MODIFICATION -> code = service.equals("organizations") ? "ConcurrentModificationException"
                    : service.equals("cloudtrail") ? "ConflictException" : "ConcurrentModification";
            case POLICY_TOO_LARGE -> {
                code = "ConstraintViolationException";
                reason = "POLICY_CONTENT_LIMIT_EXCEEDED";
            }
            case TOO_MANY_ATTACHMENTS -> {
                code = "ConstraintViolationException";
                reason = "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED";
            }
            case SERVER_ERROR -> {
                code = query ? "ServiceUnavailable" : "ServiceException";
                status = 500;
            }
            default -> throw new IllegalStateException("not an error response: " + fault);
        }
        // AWS's message text is deliberately distinctive so tests can prove it is never echoed to users.
        String message = "INJECTED-AWS-MESSAGE for " + action;
        String body;
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status).putHeader("x-amzn-RequestId", "fault-" + fault.name());
        if (service.equals("s3")) {
            // S3's REST error document has no ErrorResponse wrapper.
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message><RequestId>fault-" + fault.name() + "</RequestId></Error>";
            response.putHeader("Content-Type", "application/xml");
        } else if (query) {
            body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error><RequestId>fault-" + fault.name() + "</RequestId></ErrorResponse>";
            response.putHeader("Content-Type", "text/xml");
        } else {
            body = "{\"__type\":\"" + code + "\",\"Message\":\"" + message + "\"" + (reason == null ? "" : ",\"Reason\":\"" + reason + "\"") + "}";
            response.putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("x-amzn-ErrorType", code);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.putHeader("Content-Length", String.valueOf(bytes.length));
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }

    /** A prepared request whose outcome is decided by us. */
    private static final class Canned implements ExecutableHttpRequest {
        interface Call {
            HttpExecuteResponse call() throws IOException;
        }

        private final Call call;

        Canned(Call call) {
            this.call = call;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            return call.call();
        }

        @Override
        public void abort() {
            // nothing in flight
        }
    }
}
