package io.claudebaseline.model;

import io.claudebaseline.config.BaselineConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desired state, derived from a validated config: what render writes, what plan diffs against the live
 * organisation, and what verify checks. Pure data; no AWS.
 *
 * @param config  the config it was built from
 * @param scps    the SCPs, each with its exact content
 * @param targets the root/OU/account ids every SCP must be attached to
 * @param trail   the CloudTrail selectors, when the data-events control is on
 * @param tags    tags for every SCP, ownership tag included
 */
public record Baseline(
        BaselineConfig config,
        List<ScpDocument> scps,
        List<String> targets,
        Optional<TrailSelectors> trail,
        Map<String, String> tags) {

    public Baseline {
        scps = List.copyOf(scps);
        targets = List.copyOf(targets);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    public Optional<ScpDocument> scp(String name) {
        return scps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
