package hudson.model.queue;

import hudson.model.Queue;
import org.springframework.security.core.Authentication;

/** Stand-in for Jenkins core's {@code Tasks}: which identity a job's builds run as. Compile-time only. */
public class Tasks {
    public static Authentication getAuthenticationOf2(Queue.Task t) {
        throw new UnsupportedOperationException("compile-time stand-in: a build's identity is known to a running Jenkins");
    }
}
