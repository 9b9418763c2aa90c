package io.claudebaseline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.eval.condition.ConditionClause;
import io.claudebaseline.eval.condition.ConditionEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled, indexed evaluator must decide exactly as trying every statement with the uncompiled matchers
 * does: same outcome, same denies and near misses in the same order. Checked on generated policies whose
 * Action and Resource patterns are the cases the index classifies (literal and wildcard service prefixes,
 * letter case, NotAction, NotResource, literal and wildcard ARNs, policy variables, the empty resource,
 * non-ASCII prefixes).
 */
class StatementIndexTest {
    private static final List<String> ACTIONS = List.of("*", "iam:*", "IAM:Create*", "iam:CreateUser", "s3:Get?bject",
            "aws-external-anthropic:*", "aws-external-anthropic:CreateInference", "*:CreateUser", "i?m:CreateUser",
            "\u212Ams:Decrypt", "kms:Decrypt");
    private static final List<String> RESOURCES = List.of("*", "", "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:user/*", "arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket/${aws:username}",
            "arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_A",
            "arn:aws:aws-external-anthropic:*:*:workspace/wrkspc_A", "arn:aws:kms:us-east-1:111122223333:key/1");
    private static final List<String> REQUEST_ACTIONS = List.of("iam:CreateUser", "IAM:createuser", "iam:DeleteUser",
            "s3:GetObject", "aws-external-anthropic:CreateInference", "AWS-External-Anthropic:UpdateSkill",
            "kms:Decrypt", "KMS:Decrypt", "\u212Ams:Decrypt", "noservice", "sts:AssumeRole");
    private static final List<String> REQUEST_RESOURCES = List.of("*", "", "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:user/bob", "arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket/alice",
            "arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_A",
            "arn:aws:aws-external-anthropic:eu-west-1:111122223333:workspace/wrkspc_A", "arn:aws:kms:us-east-1:111122223333:key/1");

    @Test
    void indexedDecisionsEqualTryingEveryStatement() {
        Random random = new Random(13);
        int denied = 0;
        int nearMisses = 0;
        for (int round = 0; round < 25; round++) {
            List<ParsedPolicy> policies = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(3); p++) {
                policies.add(PolicyParser.parse(new NamedPolicy("p" + p, null, randomPolicy(random))));
            }
            ScpEvaluator evaluator = ScpEvaluator.ofParsed(policies);
            for (String action : REQUEST_ACTIONS) {
                for (String resource : REQUEST_RESOURCES) {
                    Request request = new Request("arn:aws:iam::111122223333:user/alice", action, resource,
                            Map.of("aws:username", List.of("alice")));
                    Decision indexed = evaluator.evaluate(request);
                    Decision reference = everyStatement(policies, request);
                    assertThat(indexed).as("%s on %s against %s", action, resource, policies).isEqualTo(reference);
                    denied += indexed.isDenied() ? 1 : 0;
                    nearMisses += indexed.nearMisses().size();
                }
            }
        }
        // The generated cases exercise both outcomes and the near-miss path, or the comparison proves little.
        assertThat(denied).isGreaterThan(200);
        assertThat(nearMisses).isGreaterThan(80);
    }

    private static String randomPolicy(Random random) {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        int statements = 1 + random.nextInt(6);
        for (int i = 0; i < statements; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"").append(random.nextInt(8) == 0 ? "Allow" : "Deny").append('"');
            sb.append(",\"").append(random.nextInt(5) == 0 ? "NotAction" : "Action").append("\":").append(pick(random, ACTIONS, 3));
            if (random.nextInt(6) != 0) {
                sb.append(",\"").append(random.nextInt(5) == 0 ? "NotResource" : "Resource").append("\":").append(pick(random, RESOURCES, 3));
            }
            if (random.nextBoolean()) {
                sb.append(",\"Condition\":{\"StringNotLike\":{\"aws:username\":\"").append(random.nextBoolean() ? "ali*" : "bob").append("\"}}");
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static String pick(Random random, List<String> from, int max) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(max); i++) {
            out.add('"' + from.get(random.nextInt(from.size())) + '"');
        }
        return "[" + String.join(",", out) + "]";
    }

    /** The reference: every Deny statement, matched with the uncompiled public matchers. */
    private static Decision everyStatement(List<ParsedPolicy> policies, Request request) {
        List<StatementRef> denies = new ArrayList<>();
        List<Decision.NearMiss> misses = new ArrayList<>();
        for (ParsedPolicy policy : policies) {
            for (ParsedStatement st : policy.statements()) {
                boolean action = st.actions() != null
                        ? st.actions().stream().anyMatch(a -> ActionMatcher.matches(a, request.action()))
                        : st.notActions().stream().noneMatch(a -> ActionMatcher.matches(a, request.action()));
                List<String> patterns = st.resources() != null ? st.resources() : st.notResources();
                boolean anyResource = patterns.stream().anyMatch(r ->
                        ArnMatcher.resourceMatches(PolicyVariables.resolve(r, request, st.variablesEnabled()), request.resource()));
                boolean resource = st.resources() != null ? anyResource : !anyResource;
                if (!st.deny() || !action || !resource) {
                    continue;
                }
                Optional<ConditionClause> failing = ConditionEvaluator.firstFailing(st.conditions(), request, st.variablesEnabled());
                if (failing.isEmpty()) {
                    denies.add(st.ref());
                } else {
                    misses.add(new Decision.NearMiss(st.ref(), "condition " + failing.get().describe() + " is false for this request"));
                }
            }
        }
        return new Decision(denies.isEmpty() ? Decision.Outcome.NOT_DENIED : Decision.Outcome.DENIED, request, denies, misses);
    }
}
