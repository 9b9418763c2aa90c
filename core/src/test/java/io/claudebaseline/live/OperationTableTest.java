package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperation.Command;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AWS call plan, apply, verify and destroy make is in the operation table for that command, so the policy
 * {@code claude-baseline permissions --for <command>} prints grants everything the command does.
 */
@ExtendWith(MotoServer.class)
class OperationTableTest {

    @TempDir
    Path dir;

    @Test
    void everyCallOfEveryCommandIsInTheTableForThatCommand(MotoServer server, MotoFixtures moto) throws Exception {
        LiveWorld world = new LiveWorld(server, moto, dir);
        assertCallsListed(world, Action.PLAN, Command.PLAN);
        assertCallsListed(world, Action.APPLY, Command.APPLY);
        assertCallsListed(world, Action.VERIFY, Command.VERIFY);

        world.writeConfig("targets: [" + world.ou + "]\n", "audit: {memberAccounts: true}\n");
        Set<String> verifyWithAudit = assertCallsListed(world, Action.VERIFY, Command.VERIFY);
        assertThat(verifyWithAudit).contains("iam:ListServiceSpecificCredentials", "cloudtrail:GetEventSelectors",
                "organizations:ListTargetsForPolicy");

        // destroy: its calls (reads, DetachPolicy, DeletePolicy, PutEventSelectors) are listed for destroy.
        Set<String> destroy = assertCallsListed(world, Action.DESTROY, Command.DESTROY);
        assertThat(destroy).contains("organizations:DetachPolicy", "organizations:DeletePolicy", "cloudtrail:PutEventSelectors");
    }

    private static Set<String> assertCallsListed(LiveWorld world, Action action, Command command) throws Exception {
        FaultInjector recorder = new FaultInjector();
        world.run(action, recorder);
        Set<String> calls = new LinkedHashSet<>(recorder.calls());
        assertThat(calls).isNotEmpty();
        for (String call : calls) {
            assertThat(AwsOperation.byIamAction(call)).as("%s calls %s", action, call)
                    .hasValueSatisfying(op -> assertThat(op.commands()).as("%s calls %s", action, call).contains(command));
        }
        return calls;
    }
}
