package io.jenkins.plugins.claudebaseline;

import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Test doubles for the Jenkins context the step runs in, built on the jenkins-stubs stand-ins. */
final class Fakes {
    private Fakes() {
    }

    static final class FakeJob extends Job<FakeJob, FakeRun> {
        @Override
        public String getDisplayName() {
            return "fake job";
        }
    }

    /** The channel of an agent: a workspace made with it is remote, as on a real agent. */
    static final VirtualChannel AGENT = new VirtualChannel() {
    };

    /** A workspace on an agent. */
    static hudson.FilePath onAgent(java.nio.file.Path dir) {
        return new hudson.FilePath(AGENT, dir.toString());
    }

    static final class FakeRun extends Run<FakeJob, FakeRun> {
        private final File rootDir;

        FakeRun() {
            this(null);
        }

        FakeRun(File rootDir) {
            this.rootDir = rootDir;
        }

        @Override
        public File getRootDir() {
            if (rootDir == null) {
                throw new UnsupportedOperationException("this test run has no build directory");
            }
            return rootDir;
        }

        void complete() {
            onEndBuilding();
        }

        @Override
        public String getDisplayName() {
            return "#1";
        }
    }

    /**
     * Hands the test's engine to the callable on the "agent" side. The callable is serialised on the way, so it
     * carries this small key, not the engine; as in production, the engine is looked up (made) where it runs.
     */
    static EngineFactory factoryFor(Engine engine) {
        long id = IDS.incrementAndGet();
        ENGINES.put(id, engine);
        return new RegisteredEngine(id);
    }

    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<Long, Engine> ENGINES = new ConcurrentHashMap<>();

    private record RegisteredEngine(long id) implements EngineFactory {
        @Override
        public Engine create() {
            return ENGINES.get(id);
        }
    }

    static final class FakeFlowNode extends FlowNode {
        @Override
        public String getDisplayName() {
            return "claudeBaseline";
        }
    }

    /** A build log in memory. */
    static final class RecordingListener implements TaskListener {
        private static final long serialVersionUID = 1L;
        private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return out;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Hands out whatever objects the test put in, like Pipeline does for the required context. */
    static final class FakeContext extends StepContext {
        private static final long serialVersionUID = 1L;
        private final transient Map<Class<?>, Object> objects = new HashMap<>();
        private final transient CountDownLatch done = new CountDownLatch(1);
        volatile Object success;
        volatile Throwable failure;
        volatile Thread completedOn;

        <T> FakeContext with(Class<T> type, T value) {
            objects.put(type, value);
            return this;
        }

        @Override
        public <T> T get(Class<T> key) {
            return key.cast(objects.get(key));
        }

        @Override
        public void onSuccess(Object result) {
            success = result;
            completedOn = Thread.currentThread();
            done.countDown();
        }

        @Override
        public void onFailure(Throwable t) {
            failure = t;
            completedOn = Thread.currentThread();
            done.countDown();
        }

        /** Waits for the step to report, as Pipeline does. */
        void await() throws InterruptedException {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the step did not report within 30 s");
            }
        }
    }

    /** What the engine does in a test: look at the request (and the files it names), then answer. */
    @FunctionalInterface
    interface Behaviour {
        EngineResult answer(EngineRequest request, Progress progress) throws Exception;
    }

    /** Records every request; {@link #config} holds the config text the engine saw, read as UTF-8. */
    static final class RecordingEngine implements Engine {
        final List<EngineRequest> requests = new ArrayList<>();
        String config;
        private final Behaviour behaviour;

        RecordingEngine(Behaviour behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public EngineResult run(EngineRequest request, Progress progress) throws Exception {
            requests.add(request);
            config = java.nio.file.Files.readString(request.configPath(), StandardCharsets.UTF_8);
            return behaviour.answer(request, progress);
        }

        EngineRequest only() {
            if (requests.size() != 1) {
                throw new AssertionError("expected exactly one engine run, got " + requests.size());
            }
            return requests.get(0);
        }
    }
}
