package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import java.io.Serializable;

/**
 * Stand-in for the credentials plugin's {@code Credentials}. The real interface is also a Describable with a scope;
 * the step uses neither, so they are left out here.
 */
public interface Credentials extends hudson.model.Describable<Credentials>, Serializable, ExtensionPoint {
}
