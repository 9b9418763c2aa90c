package io.claudebaseline.live;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsOperation;
import java.util.List;
import java.util.Map;

/**
 * One typed change of a plan. Each names the AWS operation that makes it and describes itself in one line;
 * the plan JSON carries every field plus {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Change.EnablePolicyType.class, name = "enable-policy-type"),
        @JsonSubTypes.Type(value = Change.CreateScp.class, name = "create-scp"),
        @JsonSubTypes.Type(value = Change.UpdateScp.class, name = "update-scp"),
        @JsonSubTypes.Type(value = Change.TagScp.class, name = "tag-scp"),
        @JsonSubTypes.Type(value = Change.AttachScp.class, name = "attach-scp"),
        @JsonSubTypes.Type(value = Change.DetachScp.class, name = "detach-scp"),
        @JsonSubTypes.Type(value = Change.DeleteScp.class, name = "delete-scp"),
        @JsonSubTypes.Type(value = Change.PutEventSelectors.class, name = "put-event-selectors"),
        @JsonSubTypes.Type(value = Change.StartLogging.class, name = "start-logging")})
public sealed interface Change {

    /** The two commands that make changes: they share the applier and differ in their plan and their words. */
    enum Run {
        APPLY(io.claudebaseline.engine.api.Action.APPLY, "Applied", "the organisation matches the baseline."),
        DESTROY(io.claudebaseline.engine.api.Action.DESTROY, "Destroyed:", "nothing claude-baseline installed is left.");

        private final io.claudebaseline.engine.api.Action action;
        private final String done;
        private final String nothingLeft;

        Run(io.claudebaseline.engine.api.Action action, String done, String nothingLeft) {
            this.action = action;
            this.done = done;
            this.nothingLeft = nothingLeft;
        }

        public io.claudebaseline.engine.api.Action action() { return action; }
        /** {@code apply} or {@code destroy}: the command to run again, and the run directory's prefix. */
        public String id() { return action.id(); }
        String done() { return done; }
        String nothingLeft() { return nothingLeft; }
        String nothingToDo() {
            return this == APPLY ? "No changes: the organisation already matches the baseline."
                    : "Nothing to destroy: no SCP or selector of claude-baseline is left.";
        }
    }

    /** The AWS operation that makes this change. */
    @JsonIgnore
    AwsOperation operation();

    /** One line for a human, e.g. {@code attach SCP claude-baseline-1 to ou-ab12-11111111}. */
    String describe();

    /** Enable SERVICE_CONTROL_POLICY on the root. */
    record EnablePolicyType(String rootId) implements Change {
        public AwsOperation operation() { return AwsOperation.ENABLE_POLICY_TYPE; }
        public String describe() { return "enable service control policies on root " + rootId; }
    }

    /** Create an SCP with the ownership tag. */
    record CreateScp(String name, String description, String content, Map<String, String> tags, int characters) implements Change {
        public AwsOperation operation() { return AwsOperation.CREATE_POLICY; }
        public String describe() { return "create SCP " + name + " (" + characters + " characters)"; }
    }

    /**
     * Replace an owned SCP's content and/or description.
     *
     * @param diff readable statement lines: {@code - <statement>} removed, {@code + <statement>} added
     */
    record UpdateScp(String policyId, String name, String description, String contentBefore, String contentAfter,
                     boolean contentChanged, boolean descriptionChanged, List<String> diff) implements Change {
        public AwsOperation operation() { return AwsOperation.UPDATE_POLICY; }
        public String describe() {
            String what = contentChanged && descriptionChanged ? "content and description" : contentChanged ? "content" : "description";
            return "update SCP " + name + " (" + policyId + "): " + what
                    + (contentChanged ? ", " + diff.stream().filter(l -> l.startsWith("-")).count() + " statement(s) out, "
                    + diff.stream().filter(l -> l.startsWith("+")).count() + " in" : "");
        }
    }

    /** Add or correct tags on an owned SCP (the config's {@code tags:}). */
    record TagScp(String policyId, String name, Map<String, String> tags) implements Change {
        public AwsOperation operation() { return AwsOperation.TAG_RESOURCE; }
        public String describe() { return "tag SCP " + name + " (" + policyId + ") with " + tags.keySet(); }
    }

    /** Attach an SCP to a target; {@code policyId} is null when the SCP is created by the same apply. */
    record AttachScp(String policyName, String policyId, String targetId) implements Change {
        public AwsOperation operation() { return AwsOperation.ATTACH_POLICY; }
        public String describe() { return "attach SCP " + policyName + (policyId == null ? "" : " (" + policyId + ")") + " to " + targetId; }
    }

    /** Detach an owned SCP from a target that is no longer configured (or before deleting it). */
    record DetachScp(String policyName, String policyId, String targetId, String reason) implements Change {
        public AwsOperation operation() { return AwsOperation.DETACH_POLICY; }
        public String describe() { return "detach SCP " + policyName + " (" + policyId + ") from " + targetId + ": " + reason; }
    }

    /** Delete an owned SCP the baseline no longer has, or every owned SCP on destroy (after detaching it everywhere). */
    record DeleteScp(String policyName, String policyId, String reason) implements Change {
        public AwsOperation operation() { return AwsOperation.DELETE_POLICY; }
        public String describe() { return "delete SCP " + policyName + " (" + policyId + "): " + reason; }
    }

    /**
     * Write the trail's whole advanced selector set: every selector we did not add, then ours.
     *
     * @param before the selectors as they are (advanced, or basic ones converted)
     * @param after  the merged set written
     */
    record PutEventSelectors(String trailName, String homeRegion, List<ObjectNode> before, List<ObjectNode> after,
                             List<ObjectNode> basicBefore) implements Change {
        public AwsOperation operation() { return AwsOperation.PUT_EVENT_SELECTORS; }
        public String describe() {
            long kept = after.stream().filter(s -> !Selectors.isOurs(s)).count();
            return "put event selectors on trail " + trailName + " in " + homeRegion + ": " + after.size() + " selector(s), "
                    + kept + " of them not ours and kept" + (basicBefore.isEmpty() ? "" : " (basic selectors converted to advanced)");
        }
    }

    /** Start logging on the trail. */
    record StartLogging(String trailName, String homeRegion) implements Change {
        public AwsOperation operation() { return AwsOperation.START_LOGGING; }
        public String describe() { return "start logging on trail " + trailName + " in " + homeRegion; }
    }
}
