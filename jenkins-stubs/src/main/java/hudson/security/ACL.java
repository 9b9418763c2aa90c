package hudson.security;

import org.springframework.security.core.Authentication;

/** Stand-in for Jenkins core's {@code ACL}: only the SYSTEM identity is used. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = new Authentication() {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "SYSTEM";
        }
    };
}
