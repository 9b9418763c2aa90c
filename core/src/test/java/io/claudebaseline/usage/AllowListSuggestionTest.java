package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.BaselineEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suggested allow-list change: block and flow lists, unused exact entries removed, unmatched wildcards flagged. */
class AllowListSuggestionTest {
    @TempDir
    Path dir;

    private String patched(Path config, String diff) throws Exception {
        Path patch = Files.writeString(dir.resolve("s.diff"), diff);
        Process p = new ProcessBuilder("patch", "-p1", "-i", patch.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return Files.readString(config);
    }

    @Test
    void blockListsLoseUnusedEntriesAndFlagUnmatchedWildcardsAsComments() throws Exception {
        Path config = dir.resolve("claude-baseline.yaml");
        String text = Files.readString(UsageWorld.examples().resolve("claude-baseline.yaml"))
                .replace("      - arn:aws:iam::111122223333:role/claude-research-*\n",
                        "      - arn:aws:iam::111122223333:role/claude-research-*\n      - \"arn:aws:iam::111122223333:role/temp-*\"   # summer interns\n");
        Files.writeString(config, text);
        AllowListSuggestion.Result r = AllowListSuggestion.suggest(config, text, List.of(
                new AllowListSuggestion.Edit(0, List.of("arn:aws:iam::111122223333:role/claude-prod-deployer"), List.of()),
                new AllowListSuggestion.Edit(1, List.of(), List.of("arn:aws:iam::111122223333:role/temp-*"))), "between A and B");

        assertThat(r.notEditable()).isEmpty();
        assertThat(r.diff()).startsWith("--- a/claude-baseline.yaml\n+++ b/claude-baseline.yaml\n")
                .contains("-      - arn:aws:iam::111122223333:role/claude-prod-deployer\n")
                .contains("+      # - \"arn:aws:iam::111122223333:role/temp-*\"   # summer interns   # flagged: wildcard matched no principal between A and B");
        String after = patched(config, r.diff());
        assertThat(after).isEqualTo(r.revised());
        BaselineConfig c = BaselineEngine.loadAndValidate(config);
        assertThat(c.workspaces().get(0).allowedPrincipals()).containsExactly("arn:aws:iam::111122223333:role/claude-prod-app");
        assertThat(c.workspaces().get(1).allowedPrincipals()).containsExactly("arn:aws:iam::111122223333:role/claude-research-*");
        assertThat(after).contains("# Break-glass roles").as("the rest of the file, comments included, is untouched");
    }

    @Test
    void aOneLineFlowListIsRewrittenInPlace() throws Exception {
        Path config = dir.resolve("c.yaml");
        String text = "version: 1\ntargets: [ou-ab12-11111111]\nworkspaces:\n  - id: wrkspc_01AbCdEf23GhIj\n    region: us-east-1\n"
                + "    account: \"111122223333\"\n    allowedPrincipals: [\"arn:aws:iam::111122223333:role/a\", arn:aws:iam::111122223333:role/b, 'arn:aws:iam::111122223333:role/c-*']  # owners\n";
        Files.writeString(config, text);
        AllowListSuggestion.Result r = AllowListSuggestion.suggest(config, text, List.of(new AllowListSuggestion.Edit(0,
                List.of("arn:aws:iam::111122223333:role/b"), List.of("arn:aws:iam::111122223333:role/c-*"))), "in the window");
        String after = patched(config, r.diff());
        assertThat(after).contains("    allowedPrincipals: [\"arn:aws:iam::111122223333:role/a\"]  # owners\n",
                "    # flagged: wildcard(s) \"arn:aws:iam::111122223333:role/c-*\" matched no principal in the window");
        assertThat(BaselineEngine.loadAndValidate(config).workspaces().get(0).allowedPrincipals())
                .containsExactly("arn:aws:iam::111122223333:role/a");
    }

    @Test
    void aMultiLineFlowListIsLeftAloneAndSaysWhy() throws Exception {
        String text = "workspaces:\n  - id: w\n    allowedPrincipals: [\n      \"arn:aws:iam::1:role/a\",\n      \"arn:aws:iam::1:role/b\"]\n";
        AllowListSuggestion.Result r = AllowListSuggestion.suggest(dir.resolve("c.yaml"), text,
                List.of(new AllowListSuggestion.Edit(0, List.of("arn:aws:iam::1:role/b"), List.of())), "x");
        assertThat(r.diff()).isEmpty();
        assertThat(r.notEditable()).containsEntry(0, "its allowedPrincipals is a flow list over several lines; edit it by hand");
    }
}
