package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

/** Stand-in for Jenkins core's {@code hudson.model.TaskListener}: where a step writes its build-log lines. */
public interface TaskListener extends Serializable {
    PrintStream getLogger();
}
