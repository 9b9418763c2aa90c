package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Stand-in for remoting's {@code SerializableOnlyOverRemoting}: a type that may be sent over a remoting channel
 * (a {@code FilePath}, a {@code TaskListener}) but not serialised anywhere else.
 */
public interface SerializableOnlyOverRemoting extends Serializable {
}
