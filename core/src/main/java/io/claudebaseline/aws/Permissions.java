package io.claudebaseline.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsOperation.Command;
import io.claudebaseline.aws.AwsOperation.Service;
import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.facts.AwsFacts;
import java.util.List;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy a command needs, derived from {@link AwsOperation} (the same table the calls go
 * through), so the printed policy cannot drift from what the code does.
 *
 * <p>Shape: one read statement per service; Organizations writes split so that {@code UpdatePolicy} and
 * {@code DeletePolicy} only work on SCPs carrying the ownership tag (the tool never changes others' SCPs, and
 * the policy enforces it too); {@code sts:AssumeRole} only on the member-account audit role, and only when the
 * config turns that audit on. Roles given with {@code --role-arn} are assumed by the caller's own identity,
 * which needs {@code sts:AssumeRole} on that role; that grant belongs to the caller, not to this policy.
 */
public final class Permissions {
    private Permissions() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<AwsOperation> TAG_GUARDED = List.of(AwsOperation.UPDATE_POLICY, AwsOperation.DELETE_POLICY);

    /** The policy for {@code plan}, {@code apply}, {@code verify} or {@code usage}, with the default audit settings. */
    public static String policyFor(String command) {
        return policyFor(command, null);
    }

    /** The policy for a command and a config (its audit role and whether member accounts are audited); pretty JSON. */
    public static String policyFor(String command, BaselineConfig config) {
        try {
            return PRETTY.writeValueAsString(document(Command.parse(command), config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the policy JSON", e);
        }
    }

    /** The policy document as JSON. */
    public static ObjectNode document(Command command, BaselineConfig config) {
        ObjectNode doc = NODES.objectNode();
        doc.put("Version", AwsFacts.POLICY_VERSION);
        ArrayNode statements = doc.putArray("Statement");
        for (Service service : Service.values()) {
            if (service == Service.STS) {
                continue;
            }
            addStatement(statements, "ClaudeBaseline" + title(service) + "Read", actions(command, service, false, false), null);
            addStatement(statements, "ClaudeBaseline" + title(service) + "Write", actions(command, service, true, false), null);
        }
        TreeSet<String> guarded = actions(command, Service.ORGANIZATIONS, true, true);
        if (!guarded.isEmpty()) {
            ObjectNode condition = NODES.objectNode();
            condition.putObject("StringEquals").put("aws:ResourceTag/" + AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE);
            addStatement(statements, "ClaudeBaselineOwnedPoliciesOnly", guarded, condition);
        }
        boolean memberAudit = config != null && config.audit().memberAccounts();
        if (command == Command.VERIFY && memberAudit) {
            String role = config.audit().roleName() == null ? AuditConfig.DEFAULT_ROLE_NAME : config.audit().roleName();
            ObjectNode st = NODES.objectNode();
            st.put("Sid", "ClaudeBaselineMemberAccountAudit");
            st.put("Effect", "Allow");
            st.put("Action", AwsOperation.ASSUME_ROLE.iamAction());
            st.put("Resource", "arn:" + (config.partition() == null ? "aws" : config.partition()) + ":iam::*:role/" + role);
            statements.add(st);
        }
        return doc;
    }

    /** The policy a member account's audit role needs (the role verify assumes there). */
    public static String memberAuditRolePolicy() {
        ObjectNode doc = NODES.objectNode();
        doc.put("Version", AwsFacts.POLICY_VERSION);
        ArrayNode statements = doc.putArray("Statement");
        TreeSet<String> actions = new TreeSet<>(List.of(AwsOperation.LIST_USERS.iamAction(),
                AwsOperation.LIST_SERVICE_SPECIFIC_CREDENTIALS.iamAction()));
        addStatement(statements, "ClaudeBaselineKeyAudit", actions, null);
        try {
            return PRETTY.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the policy JSON", e);
        }
    }

    private static TreeSet<String> actions(Command command, Service service, boolean mutating, boolean tagGuarded) {
        TreeSet<String> out = new TreeSet<>();
        for (AwsOperation op : AwsOperation.values()) {
            if (op.service() == service && op.commands().contains(command) && op.mutating() == mutating
                    && TAG_GUARDED.contains(op) == tagGuarded) {
                out.add(op.iamAction());
            }
        }
        return out;
    }

    private static void addStatement(ArrayNode statements, String sid, TreeSet<String> actions, ObjectNode condition) {
        if (actions.isEmpty()) {
            return;
        }
        ObjectNode st = NODES.objectNode();
        st.put("Sid", sid);
        st.put("Effect", "Allow");
        ArrayNode a = st.putArray("Action");
        actions.forEach(a::add);
        st.put("Resource", "*");
        if (condition != null) {
            st.set("Condition", condition);
        }
        statements.add(st);
    }

    private static String title(Service service) {
        return switch (service) {
            case ORGANIZATIONS -> "Organizations";
            case CLOUDTRAIL -> "CloudTrail";
            case IAM -> "Iam";
            case STS -> "Sts";
            case S3 -> "S3";
            case LOGS -> "Logs";
        };
    }
}
