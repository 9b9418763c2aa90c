package io.claudebaseline.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.org.AccountKeyScan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only snapshot of what the baseline cares about in the live organisation. Built by
 * {@link LiveStateReader}; the planner and verify are pure functions of it and the baseline.
 *
 * @param organization     the organisation and its root
 * @param ownedScps        SCPs this tool owns (name prefix AND ownership tag), by name, with content and targets
 * @param foreignSameNamed SCPs named like a baseline SCP that lack the ownership tag (apply must refuse to touch them)
 * @param attachments      for each configured target: the SCPs directly attached to it (slot counting); empty when not read
 * @param trail            the configured trail, or empty when the CloudTrail control is off
 * @param keys             the long-term key inventory of the caller's account, or empty when not read (plan, apply)
 */
public record LiveState(
        Organization organization,
        Map<String, Scp> ownedScps,
        List<Scp> foreignSameNamed,
        Map<String, List<PolicyRef>> attachments,
        Optional<TrailLookup> trail,
        Optional<KeyInventory> keys) {

    public LiveState {
        ownedScps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ownedScps));
        foreignSameNamed = List.copyOf(foreignSameNamed);
        attachments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attachments));
    }

    /**
     * @param id                  organisation id ({@code o-…})
     * @param managementAccountId the management account (SCPs never apply to it)
     * @param featureSet          ALL or CONSOLIDATED_BILLING (SCPs need ALL)
     * @param rootId              the root ({@code r-…})
     * @param scpEnabled          SERVICE_CONTROL_POLICY is ENABLED on the root
     */
    public record Organization(String id, String managementAccountId, String featureSet, String rootId, boolean scpEnabled) {}

    /** An SCP as it is live. {@code targets} are the ids it is attached to (read for owned SCPs only). */
    public record Scp(String id, String name, String description, String content, Map<String, String> tags, List<String> targets) {
        public Scp {
            tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /** An SCP attached to a target: enough to name it in a message. */
    public record PolicyRef(String id, String name, boolean awsManaged) {}

    /** The trail, or why it is not there. Exactly one of {@code trail} and {@code problem} is set. */
    public record TrailLookup(String trailName, String homeRegion, Trail trail, String problem) {
        public boolean found() {
            return trail != null;
        }
    }

    /**
     * The trail's configuration and selectors.
     *
     * @param advancedSelectors its advanced event selectors in CloudTrail's JSON shape
     * @param basicSelectors    its basic (legacy) event selectors in CloudTrail's JSON shape; CloudTrail keeps one
     *                          kind at a time, so a non-empty list here means no advanced ones
     */
    public record Trail(String name, String arn, String homeRegion, boolean multiRegion, boolean organizationTrail,
                        boolean logFileValidation, boolean logging, List<ObjectNode> advancedSelectors,
                        List<ObjectNode> basicSelectors) {
        public Trail {
            advancedSelectors = List.copyOf(advancedSelectors);
            basicSelectors = List.copyOf(basicSelectors);
        }
    }

    /** Long-term Claude API keys and their shadow users in one account. Never holds a secret. */
    public record KeyInventory(String accountId, List<ShadowUser> shadowUsers, List<AccountKeyScan.LongTermKey> keys) {
        public KeyInventory {
            shadowUsers = List.copyOf(shadowUsers);
            keys = List.copyOf(keys);
        }
    }

    public record ShadowUser(String userName, String path, String arn, Instant created) {}
}
