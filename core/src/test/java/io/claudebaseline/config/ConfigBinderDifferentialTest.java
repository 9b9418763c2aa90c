package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@link ConfigLoader}'s binding ({@link ConfigBinder}) against the Jackson databind binding it replaced
 * ({@link JacksonConfigBinding}, the oracle): for configs covering every record and field, with every value in turn
 * replaced by values of every kind (text, quoted numbers and booleans, numbers in and out of range, decimals,
 * booleans, null, lists, mappings), an unknown field added to every mapping, and random pairs of such changes, both
 * must give the same config or the same problems (paths, messages, order).
 */
// Runs beside the moto tests (core/pom.xml): binds in memory only.
@Execution(ExecutionMode.CONCURRENT)
class ConfigBinderDifferentialTest {

    /** Every record and field of the config, each written as a mapping (the shorthands come from the mutations). */
    static final String FULL = """
            version: 1
            policyNamePrefix: acme-claude
            targets: [r-ab12, ou-ab12-11111111, "111122223333"]
            workspaces:
              - id: wrkspc_01AbCdEf23GhIj
                region: us-east-1
                account: "111122223333"
                allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer, arn:aws:iam::111122223333:role/app]
                description: production agents
              - id: wrkspc_09ZyXwVu87TsRq
                allowedPrincipals: [arn:aws:iam::111122223333:role/other]
            exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]
            controls:
              protectWorkspaces:
                enabled: true
                byTag: {key: claude-critical, values: ["true", "yes"], allowedPrincipals: [arn:aws:iam::111122223333:role/tagged]}
              denyLongTermKeyCreation: {enabled: true, scope: all-services, maxAgeDays: 30}
              denyShadowUsers: {enabled: true, userNamePattern: AeaApiKey-*, anyPath: false}
              denyLongTermKeyUse: {enabled: false}
              cloudTrailDataEvents:
                enabled: true
                trailName: org-trail
                homeRegion: us-east-1
                scope: listed-workspaces
                includeManagementEvents: false
                createTrail:
                  s3BucketName: trail-bucket
                  multiRegion: false
                  organizationTrail: true
                  logFileValidation: false
                  kmsKeyId: alias/trail
                  cloudWatchLogsGroupArn: arn:aws:logs:us-east-1:111122223333:log-group:trail
                  cloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail-logs
              restrictPlatformAdministration: {enabled: true, platformAdmins: [arn:aws:iam::111122223333:role/admin]}
            layout: per-control
            limits: {scpMaxCharacters: 5120, scpMaxPerTarget: 5, selectorValuesMax: 500}
            tags: {owner: platform-security, cost-centre: "42"}
            partition: aws
            scenarios:
              - name: outsider denied
                principal: arn:aws:iam::111122223333:role/outsider
                action: aws-external-anthropic:CreateSession
                resource: arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj
                context: {aws:PrincipalTag/team: [a, b], aws:MultiFactorAuthPresent: true, n: 3, f: 1.50, s: text}
                expect: denied
            audit:
              keyFindings: warn
              memberAccounts: true
              roleName: AuditRole
              externalId: ext-1234
              concurrency: 4
              maxExceptionDays: 90
            exceptions:
              - check: shadow-user
                account: "111122223333"
                ou: ou-ab12-11111111
                policy: acme-claude-1
                user: AeaApiKey-old
                key: ACCA1234
                workspace: wrkspc_01AbCdEf23GhIj
                trail: org-trail
                reason: TICKET-1
                owner: team@example.com
                expires: "2027-01-31"
            allowEmptyBaseline: false
            """;

    /** The values every field is tried with, as the YAML and JSON readers build them. */
    static final List<Supplier<JsonNode>> REPLACEMENTS = List.of(
            () -> ConfigTree.NODES.textNode("x"),
            () -> ConfigTree.NODES.textNode(""),
            () -> ConfigTree.NODES.textNode("1"),
            () -> ConfigTree.NODES.textNode("0"),
            () -> ConfigTree.NODES.textNode("true"),
            () -> ConfigTree.NODES.textNode(" combined "),
            () -> ConfigTree.NODES.textNode("per-control"),
            () -> ConfigTree.NODES.textNode("WARN"),
            () -> ConfigTree.NODES.textNode(" warn"),
            () -> ConfigTree.NODES.textNode("all-services"),
            () -> ConfigTree.NODES.numberNode(BigInteger.valueOf(5)),
            () -> ConfigTree.NODES.numberNode(BigInteger.valueOf(-1)),
            () -> ConfigTree.NODES.numberNode(BigInteger.ZERO),
            () -> ConfigTree.NODES.numberNode(new BigInteger("3000000000")),
            () -> ConfigTree.NODES.numberNode(new BigInteger("111122223333")),
            () -> ConfigTree.NODES.numberNode(new BigInteger("123456789012345678901234567890")),
            () -> ConfigTree.NODES.numberNode(new BigDecimal("1.5")),
            () -> ConfigTree.NODES.numberNode(new BigDecimal("2.0")),
            () -> ConfigTree.NODES.numberNode(new BigDecimal("1e3")),
            () -> ConfigTree.NODES.booleanNode(true),
            () -> ConfigTree.NODES.booleanNode(false),
            ConfigTree.NODES::nullNode,
            ConfigTree::array,
            () -> ConfigTree.array().add("a"),
            () -> ConfigTree.array().add(ConfigTree.NODES.numberNode(BigInteger.ONE)),
            () -> ConfigTree.array().add(ConfigTree.object().put("k", "v")),
            () -> ConfigTree.array().add(ConfigTree.array().add("nested")),
            ConfigTree::object,
            () -> ConfigTree.object().put("enabled", true),
            () -> ConfigTree.object().put("enabled", "true"),
            () -> ConfigTree.object().put("k", "v"),
            () -> ConfigTree.object().set("k", ConfigTree.array().add("v")));

    @Test
    void everyValueReplacedByEveryKindBindsAsJacksonDid() throws Exception {
        int compared = 0;
        for (ConfigTree base : bases()) {
            for (String path : paths(base.root(), "")) {
                for (int r = 0; r < REPLACEMENTS.size(); r++) {
                    int replacement = r;
                    compare(base, root -> replace(root, path, REPLACEMENTS.get(replacement).get()), path + " := " + REPLACEMENTS.get(r).get());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void anUnknownFieldInEveryMappingIsReportedAsJacksonDid() throws Exception {
        int compared = 0;
        for (ConfigTree base : bases()) {
            for (String path : objectPaths(base.root(), "")) {
                compare(base, root -> ((ObjectNode) at(root, path)).put("bogusField", 1), "unknown field in " + path);
                compare(base, root -> ((ObjectNode) at(root, path)).put("a", true).put("zz", "x"), "two unknown fields in " + path);
                compared += 2;
            }
        }
        assertThat(compared).isGreaterThan(60);
    }

    @Test
    void randomPairsOfChangesGiveTheSameProblemsInTheSameOrder() throws Exception {
        Random random = new Random(20261202);
        int compared = 0;
        for (ConfigTree base : bases()) {
            List<String> paths = paths(base.root(), "");
            for (int i = 0; i < 600; i++) {
                String first = paths.get(random.nextInt(paths.size()));
                String second = paths.get(random.nextInt(paths.size()));
                Supplier<JsonNode> a = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
                Supplier<JsonNode> b = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
                compare(base, root -> {
                    replace(root, first, a.get());
                    replace(root, second, b.get());
                }, first + " := " + a.get() + ", " + second + " := " + b.get());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(3_000);
    }

    /** The full config, the bundled examples and the validator tests' config, parsed. */
    static List<ConfigTree> bases() throws IOException, ConfigException {
        List<String> texts = new ArrayList<>(List.of(FULL, ConfigValidatorTest.VALID));
        for (String example : List.of("claude-baseline.yaml", "guide-parity.yaml", "legacy-limits-per-control.yaml")) {
            texts.add(Files.readString(Path.of("..", "examples", example)));
        }
        List<ConfigTree> bases = new ArrayList<>();
        for (String text : texts) {
            bases.add(tree(text));
        }
        return bases;
    }

    interface Mutation {
        void apply(JsonNode root) throws Exception;
    }

    /** Binds the mutated config both ways (each on its own copy, as binding removes what it reports) and compares. */
    static void compare(ConfigTree parsed, Mutation mutation, String what) throws Exception {
        ConfigTree ours = parsed.copy();
        ConfigTree theirs = parsed.copy();
        mutation.apply(ours.root());
        mutation.apply(theirs.root());
        if (!ConfigLoader.emptyListEntries(ours.root()).isEmpty()) {
            return;  // reported before binding, the same way for both
        }
        Object expected = outcome(() -> JacksonConfigBinding.bind(theirs, "c.yaml"));
        Object actual = outcome(() -> ConfigLoader.bind(ours, "c.yaml"));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    interface Binding {
        BaselineConfig bind() throws ConfigException;
    }

    /** The config bound, or the problems reported. */
    static Object outcome(Binding binding) {
        try {
            return binding.bind();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    static ConfigTree tree(String yaml) throws ConfigException {
        return YamlTreeReader.read(ConfigText.prepare(yaml, false));
    }

    /** Every field and list entry below the root, as {@code a.b[1].c}. */
    static List<String> paths(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = ConfigTree.child(path, e.getKey());
                out.add(child);
                out.addAll(paths(e.getValue(), child));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = ConfigTree.child(path, i);
                out.add(child);
                out.addAll(paths(node.get(i), child));
            }
        }
        return out;
    }

    static List<String> objectPaths(JsonNode root, String path) {
        List<String> out = new ArrayList<>(List.of(""));
        for (String p : paths(root, path)) {
            if (at(root, p).isObject()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The node at {@code path}, or null once an earlier change removed or replaced what held it. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : steps(path)) {
            if (node == null) {
                return null;
            }
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step.replaceFirst("^\\.", ""));
        }
        return node;
    }

    static void replace(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        String last = steps.get(steps.size() - 1);
        JsonNode parent = at(root, String.join("", steps.subList(0, steps.size() - 1)).replaceAll("^\\.", ""));
        if (last.startsWith("[") && parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last.substring(1, last.length() - 1));
            if (index < array.size()) {
                array.set(index, value);
            }
        } else if (!last.startsWith("[") && parent instanceof ObjectNode object) {
            object.set(last.replaceFirst("^\\.", ""), value);
        }
    }

    /** {@code a.b[1].c} as {@code a}, {@code .b}, {@code [1]}, {@code .c}: joined again they give the path back. */
    static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.?[^.\\[]+|\\[\\d+]").matcher(path);
        while (m.find()) {
            steps.add(m.group());
        }
        return steps;
    }
}
