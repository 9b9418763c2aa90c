package io.claudebaseline.engine.api;

import io.claudebaseline.config.Problem;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * What one engine run produced. Adapters print it (CLI) or turn it into a Map for Groovy (Jenkins step).
 *
 * @param action    what ran
 * @param compliant verify/simulate: no FAIL; plan/apply: nothing left to change; render/validate: config valid
 * @param changes   plan: changes pending; apply: changes made (or planned, on dry-run); else 0
 * @param checks    verify/simulate checks, in report order
 * @param warnings  config warnings (legal but probably unintended)
 * @param artifacts files written, relative to the output or report directory they live in
 * @param reportDir where reports were written, or null
 * @param summary   a few lines for a human: the build log / terminal
 * @param details   structured extras for report.json (e.g. the plan, the per-account coverage table); may be empty
 */
public record EngineResult(
        Action action,
        boolean compliant,
        int changes,
        List<CheckResult> checks,
        List<Problem> warnings,
        List<Path> artifacts,
        Path reportDir,
        String summary,
        java.util.Map<String, Object> details) {

    public EngineResult {
        details = details == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        artifacts = List.copyOf(artifacts);
    }

    /** A result without details. */
    public EngineResult(Action action, boolean compliant, int changes, List<CheckResult> checks, List<Problem> warnings,
                        List<Path> artifacts, Path reportDir, String summary) {
        this(action, compliant, changes, checks, warnings, artifacts, reportDir, summary, java.util.Map.of());
    }

    /** The same result with other artifacts and report directory (after reports were written). */
    public EngineResult withArtifacts(List<Path> newArtifacts, Path newReportDir) {
        return new EngineResult(action, compliant, changes, checks, warnings, newArtifacts, newReportDir, summary, details);
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** The process exit code this result stands for (errors never reach a result: they are exceptions). */
    public int exitCode() {
        return compliant ? ExitCode.OK : ExitCode.DRIFT;
    }
}
