package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.TrailSelectors;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.FaultInjector.Fault;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * destroy against moto: after an apply, it removes the tool's SCPs (detached everywhere, deleted) and its own trail
 * selectors, and nothing else — a foreign SCP, a same-named SCP without the tag, a foreign selector and the
 * trail's logging state are as they were; dry run changes nothing; a fault mid-destroy leaves a snapshot and a
 * failure report, and a re-run finishes the job.
 */
@ExtendWith(MotoServer.class)
class DestroyTest {

    @TempDir
    Path dir;
    LiveWorld world;
    String foreignScp;
    AdvancedEventSelector foreignSelector;
    static final String FOREIGN_CONTENT = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    @BeforeEach
    void appliedBaselineNextToForeignThings(MotoServer server, MotoFixtures moto) throws Exception {
        world = new LiveWorld(server, moto, dir);
        foreignSelector = LiveWorld.foreignSelector();
        moto.putAdvancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION, List.of(foreignSelector));
        foreignScp = moto.createForeignScp("team-guardrail", FOREIGN_CONTENT, Map.of("team", "x"), world.ou);
        world.run(Action.APPLY);
        assertThat(world.run(Action.VERIFY).compliant()).isTrue();
    }

    private EngineResult destroy(boolean dryRun) throws Exception {
        return world.run(Action.DESTROY, world.server.engine(), dryRun);
    }

    private List<String> ourScpIds() {
        return world.moto.organizations().listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                .flatMap(p -> p.policies().stream()).filter(p -> p.name().startsWith("claude-baseline-")).map(p -> p.id()).toList();
    }

    private void assertOnlyOursIsGone(boolean logging) {
        assertThat(ourScpIds()).isEmpty();
        assertThat(world.moto.scpIdsAttachedTo(world.ou)).contains(foreignScp, AwsFacts.FULL_AWS_ACCESS_POLICY_ID);
        assertThat(world.moto.policyContent(foreignScp)).isEqualTo(FOREIGN_CONTENT);
        List<AdvancedEventSelector> selectors = world.moto.advancedSelectors(LiveWorld.TRAIL, LiveWorld.REGION);
        assertThat(selectors).contains(foreignSelector).noneMatch(s -> TrailSelectors.isOurs(s.name()));
        assertThat(world.moto.isLogging(LiveWorld.TRAIL, LiveWorld.REGION)).isEqualTo(logging);
        // SCPs stay enabled on the root: other SCPs may depend on them.
        assertThat(world.moto.organizations().listRoots().roots().get(0).policyTypes()).isNotEmpty();
    }

    @Test
    void dryRunPlansAndChangesNothingThenDestroyRemovesOnlyWhatTheToolInstalled() throws Exception {
        List<String> ours = ourScpIds();
        assertThat(ours).isNotEmpty();
        EngineResult dry = destroy(true);
        assertThat(dry.action()).isEqualTo(Action.DESTROY);
        assertThat(dry.compliant()).isFalse();
        assertThat(dry.changes()).isPositive();
        assertThat(dry.summary()).startsWith("Dry run: ").endsWith("Nothing was changed.");
        assertThat(ourScpIds()).containsExactlyInAnyOrderElementsOf(ours);

        world.moto.stopLogging(LiveWorld.TRAIL, LiveWorld.REGION);
        world.progress.clear();
        EngineResult gone = destroy(false);
        assertThat(gone.changes()).isEqualTo(dry.changes());
        assertThat(gone.summary()).startsWith("Destroyed: ").contains("pre-change snapshot");
        assertThat(gone.artifacts()).singleElement().satisfies(p -> {
            assertThat(p).exists();
            assertThat(p.getParent().getFileName().toString()).startsWith("destroy-");
        });
        assertThat(world.progress).anyMatch(l -> l.contains("delete SCP claude-baseline-")).anyMatch(l -> l.contains("put event selectors"));
        // Logging was off before destroy and stays off: destroy never starts or stops it.
        assertOnlyOursIsGone(false);

        EngineResult again = destroy(false);
        assertThat(again.changes()).isZero();
        assertThat(again.compliant()).isTrue();
        assertThat(again.summary()).contains("Nothing to destroy");
    }

    @Test
    void aSameNamedScpWithoutTheOwnershipTagIsNeverTouched() throws Exception {
        String name = world.scpNames().get(0);
        String ours = world.scpId(name);
        world.moto.organizations().untagResource(r -> r.resourceId(ours).tagKeys(AwsFacts.OWNERSHIP_TAG_KEY));
        destroy(false);
        assertThat(world.moto.policyContent(ours)).isNotNull();
        assertThat(world.moto.scpIdsAttachedTo(world.ou)).contains(ours);
    }

    @Test
    void aFaultMidDestroyLeavesTheSnapshotAndAFailureReportAndARerunFinishes() throws Exception {
        FaultInjector faults = new FaultInjector().at("organizations:DeletePolicy", 0, -1, Fault.CONCURRENT_MODIFICATION);
        assertThatThrownBy(() -> world.run(Action.DESTROY, faults)).isInstanceOf(AwsOperationException.class)
                .hasMessageContaining("organizations:DeletePolicy");
        assertThat(faults.fired()).isPositive();
        assertThat(world.progress).anyMatch(l -> l.startsWith("destroy stopped:"))
                .anyMatch(l -> l.startsWith("Run destroy again to finish"));
        try (Stream<Path> runs = Files.list(world.dir.resolve("out"))) {
            Path failed = runs.filter(d -> Files.exists(d.resolve(Applier.FAILURE_FILE))).findFirst().orElseThrow();
            assertThat(failed.getFileName().toString()).startsWith("destroy-");
            assertThat(Files.readString(failed.resolve(Applier.FAILURE_FILE))).contains("\"done\"", "\"notDone\"", "delete-scp");
            assertThat(Files.readString(failed.resolve(Applier.SNAPSHOT_FILE))).contains("claude-baseline-", "advancedEventSelectors");
        }

        // The re-run after a lost answer too: the first DeletePolicy takes effect, its answer is lost.
        FaultInjector lost = new FaultInjector().at("organizations:DeletePolicy", 0, 1, Fault.TIMEOUT_AFTER_EFFECT);
        assertThatThrownBy(() -> world.run(Action.DESTROY, lost)).isInstanceOf(AwsOperationException.class);
        EngineResult rerun = world.run(Action.DESTROY);
        assertThat(rerun.compliant()).isTrue();
        assertOnlyOursIsGone(true);
        assertThat(destroy(true).changes()).as("converged").isZero();
    }
}
