package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Stand-in for the credentials plugin's {@code CredentialsProvider} static lookups. They need a running Jenkins, so
 * these bodies fail loudly: adapter tests inject their own lookup instead of reaching this class.
 */
public abstract class CredentialsProvider extends hudson.model.Descriptor<CredentialsProvider>
        implements hudson.model.Describable<CredentialsProvider>, hudson.ExtensionPoint {

    /** Compile-time stand-in: the value exists only in a running Jenkins. */
    public static final Permission USE_ITEM = null;

    public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(Class<C> type, Item item, Authentication authentication,
                                                                               List<DomainRequirement> domainRequirements,
                                                                               CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-time stand-in: credentials are listed by a running Jenkins");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-time stand-in: credentials are looked up by a running Jenkins");
    }

    /** @deprecated as in the real plugin: use the 3-argument form or pass a list. */
    @Deprecated
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
                                                                 DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("compile-time stand-in: credentials are looked up by a running Jenkins");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
                                                                 List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-time stand-in: credentials are looked up by a running Jenkins");
    }

    @SuppressWarnings("rawtypes") // the real signature takes a raw Run
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("compile-time stand-in: credential usage is tracked by a running Jenkins");
    }
}
