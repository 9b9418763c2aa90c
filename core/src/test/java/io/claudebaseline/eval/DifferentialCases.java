package io.claudebaseline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import io.claudebaseline.simulate.Scenario;
import io.claudebaseline.simulate.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The requests of {@link DifferentialEvaluatorTest}: every row of {@code eval/conformance.yaml}, every built-in and
 * user scenario of the bundled examples (and of the main example with its opt-in controls switched on), and seeded
 * random mutations of those scenarios. Mutations recombine what the scenarios hold (principals from allow-lists,
 * exempt and unlisted ones, actions, workspaces, condition keys) with variations of it: principals in other
 * accounts, under a path, as a user, with the case changed; actions in other letter case; condition keys that apply
 * to the action present or absent, with matching, near-miss and differently-cased values.
 */
final class DifferentialCases {
    private static final ServiceReference REFERENCE = ServiceReference.bundled();
    private static final String SERVICE = "aws-external-anthropic";

    private DifferentialCases() {}

    /** One case per conformance row; each row is its own policy set at the root, with an empty account level below. */
    static List<DifferentialCase> conformance() throws Exception {
        JsonNode table = ConformanceTest.table();
        List<DifferentialCase> out = new ArrayList<>();
        for (JsonNode c : table.get("cases")) {
            String id = c.get("id").asText();
            NamedPolicy policy = new NamedPolicy("conformance-" + id, null, ConformanceTest.policyText(c));
            out.add(new DifferentialCase("conformance:" + id, c.get("rule").asText(), "conformance:" + id,
                    List.of(List.of(policy), List.of()), ConformanceTest.request(c.path("request"), table.get("defaults"))));
        }
        return out;
    }

    /** A bundled example (or a variant of one), its rendered SCPs spread over root, OU and account levels. */
    record Example(String name, Baseline baseline, List<List<NamedPolicy>> levels) {}

    /** examples/*.yaml, plus claude-baseline.yaml with every opt-in control of its comments switched on. */
    static List<Example> examples(Path repoRoot) throws Exception {
        List<Example> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(repoRoot.resolve("examples"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            out.add(example(name, Files.readString(file)));
        }
        out.add(example("claude-baseline-opt-ins", withOptIns(Files.readString(repoRoot.resolve("examples/claude-baseline.yaml")))));
        return out;
    }

    /** The main example with the opt-ins its comments show: key expiry, platform administration, protect by tag. */
    static String withOptIns(String yaml) {
        String edited = yaml
                .replace("# maxAgeDays: 30", "maxAgeDays: 30")
                .replace("# restrictPlatformAdministration:", "restrictPlatformAdministration:")
                .replace("#   platformAdmins:", "  platformAdmins:")
                .replace("  protectWorkspaces: true\n", "  protectWorkspaces:\n"
                        + "    byTag: {key: criticality, values: [critical, tier-0], allowedPrincipals: [\"arn:aws:iam::111122223333:role/claude-critical-*\"]}\n");
        if (edited.equals(yaml) || edited.contains("# maxAgeDays") || !edited.contains("byTag: {key: criticality")) {
            throw new IllegalStateException("examples/claude-baseline.yaml changed: update DifferentialCases.withOptIns");
        }
        return edited;
    }

    private static Example example(String name, String yaml) throws Exception {
        Baseline baseline = BaselineBuilder.build(ConfigLoader.parse(yaml, false, "examples/" + name + ".yaml"), Templates.bundled());
        List<List<NamedPolicy>> levels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        // Spread the SCPs over three levels so the peer also checks that a deny at any level of the tree denies.
        for (int i = 0; i < baseline.scps().size(); i++) {
            var scp = baseline.scps().get(i);
            levels.get(i % 3).add(new NamedPolicy(scp.name(), null, scp.content()));
        }
        return new Example(name, baseline, levels.stream().map(List::copyOf).toList());
    }

    /** Every scenario of the example that has a request. */
    static List<DifferentialCase> scenarios(Example example) {
        List<DifferentialCase> out = new ArrayList<>();
        for (Scenario s : Simulator.scenarios(example.baseline())) {
            if (s.request() != null) {
                out.add(new DifferentialCase("scenario:" + example.name() + ":" + s.check(), s.description(),
                        example.name(), example.levels(), s.request()));
            }
        }
        return out;
    }

    /** {@code count} seeded mutations of the example's scenario requests. */
    static List<DifferentialCase> mutations(Example example, List<DifferentialCase> scenarios, long seed, int count) {
        Random random = new Random(seed ^ example.name().hashCode());
        Pools pools = Pools.of(scenarios);
        List<DifferentialCase> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Request base = scenarios.get(random.nextInt(scenarios.size())).request();
            List<String> how = new ArrayList<>();
            String principal = base.principal();
            if (random.nextInt(3) > 0) {
                principal = pools.principal(random, how);
            }
            String action = base.action();
            String resource = base.resource();
            if (random.nextInt(3) > 0 && action.toLowerCase(Locale.ROOT).startsWith(SERVICE + ":")) {
                ServiceReference.ActionInfo info = pick(random, REFERENCE.actions(SERVICE));
                action = info.qualified();
                resource = info.resources().isEmpty() ? "*" : pick(random, pools.workspaces);
                how.add("action " + action);
            } else if (random.nextInt(4) == 0 && resource.contains(":workspace/")) {
                resource = pick(random, pools.workspaces);
                how.add("workspace " + resource);
            }
            if (random.nextInt(4) == 0) {
                action = recase(random, action);
                how.add("action case " + action);
            }
            Map<String, List<String>> context = context(random, pools, base, action, how);
            Request request = new Request(principal, action, resource, context);
            out.add(new DifferentialCase("mutation:" + example.name() + ":" + n, String.join("; ", how), example.name(),
                    example.levels(), request));
        }
        return out;
    }

    /** The base request's context, then each key that applies to the action set, changed or removed at random. */
    private static Map<String, List<String>> context(Random random, Pools pools, Request base, String action, List<String> how) {
        ServiceReference.ActionInfo info = REFERENCE.action(action).orElse(null);
        Map<String, List<String>> context = new LinkedHashMap<>();
        base.context().forEach((k, v) -> {
            // A key the new action does not take would never be in AWS's request context (the peer drops it too).
            if (!k.equalsIgnoreCase(Request.PRINCIPAL_ARN_KEY) && applies(k, info)) {
                context.put(k, v);
            }
        });
        for (Map.Entry<String, List<List<String>>> key : pools.values.entrySet()) {
            String name = key.getKey();
            if (!applies(name, info) || random.nextInt(3) > 0) {
                continue;
            }
            context.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (random.nextInt(3) == 0) {
                how.add("without " + name);
            } else {
                List<String> values = pick(random, key.getValue());
                String written = random.nextInt(6) == 0 ? name.toLowerCase(Locale.ROOT) : name;
                context.put(written, values);
                how.add(written + "=" + values);
            }
        }
        return context;
    }

    /** Whether AWS can put the key into the request context of the action (a global key, or one the reference lists for it). */
    private static boolean applies(String key, ServiceReference.ActionInfo info) {
        return REFERENCE.isGlobalKey(key) || (info != null && info.hasConditionKey(key));
    }

    /** What the scenarios hold, plus near misses of it, to recombine. */
    private static final class Pools {
        final List<String> principals = new ArrayList<>();
        final List<String> workspaces = new ArrayList<>();
        /** condition key → candidate value lists (each list is one request's values). */
        final Map<String, List<List<String>>> values = new LinkedHashMap<>();

        static Pools of(List<DifferentialCase> scenarios) {
            Pools p = new Pools();
            Set<String> principals = new LinkedHashSet<>();
            Set<String> workspaces = new LinkedHashSet<>();
            for (DifferentialCase c : scenarios) {
                Request r = c.request();
                principals.add(r.principal());
                if (r.resource().contains(":workspace/")) {
                    workspaces.add(r.resource());
                }
                r.context().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase(Request.PRINCIPAL_ARN_KEY)) {
                        p.addValue(k, v);
                    }
                });
            }
            p.principals.addAll(principals);
            workspaces.add("arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_00NotProtected");
            p.workspaces.addAll(workspaces);
            // Near misses of what the controls test: token types, tag keys and values, credential services and ages.
            p.addValue("aws-external-anthropic:BearerTokenType", List.of("LONG_TERM"), List.of("SHORT_TERM"), List.of("long_term"));
            p.addValue("aws:TagKeys", List.of(), List.of("criticality"), List.of("CRITICALITY", "team"), List.of("owner", "cost-center"));
            p.addValue("aws:ResourceTag/criticality", List.of("critical"), List.of("Critical"), List.of("tier-0"), List.of("low"));
            p.addValue("aws:RequestTag/criticality", List.of("critical"), List.of("low"));
            p.addValue("iam:ServiceSpecificCredentialServiceName", List.of("aws-external-anthropic.amazonaws.com"),
                    List.of("codecommit.amazonaws.com"), List.of("cassandra.amazonaws.com"), List.of("bedrock.amazonaws.com"));
            p.addValue("iam:ServiceSpecificCredentialAgeDays", List.of("1"), List.of("30"), List.of("31"), List.of("365"));
            return p;
        }

        @SafeVarargs
        final void addValue(String key, List<String>... lists) {
            List<List<String>> known = values.computeIfAbsent(key, k -> new ArrayList<>());
            for (List<String> l : lists) {
                if (!known.contains(l)) {
                    known.add(List.copyOf(l));
                }
            }
        }

        /** A pooled principal, or a near miss of one: another account, a path, a user, another letter case, a longer name. */
        String principal(Random random, List<String> how) {
            String p = pick(random, principals);
            int variant = random.nextInt(8);
            String[] parts = p.split(":", 6);
            if (parts.length == 6 && parts[5].contains("/")) {
                String type = parts[5].substring(0, parts[5].indexOf('/'));
                String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
                switch (variant) {
                    case 0 -> p = String.join(":", parts[0], parts[1], parts[2], parts[3], "999988887777", parts[5]);
                    case 1 -> p = String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], type + "/team/" + name);
                    case 2 -> p = String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], (type.equals("role") ? "user/" : "role/") + name);
                    case 3 -> p = String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], type + "/" + recase(random, name));
                    case 4 -> p = String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], type + "/" + name + "-2");
                    default -> { }
                }
            }
            how.add("principal " + p);
            return p;
        }
    }

    private static String recase(Random random, String s) {
        return switch (random.nextInt(3)) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> s.toUpperCase(Locale.ROOT);
            default -> {
                StringBuilder sb = new StringBuilder(s.length());
                for (char ch : s.toCharArray()) {
                    sb.append(random.nextBoolean() ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                }
                yield sb.toString();
            }
        };
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
