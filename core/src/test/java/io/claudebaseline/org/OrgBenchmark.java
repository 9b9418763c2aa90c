package io.claudebaseline.org;

import io.claudebaseline.aws.AwsClientSettings;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.CallStats;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.live.LiveOperations;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.testing.MemberAccountFixtures;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Benchmark of verify's organisation audit on moto organisations of 100, 1,000 and 5,000 accounts (not a test:
 * surefire never runs it; {@code bench/run.sh} does). For each size and each of two attachment layouts it builds the
 * organisation, runs the real verify ({@link LiveOperations#verify}) through the production client factory, and
 * prints per-operation call counts, wall time and heap, then runs a naive per-account strategy (ListParents chains
 * plus one ListPoliciesForTarget per account) on the same organisation for the ratio, and checks both strategies
 * find the same uncovered accounts.
 *
 * <p>Arguments: account counts (default {@code 100 1000 5000}); {@code --layout=root|ous} to measure one layout
 * only; {@code --member-audit} to time the member-account key audit instead. The Organizations rate limiter is off (moto does
 * not throttle); the minimum time AWS's documented rates would impose is computed from the counts and printed.
 */
public final class OrgBenchmark {
    private OrgBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        boolean memberAudit = false;
        String layouts = "both";
        for (String a : args) {
            if (a.equals("--member-audit")) {
                memberAudit = true;
            } else if (a.startsWith("--layout=")) {
                layouts = a.substring("--layout=".length());
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "").replace(",", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000, 5000);
        }
        System.out.printf(Locale.ROOT, "JVM %s, max heap %d MiB, %d CPUs%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        MotoServer server = MotoServer.get();
        for (int size : sizes) {
            if (memberAudit) {
                runMemberAudit(server, size);
            } else {
                run(server, size, layouts);
            }
        }
    }

    /**
     * {@code --member-audit}: the key audit of every member account (AssumeRole, ListUsers,
     * ListServiceSpecificCredentials in each), at the default concurrency, with its progress lines.
     */
    static void runMemberAudit(MotoServer server, int size) {
        server.reset();
        MotoFixtures moto = server.fixtures();
        int ous = ousFor(size);
        long t0 = System.nanoTime();
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, ous, size);
        System.out.printf(Locale.ROOT, "%n== member audit: %,d member accounts in %d OUs (moto set-up %.1f s)%n", size, ous, seconds(t0));
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\naudit:\n  memberAccounts: true\n"),
                "claude-baseline-1");
        List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        t0 = System.nanoTime();
        try (AwsClients aws = OrgTestSupport.clients(server, AwsClientSettings.forTests())) {
            OrganizationAudit.Result result = OrganizationAudit.run(baseline, Map.of("claude-baseline-1", Set.of(g.org().rootId())),
                    aws, null, progress::add);
            double wall = seconds(t0);
            long failed = result.checks().stream().filter(c -> c.check().startsWith("member-audit")).count();
            System.out.printf(Locale.ROOT, "   %,d accounts audited in %.1f s at concurrency %d (%.1f accounts/s), %d failure check(s), %d progress lines%n",
                    size, wall, baseline.config().audit().concurrency(), size / wall, failed, progress.size());
            progress.forEach(line -> System.out.println("     | " + line));
            print(aws.callStats().snapshot());
        }
    }

    /** OUs for an organisation of {@code accounts}: about one per 50 accounts, at least 8; half of them nested. */
    static int ousFor(int accounts) {
        return Math.max(8, accounts / 50);
    }

    /** @param layouts {@code root}, {@code ous} or {@code both}: which attachment layouts to measure */
    static void run(MotoServer server, int size, String layouts) throws Exception {
        server.reset();
        int ous = ousFor(size);
        MotoFixtures moto = server.fixtures();
        long t0 = System.nanoTime();
        MemberAccountFixtures.GeneratedOrg g = MemberAccountFixtures.generate(moto, ous, size);
        double setup = seconds(t0);
        String scpId = moto.organizations().createPolicy(r -> r.name("claude-baseline-1").description("bench")
                .type(PolicyType.SERVICE_CONTROL_POLICY).content("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .tags(Tag.builder().key(AwsFacts.OWNERSHIP_TAG_KEY).value(AwsFacts.OWNERSHIP_TAG_VALUE).build()))
                .policy().policySummary().id();
        System.out.printf(Locale.ROOT, "%n== %,d member accounts in %d OUs (moto set-up %.1f s)%n", size, ous, setup);

        // Layout 1: the SCP on the root. Layout 2: on all top-level OUs but the last (its subtree and the root's
        // own accounts stay uncovered).
        if (!layouts.equals("ous")) {
            moto.organizations().attachPolicy(r -> r.policyId(scpId).targetId(g.org().rootId()));
            measure(server, g, scpId, "SCP on the root");
            moto.organizations().detachPolicy(r -> r.policyId(scpId).targetId(g.org().rootId()));
        }
        if (layouts.equals("root")) {
            return;
        }
        int topLevel = Math.max(1, (ous + 1) / 2);
        for (String ou : g.ous().subList(0, topLevel - 1)) {
            moto.organizations().attachPolicy(r -> r.policyId(scpId).targetId(ou));
        }
        measure(server, g, scpId, "SCP on " + (topLevel - 1) + " of " + topLevel + " top-level OUs");
    }

    static void measure(MotoServer server, MemberAccountFixtures.GeneratedOrg g, String scpId, String layout) throws Exception {
        Baseline baseline = OrgTestSupport.baseline(OrgTestSupport.config("targets: [ROOT]\n"), "claude-baseline-1");
        EngineRequest request = EngineRequest.builder(Action.VERIFY, Path.of("claude-baseline.yaml"))
                .endpointUrl(server.endpoint()).environment(server.environment()).build();
        AwsClientSettings settings = AwsClientSettings.forTests(); // rate limiter off, small retry budget

        System.gc();
        long before = usedHeap();
        resetPeaks();
        long t0 = System.nanoTime();
        EngineResult result;
        Map<String, CallStats.OperationStats> ours;
        try (AwsClients aws = OrgTestSupport.clients(server, settings)) {
            result = LiveOperations.verify(baseline, request, aws, line -> { });
            ours = aws.callStats().snapshot();
        }
        double wall = seconds(t0);
        long peak = peakHeap();
        System.gc();
        long retained = usedHeap() - before;
        Set<String> oursUncovered = uncovered(result);

        t0 = System.nanoTime();
        Map<String, CallStats.OperationStats> naive;
        Set<String> naiveUncovered;
        try (AwsClients aws = OrgTestSupport.clients(server, settings)) {
            naiveUncovered = naive(aws.organizations(), scpId, g.org().managementAccountId());
            naive = aws.callStats().snapshot();
        }
        double naiveWall = seconds(t0);

        long oursOrg = organizationsCalls(ours);
        long naiveOrg = organizationsCalls(naive);
        System.out.printf(Locale.ROOT, "-- %s: %,d uncovered member accounts (naive agrees: %s)%n", layout,
                oursUncovered.size(), oursUncovered.equals(naiveUncovered) ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "   verify: %,d Organizations calls, %.2f s wall, peak heap %,d MiB, retained after GC %,d KiB; "
                        + "AWS's rates would impose >= %.1f s%n", oursOrg, wall, peak >> 20, Math.max(0, retained) >> 10, minSecondsAtAwsRates(ours));
        System.out.printf(Locale.ROOT, "           budget U + ceil(A/20) + 3 x SCPs + 10 = %,d%n",
                g.ous().size() + (g.accounts().size() + 1 + 19) / 20 + 3 + 10);
        print(ours);
        System.out.printf(Locale.ROOT, "   naive:  %,d Organizations calls, %.2f s wall; AWS's rates would impose >= %.1f s; ratio %.1fx calls%n",
                naiveOrg, naiveWall, minSecondsAtAwsRates(naive), naiveOrg / (double) oursOrg);
        print(naive);
    }

    /** The naive strategy: every account, its chain of parents, and ListPoliciesForTarget on each (OUs memoised). */
    static Set<String> naive(OrganizationsClient org, String scpId, String management) {
        Map<String, Boolean> attached = new HashMap<>();
        Set<String> uncovered = new TreeSet<>();
        for (ListAccountsResponse page : org.listAccountsPaginator(r -> r.maxResults(20))) {
            for (Account account : page.accounts()) {
                if (account.id().equals(management)) {
                    continue;
                }
                boolean covered = hasScp(org, account.id(), scpId);
                String child = account.id();
                while (!covered) {
                    String current = child;
                    Parent parent = org.listParents(r -> r.childId(current)).parents().get(0);
                    covered = attached.computeIfAbsent(parent.id(), id -> hasScp(org, id, scpId));
                    if (parent.type() == ParentType.ROOT) {
                        break;
                    }
                    child = parent.id();
                }
                if (!covered) {
                    uncovered.add(account.id());
                }
            }
        }
        return uncovered;
    }

    private static boolean hasScp(OrganizationsClient org, String target, String scpId) {
        return org.listPoliciesForTargetPaginator(r -> r.targetId(target).filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                .flatMap(p -> p.policies().stream()).anyMatch(p -> p.id().equals(scpId));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> uncovered(EngineResult result) {
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) result.details().get("accounts")) {
            if (!Boolean.TRUE.equals(row.get("management")) && !Boolean.TRUE.equals(row.get("covered"))) {
                out.add((String) row.get("id"));
            }
        }
        return out;
    }

    private static long organizationsCalls(Map<String, CallStats.OperationStats> stats) {
        return stats.entrySet().stream().filter(e -> e.getKey().startsWith("organizations:")).mapToLong(e -> e.getValue().calls()).sum();
    }

    /** The least time the documented per-operation rates allow: each operation's bucket drains independently. */
    private static double minSecondsAtAwsRates(Map<String, CallStats.OperationStats> stats) {
        double worst = 0;
        for (Map.Entry<String, CallStats.OperationStats> e : stats.entrySet()) {
            if (e.getKey().startsWith("organizations:")) {
                AwsFacts.ApiRate rate = AwsFacts.organizationsRate(e.getKey().substring("organizations:".length()));
                worst = Math.max(worst, Math.max(0, e.getValue().calls() - rate.burst()) / rate.perSecond());
            }
        }
        return worst;
    }

    private static void print(Map<String, CallStats.OperationStats> stats) {
        stats.forEach((op, s) -> System.out.printf(Locale.ROOT, "           %-52s %,8d%n", op, s.calls()));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of each heap pool's peak since the reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
