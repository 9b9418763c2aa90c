package org.jenkinsci.remoting;

/** Stand-in for remoting's {@code Role}: names one side of a channel (controller or agent). */
public final class Role {
    private final String name;

    public Role(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return super.toString() + "[" + name + "]";
    }
}
