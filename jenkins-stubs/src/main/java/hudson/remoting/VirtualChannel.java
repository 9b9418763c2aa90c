package hudson.remoting;

/**
 * Stand-in for remoting's {@code VirtualChannel}: the connection to the node a {@code FilePath} lives on. The
 * stand-in has no members; a test passes any instance to {@code new FilePath(channel, path)} to mean "on an agent".
 */
public interface VirtualChannel {
}
