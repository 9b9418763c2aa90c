package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.render.CanonicalFormTest;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCPs applied by versions that wrote {@code "Action": "x"} instead of {@code ["x"]} are no drift: verify passes
 * and plan has nothing to change, so upgrading never rewrites (or alarms about) a baseline that means the same.
 */
@ExtendWith(MotoServer.class)
class StringFormLiveTest {

    @Test
    void anScpAppliedInTheOlderStringFormIsNeitherDriftNorAChange(MotoServer server, MotoFixtures moto, @TempDir Path dir)
            throws Exception {
        LiveWorld world = new LiveWorld(server, moto, dir);
        world.run(Action.APPLY);
        for (String name : world.scpNames()) {
            String id = world.scpId(name);
            String older = CanonicalFormTest.stringForm(moto.policyContent(id));
            assertThat(older).isNotEqualTo(moto.policyContent(id)).contains("\"Resource\":\"*\"");
            moto.organizations().updatePolicy(r -> r.policyId(id).content(older));
        }

        EngineResult verify = world.run(Action.VERIFY);
        assertThat(verify.checks()).filteredOn(c -> c.status() == CheckStatus.FAIL).isEmpty();
        assertThat(verify.compliant()).isTrue();
        assertThat(world.run(Action.PLAN).changes()).isZero();
    }
}
