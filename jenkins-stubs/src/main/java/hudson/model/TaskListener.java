package hudson.model;

import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Stand-in for Jenkins core's {@code hudson.model.TaskListener}: where a step writes its build-log lines. Sent to an
 * agent with a callable, it still writes to the build log (the stand-in {@code FilePath.act} keeps that behaviour).
 */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
