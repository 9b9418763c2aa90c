package hudson.model;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/** Stand-in for Jenkins core's {@code hudson.model.TaskListener}: where a step writes its build-log lines. */
public interface TaskListener extends Serializable {
    PrintStream getLogger();

    /** As in the real interface: prints {@code ERROR: msg} and returns a writer for more detail. */
    default PrintWriter error(String msg) {
        PrintStream out = getLogger();
        out.print("ERROR: ");
        out.println(msg);
        return new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }
}
