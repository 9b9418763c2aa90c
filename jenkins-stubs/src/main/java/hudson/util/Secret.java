package hudson.util;

import java.io.Serializable;

/**
 * Stand-in for Jenkins core's {@code hudson.util.Secret}: a value that is kept encrypted at rest.
 * Code reads it with {@link #getPlainText()} only where the value is needed.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public String getPlainText() {
        return value;
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }
}
