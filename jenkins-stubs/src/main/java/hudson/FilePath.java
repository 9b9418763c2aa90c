package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jenkins.security.Roles;
import org.jenkinsci.remoting.Role;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Stand-in for Jenkins core's {@code hudson.FilePath} with the signatures of the members the step uses. Files are
 * local (tests use a temporary directory as the "workspace"); a path made with a {@link VirtualChannel} reports
 * {@link #isRemote()} as an agent's workspace does.
 *
 * <p>{@link #act} behaves like a call to an agent, always (the real class skips the wire for local paths): the
 * callable's roles are checked, then it is serialised and deserialised before {@code invoke} runs, and its result or
 * exception makes the same round trip back. So a field that is not serialisable, or a controller object smuggled in,
 * fails the test as it would fail on a real agent. As over remoting, a {@link TaskListener} inside the callable is not
 * copied but exported: the agent side writes to the same build log.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final transient VirtualChannel channel;
    private final String remote;

    public FilePath(VirtualChannel channel, String remote) {
        this.channel = channel;
        this.remote = remote;
    }

    public FilePath(File localPath) {
        this(null, localPath.getPath());
    }

    public String getRemote() {
        return remote;
    }

    public boolean isRemote() {
        return channel != null;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        callable.checkRoles(new RequireAgentRole());
        FileCallable<T> onAgent = Wire.send(callable);
        T result;
        try {
            result = onAgent.invoke(new File(remote), channel);
        } catch (Throwable t) {
            Throwable back = Wire.send(t);
            if (back instanceof IOException e) {
                throw e;
            }
            if (back instanceof InterruptedException e) {
                throw e;
            }
            if (back instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) back;
        }
        return Wire.send(result);
    }

    /** Code that runs where the file is; as the real interface, serialisable and role-checked. */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    @Override
    public String toString() {
        return remote;
    }

    /** An agent accepts only callables meant for it (controller-to-agent), as remoting's role check does. */
    private static final class RequireAgentRole extends RoleChecker {
        @Override
        public void check(RoleSensitive subject, Collection<Role> expected) {
            if (!expected.contains(Roles.SLAVE)) {
                throw new SecurityException(subject.getClass().getName() + " is not meant to run on an agent: " + expected);
            }
        }
    }

    /** Java serialisation there and back, with listeners exported instead of copied. */
    private static final class Wire {
        private static final Map<Long, TaskListener> EXPORTED = new ConcurrentHashMap<>();
        private static final AtomicLong IDS = new AtomicLong();

        @SuppressWarnings("unchecked")
        static <V> V send(V value) throws IOException {
            if (value == null) {
                return null;
            }
            List<Long> exported = new ArrayList<>();
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ExportingOutput(bytes, exported)) {
                    out.writeObject(value);
                }
                try (ObjectInputStream in = new ImportingInput(new ByteArrayInputStream(bytes.toByteArray()))) {
                    return (V) in.readObject();
                }
            } catch (NotSerializableException e) {
                throw new IOException("cannot send " + value.getClass().getName() + " over the channel: "
                        + e.getMessage() + " is not serializable", e);
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            } finally {
                exported.forEach(EXPORTED::remove);
            }
        }

        private static final class ExportedListener implements Serializable {
            private static final long serialVersionUID = 1L;
            final long id;

            ExportedListener(long id) {
                this.id = id;
            }
        }

        private static final class ExportingOutput extends ObjectOutputStream {
            private final List<Long> exported;

            ExportingOutput(ByteArrayOutputStream out, List<Long> exported) throws IOException {
                super(out);
                this.exported = exported;
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                if (obj instanceof TaskListener listener) {
                    long id = IDS.incrementAndGet();
                    EXPORTED.put(id, listener);
                    exported.add(id);
                    return new ExportedListener(id);
                }
                return obj;
            }
        }

        private static final class ImportingInput extends ObjectInputStream {
            ImportingInput(ByteArrayInputStream in) throws IOException {
                super(in);
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object obj) {
                return obj instanceof ExportedListener e ? EXPORTED.get(e.id) : obj;
            }

            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }
    }
}
