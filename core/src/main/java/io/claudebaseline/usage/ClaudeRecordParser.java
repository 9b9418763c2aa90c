package io.claudebaseline.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.claudebaseline.facts.AwsFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the Claude Platform records out of a trail. First a byte search for the quoted event source
 * ({@code "aws-external-anthropic.amazonaws.com"}): most of an organisation trail is other services' management
 * events, and this rejects them without tokenising anything. Records that pass are read with Jackson's streaming
 * parser into a {@link TrailEvent}, keeping only the fields the analysis uses; the event source is then checked
 * for real (the string can also appear in another service's request parameters, e.g. an IAM call naming the
 * service of a long-term key).
 */
final class ClaudeRecordParser {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] MARKER = ("\"" + AwsFacts.CLAUDE_EVENT_SOURCE + "\"").getBytes(StandardCharsets.US_ASCII);

    private ClaudeRecordParser() {}

    /** True when the record's bytes may be a Claude event (cheap; false positives are rejected by {@link #parse}). */
    static boolean mayBeClaude(byte[] bytes, int length) {
        byte first = MARKER[0];
        int last = length - MARKER.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < MARKER.length; j++) {
                if (bytes[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The Claude event in {@code bytes[0..length)}, or null when the record is another service's. */
    static TrailEvent parseIfClaude(byte[] bytes, int length) throws IOException {
        if (!mayBeClaude(bytes, length)) {
            return null;
        }
        try (JsonParser p = JSON.createParser(bytes, 0, length)) {
            return parse(p);
        }
    }

    /** As {@link #parseIfClaude(byte[], int)} for one record as text (a CloudWatch Logs message). */
    static TrailEvent parseIfClaude(String record) throws IOException {
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        return parseIfClaude(bytes, bytes.length);
    }

    private static TrailEvent parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a CloudTrail record is not a JSON object");
        }
        String time = null, source = null, name = null, region = null, ip = null, agent = null, code = null, message = null;
        String bearer = null;
        TrailEvent.Identity identity = TrailEvent.Identity.UNKNOWN;
        List<String> workspaces = new ArrayList<>(1);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "eventTime" -> time = text(p, value);
                case "eventSource" -> source = text(p, value);
                case "eventName" -> name = text(p, value);
                case "awsRegion" -> region = text(p, value);
                case "sourceIPAddress" -> ip = text(p, value);
                case "userAgent" -> agent = text(p, value);
                case "errorCode" -> code = text(p, value);
                case "errorMessage" -> message = text(p, value);
                case "userIdentity" -> identity = identity(p, value);
                case "resources" -> workspaces(p, value, workspaces);
                case "requestParameters" -> bearer = bearerTokenType(p, value);
                default -> p.skipChildren();
            }
        }
        if (!AwsFacts.CLAUDE_EVENT_SOURCE.equals(source)) {
            return null;
        }
        if (time == null) {
            throw new IOException("a Claude record has no eventTime");
        }
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new IOException("a Claude record has an unreadable eventTime", e);
        }
        return new TrailEvent(at, source, name, region, ip, agent, code, message, identity, workspaces, bearer);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static TrailEvent.Identity identity(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return TrailEvent.Identity.UNKNOWN;
        }
        String type = null, arn = null, account = null, user = null, issuerType = null, issuerArn = null, invokedBy = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "type" -> type = text(p, v);
                case "arn" -> arn = text(p, v);
                case "accountId" -> account = text(p, v);
                case "userName" -> user = text(p, v);
                case "invokedBy" -> invokedBy = text(p, v);
                case "sessionContext" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String sc = p.currentName();
                        JsonToken sv = p.nextToken();
                        if ("sessionIssuer".equals(sc) && sv == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String f = p.currentName();
                                JsonToken iv = p.nextToken();
                                switch (f) {
                                    case "type" -> issuerType = text(p, iv);
                                    case "arn" -> issuerArn = text(p, iv);
                                    default -> p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new TrailEvent.Identity(type, arn, account, user, issuerType, issuerArn, invokedBy);
    }

    private static void workspaces(JsonParser p, JsonToken value, List<String> out) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String arn = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if ("ARN".equals(f)) {
                    arn = text(p, v);
                } else {
                    p.skipChildren();
                }
            }
            if (WorkspaceRef.isWorkspaceArn(arn)) {
                out.add(arn);
            }
        }
    }

    private static String bearerTokenType(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String bearer = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (AwsFacts.BEARER_TOKEN_TYPE_PARAMETER.equals(f)) {
                bearer = text(p, v);
            } else {
                p.skipChildren();
            }
        }
        return bearer;
    }
}
