package io.claudebaseline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.eval.condition.ConditionClause;
import io.claudebaseline.eval.condition.ConditionOperator;
import io.claudebaseline.json.JsonTrees;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an SCP document (JSON) into {@link ParsedPolicy}, rejecting what AWS would reject or what the evaluator
 * cannot evaluate faithfully, with the path of the offending element. Accepts what the IAM grammar allows:
 * Statement as an object or array; Action/NotAction/Resource/NotResource as a string or an array of strings;
 * condition values as strings, numbers, booleans or arrays of them.
 */
public final class PolicyParser {
    private static final String VERSION_2008 = "2008-10-17";
    private static final Set<String> STATEMENT_ELEMENTS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {}

    /** Parses one policy. */
    public static ParsedPolicy parse(NamedPolicy policy) {
        String name = policy.name() == null ? "(unnamed)" : policy.name();
        if (policy.content() == null || policy.content().isBlank()) {
            throw new PolicyParseException(name, "", "the policy document is empty");
        }
        JsonNode root;
        try {
            // Duplicate keys would silently drop a statement element; AWS rejects such documents, so do we.
            root = JsonTrees.read(policy.content(), JsonTrees.Reading.UNIQUE_KEYS);
        } catch (JsonProcessingException e) {
            throw new PolicyParseException(name, "", "not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new PolicyParseException(name, "", "a policy document must be a JSON object");
        }
        JsonNode version = root.get("Version");
        if (version != null && !version.isTextual()) {
            throw new PolicyParseException(name, "Version", "must be a string such as \"2012-10-17\"");
        }
        boolean variables = version == null || !VERSION_2008.equals(version.asText());
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw new PolicyParseException(name, "Statement", "missing: a policy needs at least one statement");
        }
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(statementNodes::add);
        } else if (statementNode.isObject()) {
            statementNodes.add(statementNode);
        } else {
            throw new PolicyParseException(name, "Statement", "must be an object or an array of objects");
        }
        List<ParsedStatement> statements = new ArrayList<>();
        for (int i = 0; i < statementNodes.size(); i++) {
            statements.add(statement(policy, name, statementNodes.get(i), i, variables));
        }
        return new ParsedPolicy(policy, statements);
    }

    private static ParsedStatement statement(NamedPolicy policy, String name, JsonNode node, int index, boolean variables) {
        String path = "Statement[" + index + "]";
        if (!node.isObject()) {
            throw new PolicyParseException(name, path, "a statement must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("Principal") || field.equals("NotPrincipal")) {
                throw new PolicyParseException(name, path + "." + field,
                        "SCPs do not support Principal/NotPrincipal; use an aws:PrincipalArn condition");
            }
            if (!STATEMENT_ELEMENTS.contains(field)) {
                throw new PolicyParseException(name, path + "." + field, "unknown statement element (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(STATEMENT_ELEMENTS)) + ")");
            }
        }
        JsonNode sidNode = node.get("Sid");
        if (sidNode != null && !sidNode.isTextual()) {
            throw new PolicyParseException(name, path + ".Sid", "must be a string");
        }
        String sid = sidNode == null ? null : sidNode.asText();
        JsonNode effect = node.get("Effect");
        if (effect == null || !effect.isTextual() || !(effect.asText().equals("Deny") || effect.asText().equals("Allow"))) {
            throw new PolicyParseException(name, path + ".Effect", "must be \"Deny\" or \"Allow\"");
        }
        List<String> actions = stringList(name, path, node, "Action");
        List<String> notActions = stringList(name, path, node, "NotAction");
        if ((actions == null) == (notActions == null)) {
            throw new PolicyParseException(name, path, "a statement needs exactly one of Action or NotAction");
        }
        for (String a : actions != null ? actions : notActions) {
            if (!a.equals("*") && !a.contains(":")) {
                throw new PolicyParseException(name, path + (actions != null ? ".Action" : ".NotAction"),
                        "'" + a + "' is not service:Action (e.g. iam:CreateUser) or *");
            }
        }
        List<String> resources = stringList(name, path, node, "Resource");
        List<String> notResources = stringList(name, path, node, "NotResource");
        if (resources != null && notResources != null) {
            throw new PolicyParseException(name, path, "a statement cannot have both Resource and NotResource");
        }
        if (resources == null && notResources == null) {
            // SCP statements may omit the resource; it then covers every resource, as "*" does.
            resources = List.of("*");
        }
        List<ConditionClause> conditions = conditions(name, path, node.get("Condition"));
        StatementRef ref = new StatementRef(name, policy.id(), sid, index);
        return new ParsedStatement(ref, effect.asText().equals("Deny"), actions, notActions, resources, notResources,
                conditions, variables);
    }

    private static List<String> stringList(String name, String path, JsonNode statement, String field) {
        JsonNode n = statement.get(field);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray() && n.size() > 0) {
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isTextual()) {
                    throw new PolicyParseException(name, path + "." + field + "[" + i + "]", "must be a string");
                }
                out.add(n.get(i).asText());
            }
        } else {
            throw new PolicyParseException(name, path + "." + field, "must be a string or a non-empty array of strings");
        }
        return out;
    }

    private static List<ConditionClause> conditions(String name, String path, JsonNode condition) {
        List<ConditionClause> clauses = new ArrayList<>();
        if (condition == null) {
            return clauses;
        }
        String cpath = path + ".Condition";
        if (!condition.isObject()) {
            throw new PolicyParseException(name, cpath, "must be an object of operator → {key: value(s)}");
        }
        for (Map.Entry<String, JsonNode> op : condition.properties()) {
            String opPath = cpath + "." + op.getKey();
            ConditionOperator operator;
            try {
                operator = ConditionOperator.parse(op.getKey());
            } catch (IllegalArgumentException e) {
                throw new PolicyParseException(name, opPath, e.getMessage());
            }
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw new PolicyParseException(name, opPath, "must be a non-empty object of condition key → value(s)");
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                String keyPath = opPath + "." + key.getKey();
                List<String> values = conditionValues(name, keyPath, key.getValue());
                for (String v : values) {
                    try {
                        if (operator.isNullCheck()) {
                            if (!v.trim().equalsIgnoreCase("true") && !v.trim().equalsIgnoreCase("false")) {
                                throw new IllegalArgumentException("the Null operator takes true or false, not '" + v + "'");
                            }
                        } else {
                            operator.comparator().checkPolicyValue(v);
                        }
                    } catch (IllegalArgumentException e) {
                        throw new PolicyParseException(name, keyPath, e.getMessage());
                    }
                }
                clauses.add(new ConditionClause(operator, key.getKey(), values));
            }
        }
        return clauses;
    }

    private static List<String> conditionValues(String name, String path, JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isValueNode() && !n.isNull()) {
            out.add(n.asText());
        } else if (n.isArray() && n.size() > 0) {
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                if (!item.isValueNode() || item.isNull()) {
                    throw new PolicyParseException(name, path + "[" + i + "]", "must be a string, number or boolean");
                }
                out.add(item.asText());
            }
        } else {
            throw new PolicyParseException(name, path, "must be a string, number, boolean or a non-empty array of them");
        }
        return out;
    }
}
