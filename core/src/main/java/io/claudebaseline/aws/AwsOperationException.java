package io.claudebaseline.aws;

/**
 * An AWS call failed. The message is one sentence naming the operation, the resource and what to do; the
 * original SDK exception is kept as the cause for debugging but its text is never shown as is (it can echo
 * request details). Never carries credentials.
 */
public class AwsOperationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Kinds of failure, so adapters can say which one it was. */
    public enum Kind { ACCESS_DENIED, THROTTLED, NOT_FOUND, CONFLICT, LIMIT_EXCEEDED, INVALID_REQUEST, UNAVAILABLE, OTHER }

    private final String operation;
    private final String resource;
    private final Kind kind;

    public AwsOperationException(String operation, String resource, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.resource = resource;
        this.kind = kind;
    }

    /** e.g. {@code organizations:AttachPolicy}. */
    public String operation() {
        return operation;
    }

    public String resource() {
        return resource;
    }

    public Kind kind() {
        return kind;
    }
}
