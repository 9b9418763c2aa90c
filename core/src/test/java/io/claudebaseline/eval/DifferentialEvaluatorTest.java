package io.claudebaseline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.claudebaseline.testing.ServiceReferenceTool;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Differential test: every conformance row (and seeded variants of its request), every scenario of the bundled examples and a few thousand seeded mutations
 * of them go through our {@link ScpEvaluator} and through a second, independent evaluator (npm
 * {@code @cloud-copilot/iam-simulate}, see {@link PeerEvaluator}); every decision must agree. A disagreement AWS
 * decides in the peer's disfavour is listed, with the AWS rule, in {@code eval/legitimate-differences.yaml}; one AWS
 * decides against us is a bug of ours, fixed in the evaluator with a conformance row. See docs/simulation.md.
 *
 * <p>The seed of the mutations is fixed (reproducible runs); {@code -Dcb.differential.seed=N} tries another one,
 * {@code -Dcb.differential.mutations=N} sets how many per example, {@code -Dcb.differential.rowVariants=N} how many
 * variants of each conformance row ({@link ConformanceMutations}).
 */
// Runs beside the moto tests (core/pom.xml): its time goes to Node.
@Execution(ExecutionMode.CONCURRENT)
class DifferentialEvaluatorTest {
    private static final long SEED = Long.getLong("cb.differential.seed", 20261202L);
    private static final int MUTATIONS_PER_EXAMPLE = Integer.getInteger("cb.differential.mutations", 600);
    private static final int VARIANTS_PER_ROW = Integer.getInteger("cb.differential.rowVariants", 8);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Our answer: DENIED, NOT_DENIED or ERROR, and the Deny statements that apply as {@code policy:Sid} (or {@code policy:#index}). */
    record Ours(String decision, List<String> denies) {}

    /** An entry of legitimate-differences.yaml: a case both evaluators legitimately decide differently. */
    record Legitimate(String id, String ours, String peer, String awsAgreesWith, String rule, String url) {}

    @Test
    void bothEvaluatorsDecideEveryRequestAlike() throws Exception {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        List<DifferentialCase> cases = new ArrayList<>(DifferentialCases.conformance());
        int conformance = cases.size();
        cases.addAll(ConformanceMutations.of(List.copyOf(cases), SEED, VARIANTS_PER_ROW));
        int conformanceVariants = cases.size() - conformance;
        int scenarios = 0;
        Path repoRoot = ServiceReferenceTool.toolDir().getParent().getParent();
        for (DifferentialCases.Example example : DifferentialCases.examples(repoRoot)) {
            List<DifferentialCase> fromScenarios = DifferentialCases.scenarios(example);
            scenarios += fromScenarios.size();
            cases.addAll(fromScenarios);
            cases.addAll(DifferentialCases.mutations(example, fromScenarios, SEED, MUTATIONS_PER_EXAMPLE));
        }
        Map<String, PeerEvaluator.PeerDecision> peer = PeerEvaluator.evaluate(cases);
        Map<String, Legitimate> legitimate = legitimateDifferences();

        List<String> disagreements = new ArrayList<>();
        List<String> listedButAgreeing = new ArrayList<>(legitimate.keySet());
        Map<String, ScpEvaluator> evaluators = new HashMap<>();
        int deniedByBoth = 0;
        List<String> keysThePeerDropped = new ArrayList<>();
        for (DifferentialCase c : cases) {
            Ours ours = ours(c, evaluators);
            PeerEvaluator.PeerDecision theirs = peer.get(c.id());
            if (theirs != null && !theirs.ignoredContextKeys().isEmpty() && !c.id().startsWith("conformance:")) {
                keysThePeerDropped.add(c.id() + ": " + theirs.ignoredContextKeys() + " on " + c.request().action());
            }
            String theirDecision = theirs == null ? "MISSING" : theirs.decision();
            boolean agree = ours.decision().equals(theirDecision)
                    // When both deny, the same Deny statements must apply (a deny for the wrong reason is a bug too).
                    && (!ours.decision().equals("DENIED") || new TreeSet<>(ours.denies()).equals(new TreeSet<>(theirs.denies())));
            if (agree) {
                deniedByBoth += ours.decision().equals("DENIED") ? 1 : 0;
                continue;
            }
            Legitimate listed = legitimate.get(c.id());
            if (listed != null && listed.ours().equals(ours.decision()) && listed.peer().equals(theirDecision)) {
                listedButAgreeing.remove(c.id());
                continue;
            }
            disagreements.add(c.id() + ": ours " + ours.decision() + " " + ours.denies() + ", peer " + theirDecision
                    + (theirs == null ? "" : " " + theirs.denies() + " (" + theirs.peer()
                            + (theirs.ignoredContextKeys().isEmpty() ? "" : ", context keys it ignored " + theirs.ignoredContextKeys()) + ")")
                    + "\n    request: " + c.request().describe() + "\n    from: " + c.origin());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("differential: %d requests (%d conformance rows, %d variants of them, %d scenarios, %d mutations, seed %d;"
                        + " %d denied by both)"
                        + " compared with @cloud-copilot/iam-simulate in %.1f s wall (this JVM thread %.1f s CPU);"
                        + " %d disagreements, %d listed as legitimate%n",
                cases.size(), conformance, conformanceVariants, scenarios, cases.size() - conformance - conformanceVariants - scenarios,
                SEED, deniedByBoth, seconds,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9, disagreements.size(), legitimate.size() - listedButAgreeing.size());

        assertThat(peer).as("the peer answered every request").hasSameSizeAs(cases);
        assertThat(disagreements)
                .as("decisions of ScpEvaluator and iam-simulate that differ (seed %d, -Dcb.differential.seed=%d reproduces)."
                        + " Fix our evaluator when AWS agrees with the peer; else list the case in eval/legitimate-differences.yaml"
                        + " with the AWS rule", SEED, SEED)
                .isEmpty();
        assertThat(keysThePeerDropped)
                .as("scenario requests carrying condition keys the reference does not list for their action: AWS never sends"
                        + " them, the peer drops them, so the comparison would not be like for like (seed %d)", SEED)
                .isEmpty();
        assertThat(listedButAgreeing).as("entries of eval/legitimate-differences.yaml whose case no longer differs: remove them")
                .isEmpty();
    }

    @Test
    void everyLegitimateDifferenceNamesTheAwsRuleAndTheSideAwsTakes() throws Exception {
        for (Legitimate l : legitimateDifferences().values()) {
            assertThat(l.rule()).as("rule of %s", l.id()).hasSizeGreaterThan(20);
            assertThat(l.url()).as("url of %s", l.id()).startsWith("https://docs.aws.amazon.com/");
            assertThat(l.awsAgreesWith()).as("awsAgreesWith of %s", l.id()).isEqualTo("ours");
            assertThat(List.of(l.ours(), l.peer())).as("decisions of %s", l.id()).allMatch(d -> List.of("DENIED", "NOT_DENIED", "ERROR").contains(d));
        }
    }

    /** ERROR when our parser rejects one of the policies. */
    private static Ours ours(DifferentialCase c, Map<String, ScpEvaluator> evaluators) {
        ScpEvaluator evaluator;
        try {
            evaluator = evaluators.computeIfAbsent(c.policySet(), k -> ScpEvaluator.of(c.policies()));
        } catch (PolicyParseException e) {
            return new Ours("ERROR", List.of());
        }
        Decision d = evaluator.evaluate(c.request());
        return new Ours(d.outcome().name(), d.denies().stream()
                .map(s -> s.policyName() + ":" + (s.sid() == null ? "#" + s.index() : s.sid())).distinct().toList());
    }

    static Map<String, Legitimate> legitimateDifferences() throws Exception {
        Map<String, Legitimate> out = new LinkedHashMap<>();
        try (InputStream in = DifferentialEvaluatorTest.class.getResourceAsStream("/eval/legitimate-differences.yaml")) {
            JsonNode root = YAML.readTree(in);
            for (JsonNode n : root.path("differences")) {
                Legitimate l = new Legitimate(n.get("case").asText(), n.get("ours").asText(), n.get("peer").asText(),
                        n.get("awsAgreesWith").asText(), n.get("rule").asText(), n.get("url").asText());
                assertThat(out.put(l.id(), l)).as("duplicate entry %s", l.id()).isNull();
            }
        }
        return out;
    }
}
