package hudson.model;

import java.io.Serializable;

/** Stand-in for Jenkins core's {@code hudson.model.Result}: the build results, ordered from best to worst. */
public final class Result implements Serializable, org.kohsuke.stapler.export.CustomExportedBean {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = new Result("SUCCESS", 0);
    public static final Result UNSTABLE = new Result("UNSTABLE", 1);
    public static final Result FAILURE = new Result("FAILURE", 2);

    private final String name;
    public final int ordinal;

    private Result(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public boolean isWorseThan(Result that) {
        return this.ordinal > that.ordinal;
    }

    @Override
    public String toString() {
        return name;
    }
}
