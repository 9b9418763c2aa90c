package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Stand-in for the credentials plugin's credential drop-down model. Listing needs a running Jenkins. */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    /** As the real method: an empty first entry, for "none". */
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        add("- none -", "");
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(Authentication authentication, Item context,
                                                                     Class<? extends C> type,
                                                                     List<DomainRequirement> domainRequirements,
                                                                     CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-time stand-in: credentials are listed by a running Jenkins");
    }

    /** As the real method: keeps a value that is no longer listed, so the form does not silently change it. */
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        for (Option o : this) {
            if (o.value.equals(value)) {
                return this;
            }
        }
        add(value, value);
        return this;
    }
}
