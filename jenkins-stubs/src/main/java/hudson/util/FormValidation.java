package hudson.util;

import java.io.IOException;

/** Stand-in for Jenkins core's {@code FormValidation}: the answer of a form check (OK, WARNING or ERROR, and a message). */
public abstract class FormValidation extends IOException implements org.kohsuke.stapler.HttpResponse {
    private static final long serialVersionUID = 1L;

    /** The three kinds, as in the real class. */
    public enum Kind { OK, WARNING, ERROR }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new FormValidation(Kind.OK, null) {
            private static final long serialVersionUID = 1L;
        };
    }

    public static FormValidation error(String message) {
        return new FormValidation(Kind.ERROR, message) {
            private static final long serialVersionUID = 1L;
        };
    }

    public static FormValidation warning(String message) {
        return new FormValidation(Kind.WARNING, message) {
            private static final long serialVersionUID = 1L;
        };
    }
}
