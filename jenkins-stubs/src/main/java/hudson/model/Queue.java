package hudson.model;

/** Stand-in for Jenkins core's {@code Queue}: only the nested {@link Task} type is used. */
public class Queue {
    private Queue() {
    }

    /** Something that can be built: every job type. */
    public interface Task {
    }
}
