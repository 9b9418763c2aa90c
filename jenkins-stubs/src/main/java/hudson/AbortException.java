package hudson;

import java.io.IOException;

/**
 * Stand-in for Jenkins core's {@code hudson.AbortException}: an {@link IOException} whose message Jenkins prints
 * without a stack trace when it fails the build (compile-time only).
 */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
