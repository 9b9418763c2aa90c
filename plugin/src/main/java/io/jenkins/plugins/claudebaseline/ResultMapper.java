package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns an {@link EngineResult} into what the step returns to Groovy: only {@link LinkedHashMap}, {@link ArrayList},
 * {@link String}, {@link Boolean} and {@link Integer}, which the Pipeline sandbox lets scripts read without any
 * whitelisting and which serialise with the build (and back from the node). Paths are relative to the workspace.
 */
public final class ResultMapper {

    private ResultMapper() {
    }

    /**
     * Keys: {@code action}, {@code compliant}, {@code changes}, {@code checks} (list of maps with {@code control},
     * {@code check}, {@code status}, {@code message}), {@code reportDir} (workspace path or null), {@code artifacts}
     * (workspace paths) and {@code summary}.
     */
    public static LinkedHashMap<String, Object> toMap(EngineResult result, WorkspaceFiles files) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("action", result.action().id());
        map.put("compliant", Boolean.valueOf(result.compliant()));
        map.put("changes", Integer.valueOf(result.changes()));
        ArrayList<Object> checks = new ArrayList<>();
        for (CheckResult c : result.checks()) {
            LinkedHashMap<String, Object> check = new LinkedHashMap<>();
            check.put("control", c.control());
            check.put("check", c.check());
            check.put("status", c.status().name());
            check.put("message", files.workspaceText(c.message()));
            checks.add(check);
        }
        map.put("checks", checks);
        map.put("reportDir", result.reportDir() == null ? null : files.workspacePath(result.reportDir()));
        ArrayList<Object> artifacts = new ArrayList<>();
        for (Path p : result.artifacts()) {
            artifacts.add(files.workspacePath(p));
        }
        map.put("artifacts", artifacts);
        map.put("summary", files.workspaceText(result.summary()));
        return map;
    }

    /** The keys, in order, for documentation and tests. */
    public static final List<String> KEYS = List.of("action", "compliant", "changes", "checks", "reportDir", "artifacts", "summary");
}
