package io.claudebaseline.live;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;

/**
 * A small organisation in moto for the live scenarios: a root, a Workloads OU with a prod account, a sandbox
 * account, a multi-region trail that is logging, and a config that targets the OU and the sandbox account.
 */
final class LiveWorld {
    static final String TRAIL = "org-trail";
    static final String REGION = "us-east-1";
    static final String WORKSPACE = "wrkspc_01AbCdEf23GhIj";

    final MotoServer server;
    final MotoFixtures moto;
    final MotoFixtures.Org org;
    final String ou;
    final String prodAccount;
    final String sandboxAccount;
    final Path dir;
    Path config;
    final List<String> progress = new ArrayList<>();

    LiveWorld(MotoServer server, MotoFixtures moto, Path dir) throws Exception {
        this.server = server;
        this.moto = moto;
        this.dir = dir;
        this.org = moto.createOrganization();
        this.ou = moto.createOu(org.rootId(), "Workloads");
        this.prodAccount = moto.createAccount("prod", ou);
        this.sandboxAccount = moto.createAccount("sandbox", org.rootId());
        moto.createTrail(TRAIL, REGION, true, true);
        writeConfig("targets: [" + ou + ", \"" + sandboxAccount + "\"]\n", "");
    }

    /** The same organisation and config, with its outputs, reports and progress in {@code newDir}. */
    LiveWorld inDir(Path newDir) throws Exception {
        return new LiveWorld(this, newDir);
    }

    private LiveWorld(LiveWorld from, Path dir) throws Exception {
        this.server = from.server;
        this.moto = from.moto;
        this.dir = dir;
        this.org = from.org;
        this.ou = from.ou;
        this.prodAccount = from.prodAccount;
        this.sandboxAccount = from.sandboxAccount;
        this.config = Files.copy(from.config, dir.resolve(from.config.getFileName()));
    }

    /** Writes the config with the given targets line and extra top-level YAML. */
    void writeConfig(String targetsLine, String extra) throws Exception {
        config = dir.resolve("claude-baseline.yaml");
        Files.writeString(config, "version: 1\n"
                + "policyNamePrefix: claude-baseline\n"
                + targetsLine
                + "workspaces:\n"
                + "  - id: " + WORKSPACE + "\n"
                + "    region: " + REGION + "\n"
                + "    account: \"" + prodAccount + "\"\n"
                + "    allowedPrincipals: [\"arn:aws:iam::" + prodAccount + ":role/claude-prod-deployer\"]\n"
                + "exemptPrincipals: [\"arn:aws:iam::*:role/BreakGlassAdmin\"]\n"
                + "controls:\n"
                + "  cloudTrailDataEvents: {enabled: true, trailName: " + TRAIL + ", homeRegion: " + REGION + ", scope: all-workspaces}\n"
                + "tags: {owner: platform-security}\n"
                + extra);
    }

    Baseline baseline() throws Exception {
        BaselineConfig cfg = BaselineEngine.loadAndValidate(config);
        return BaselineBuilder.build(cfg, Templates.bundled());
    }

    List<String> scpNames() throws Exception {
        return baseline().scps().stream().map(s -> s.name()).toList();
    }

    EngineResult run(Action action) throws Exception {
        return run(action, server.engine(), false);
    }

    EngineResult run(Action action, BaselineEngine engine, boolean dryRun) throws Exception {
        return engine.run(server.request(action, config).outputDir(dir.resolve("out")).reportDir(dir.resolve("reports"))
                .dryRun(dryRun).build(), progress::add);
    }

    /** Runs a request the test built itself (e.g. with verify options), reporting progress here. */
    EngineResult engineRun(io.claudebaseline.engine.api.EngineRequest.Builder request) throws Exception {
        return server.engine().run(request.outputDir(dir.resolve("out")).build(), progress::add);
    }

    EngineResult run(Action action, FaultInjector faults) throws Exception {
        return run(action, server.engine(faults), false);
    }

    /** A selector someone else put on the trail, which apply must keep. */
    static AdvancedEventSelector foreignSelector() {
        return AdvancedEventSelector.builder().name("security-team: S3 object writes")
                .fieldSelectors(
                        AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Data").build(),
                        AdvancedFieldSelector.builder().field("resources.type").equalsValue("AWS::S3::Object").build(),
                        AdvancedFieldSelector.builder().field("readOnly").equalsValue("false").build())
                .build();
    }

    /** Our SCP's id by name, straight from moto. */
    String scpId(String name) {
        return moto.organizations().listPoliciesPaginator(r -> r.filter("SERVICE_CONTROL_POLICY")).stream()
                .flatMap(p -> p.policies().stream()).filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }
}
