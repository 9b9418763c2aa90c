package jenkins.security;

import org.jenkinsci.remoting.Role;

/** Stand-in for Jenkins core's {@code jenkins.security.Roles}: the two roles of a controller/agent channel. */
public class Roles {
    public static final Role MASTER = new Role("master");
    public static final Role SLAVE = new Role("slave");

    private Roles() {
    }
}
