package io.claudebaseline.simulate;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.Problem;
import io.claudebaseline.config.ScenarioConfig;
import io.claudebaseline.eval.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field rules for user scenarios ({@code scenarios[i].name|principal|action|resource|context|expect}); called by
 * ConfigValidator. A scenario is ONE concrete request, so wildcards are rejected everywhere except a resource of
 * exactly {@code *} (the resource of actions that take none).
 */
public final class ScenarioValidator {
    private static final Pattern PRINCIPAL =
            Pattern.compile("arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(\\d{12}):((role|user)/[\\w+=,.@/-]+|root)");
    private static final Pattern ASSUMED_ROLE =
            Pattern.compile("arn:([\\w-]+):sts::(\\d{12}):assumed-role/([\\w+=,.@-]+)/.*");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern RESOURCE_ARN = Pattern.compile("arn:[\\w-]+:[\\w-]+:[\\w-]*:[\\w-]*:\\S+");
    private static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z0-9-]+:[^\\s]+");
    private static final int MAX_NAME = 200;

    private ScenarioValidator() {}

    /** Every problem in {@code config.scenarios()}, each naming its field path and the fix. */
    public static List<Problem> validate(BaselineConfig config) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<ScenarioConfig> scenarios = config.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            String at = "scenarios[" + i + "]";
            ScenarioConfig s = scenarios.get(i);
            if (s == null) {
                problems.add(Problem.error(at, "is empty; give name, principal, action, resource, context and expect"));
                continue;
            }
            name(problems, at + ".name", s.name(), names, i);
            principal(problems, at + ".principal", s.principal(), config.partition());
            action(problems, at + ".action", s.action());
            resource(problems, at + ".resource", s.resource());
            context(problems, at + ".context", s.context());
            if (s.expect() == null) {
                problems.add(Problem.error(at + ".expect", "is missing; write 'expect: denied' or 'expect: allowed'"));
            }
        }
        return problems;
    }

    private static void name(List<Problem> problems, String path, String name, Map<String, Integer> seen, int index) {
        if (name == null || name.isBlank()) {
            problems.add(Problem.error(path, "is missing; give each scenario a short unique name (it names the check in reports)"));
            return;
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problem.error(path, "must be one line of at most " + MAX_NAME + " characters"));
        }
        Integer first = seen.putIfAbsent(name, index);
        if (first != null) {
            problems.add(Problem.error(path, "'" + name + "' is already the name of scenarios[" + first
                    + "]; names must be unique because they identify the check in reports"));
        }
    }

    private static void principal(List<Problem> problems, String path, String principal, String partition) {
        if (principal == null || principal.isBlank()) {
            problems.add(Problem.error(path, "is missing; give the IAM role or user ARN making the request, e.g. "
                    + "arn:aws:iam::111122223333:role/claude-prod-deployer"));
            return;
        }
        Matcher assumed = ASSUMED_ROLE.matcher(principal);
        if (assumed.matches()) {
            problems.add(Problem.error(path, "is an STS session ARN; aws:PrincipalArn holds the ROLE ARN for assumed roles, "
                    + "so use arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3)
                    + " (with the role's path, if it has one)"));
            return;
        }
        if (principal.indexOf('*') >= 0 || principal.indexOf('?') >= 0) {
            problems.add(Problem.error(path, "contains a wildcard; a scenario is one concrete request, so name one principal ARN"));
            return;
        }
        Matcher m = PRINCIPAL.matcher(principal);
        if (!m.matches()) {
            problems.add(Problem.error(path, "'" + principal + "' is not an IAM role, user or root ARN "
                    + "(arn:aws:iam::<12-digit account>:role/<name>, :user/<name> or :root)"));
            return;
        }
        if (!m.group(1).equals(partition)) {
            problems.add(Problem.warning(path, "is in partition " + m.group(1) + " but the config's partition is " + partition
                    + "; the rendered SCPs will not match it"));
        }
    }

    private static void action(List<Problem> problems, String path, String action) {
        if (action == null || action.isBlank()) {
            problems.add(Problem.error(path, "is missing; give one action such as aws-external-anthropic:CreateInference"));
        } else if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
            problems.add(Problem.error(path, "contains a wildcard; a scenario is one concrete request, so name one action"));
        } else if (!ACTION.matcher(action).matches()) {
            problems.add(Problem.error(path, "'" + action + "' is not service:Action (e.g. aws-external-anthropic:CreateInference)"));
        }
    }

    private static void resource(List<Problem> problems, String path, String resource) {
        if (resource.equals("*")) {
            return;
        }
        if (resource.indexOf('*') >= 0 || resource.indexOf('?') >= 0) {
            problems.add(Problem.error(path, "contains a wildcard; give one resource ARN, or '*' for actions that take no resource"));
        } else if (!RESOURCE_ARN.matcher(resource).matches()) {
            problems.add(Problem.error(path, "'" + resource + "' is not an ARN (arn:partition:service:region:account:resource) or '*'"));
        }
    }

    private static void context(List<Problem> problems, String path, Map<String, Object> context) {
        for (Map.Entry<String, Object> e : context.entrySet()) {
            String keyPath = path + "." + e.getKey();
            if (e.getKey().equalsIgnoreCase(Request.PRINCIPAL_ARN_KEY)) {
                problems.add(Problem.error(keyPath, "is set from the scenario's principal; remove it here and set 'principal' instead"));
                continue;
            }
            if (!CONTEXT_KEY.matcher(e.getKey()).matches()) {
                problems.add(Problem.error(keyPath, "is not a condition key (prefix:Name, e.g. aws-external-anthropic:BearerTokenType)"));
            }
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                for (int j = 0; j < list.size(); j++) {
                    if (!scalar(list.get(j))) {
                        problems.add(Problem.error(keyPath + "[" + j + "]", "must be a string, number or boolean"));
                    }
                }
            } else if (!scalar(v)) {
                problems.add(Problem.error(keyPath, "must be a string, number, boolean or a list of them (a list makes the key multivalued)"));
            }
        }
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }
}
