package io.claudebaseline.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String TOKEN = "IQoJb3JpZ2luX2VjEHIaCXVzLWVhc3QtMSJHMEUCIQD+token/with=chars";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String EXTERNAL = "ext-id-4242";

    private static Redactor redactor() {
        return Redactor.forRequest(EngineRequest.builder(Action.VERIFY, Path.of("c.yaml")).externalId(EXTERNAL)
                .environment(Map.of("AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", TOKEN)).build());
    }

    @Test
    void requestTextShapesAreMaskedWhateverTheirValue() {
        Redactor r = Redactor.patternsOnly();
        String reflected = "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024\n"
                + "X-Amz-Security-Token: FwoGZXIvYXdzEBQaDOTHERTOKEN\nAction=AssumeRole&ExternalId=someone-else&RoleSessionName=x "
                + "{\"ExternalId\": \"json-form\"} key ASIAQWERTYUIOPASDFGH";
        String out = r.redact(reflected);
        assertThat(out).doesNotContain("AKIAIOSFODNN7EXAMPLE", "fe5f80f7", "FwoGZXIvYXdzEBQaDOTHERTOKEN", "someone-else", "json-form",
                "ASIAQWERTYUIOPASDFGH");
        assertThat(out).contains("Credential=***", "Signature=***", "X-Amz-Security-Token: ***", "ExternalId=***", "RoleSessionName=x");
        // Our own sentences are untouched.
        String ours = "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_SESSION_TOKEN; organizations:ListPolicies timed out.";
        assertThat(r.redact(ours)).isEqualTo(ours);
    }

    @Test
    void theRunsExactValuesAreMaskedAlsoUrlEncoded() {
        Redactor r = redactor();
        r.add("resolved-later-secret");
        String text = "token " + TOKEN + " encoded " + java.net.URLEncoder.encode(TOKEN, java.nio.charset.StandardCharsets.UTF_8)
                + " key " + SECRET + " id " + EXTERNAL + " and resolved-later-secret";
        assertThat(r.redact(text)).doesNotContain(TOKEN, SECRET, EXTERNAL, "resolved-later-secret",
                java.net.URLEncoder.encode(TOKEN, java.nio.charset.StandardCharsets.UTF_8)).contains("token ***");
    }

    @Test
    void anExceptionKeepsItsKindAndLosesItsSecretsThroughTheWholeChain() {
        Redactor r = redactor();
        RuntimeException sdk = new RuntimeException("Request ID: " + TOKEN, new IllegalStateException("body ExternalId=" + EXTERNAL));
        AwsOperationException e = new AwsOperationException("sts:AssumeRole", "role", AwsOperationException.Kind.OTHER,
                "sts:AssumeRole on role failed (request id " + TOKEN + ").", sdk);
        Exception out = r.redact(e);
        assertThat(out).isInstanceOf(AwsOperationException.class).isNotSameAs(e);
        assertThat(((AwsOperationException) out).kind()).isEqualTo(AwsOperationException.Kind.OTHER);
        List<String> chain = new ArrayList<>();
        for (Throwable t = out; t != null; t = t.getCause()) {
            chain.add(t.toString());
        }
        assertThat(String.join("\n", chain)).doesNotContain(TOKEN, EXTERNAL).contains("java.lang.RuntimeException: Request ID: ***",
                "java.lang.IllegalStateException: body ExternalId=***");
        assertThat(out.getStackTrace()).isEqualTo(e.getStackTrace());
        // A clean exception is passed on as it is.
        IllegalArgumentException clean = new IllegalArgumentException("--region 'x' is not a region name");
        assertThat(r.redact(clean)).isSameAs(clean);
    }

    @Test
    void aResultIsRedactedInSummaryChecksEvidenceWarningsAndDetails() {
        Redactor r = redactor();
        EngineResult result = new EngineResult(Action.VERIFY, false, 0,
                List.of(CheckResult.fail("c", "x", "saw " + TOKEN).withEvidence(Map.of("nested", List.of(Map.of("v", EXTERNAL)), "n", 3))),
                List.of(Problem.warning("audit.externalId", "is " + EXTERNAL)), List.of(), null, "summary " + SECRET,
                Map.of("awsCalls", Map.of("sts:AssumeRole", 1), "text", TOKEN));
        EngineResult out = r.redact(result);
        assertThat(out.toString()).doesNotContain(TOKEN, EXTERNAL, SECRET);
        assertThat(out.checks().get(0).evidence().get("n")).isEqualTo(3);
        assertThat(out.details().get("awsCalls")).isEqualTo(Map.of("sts:AssumeRole", 1));
    }

    @Test
    void everyShapeIsMaskedInAnyCaseSoTheWordPrefilterSkipsNothing() {
        Redactor r = Redactor.patternsOnly();
        // The value each shape carries; "fe5f80f7" is hex because Signature= masks only hex.
        String value = "fe5f80f7";
        List<String> shapes = List.of("Signature=", "Credential=", "X-Amz-Signature=", "X-Amz-Credential=", "X-Amz-Security-Token: ",
                "SecurityToken=", "SessionToken=", "SecretAccessKey=", "ExternalId=");
        for (String shape : shapes) {
            for (String variant : List.of(shape, shape.toLowerCase(java.util.Locale.ROOT), shape.toUpperCase(java.util.Locale.ROOT))) {
                assertThat(r.redact("reflected " + variant + value + " end")).as(variant).doesNotContain(value);
            }
        }
        assertThat(r.redact("key AKIAIOSFODNN7EXAMPLE and ASIAQWERTYUIOPASDFGH")).doesNotContain("AKIAIOSFODNN7EXAMPLE", "ASIAQWERTYUIOPASDFGH");
    }

    @Test
    void theWordPrefilterFindsAShapeAtEitherEndOfALongNonLatinText() {
        Redactor r = Redactor.patternsOnly();
        // Longer than the scan buffer's first size, with a character outside Latin-1 (as every check message has).
        String filler = "policy — statement ".repeat(120);
        assertThat(r.redact(filler + "Signature=fe5f80f7")).isEqualTo(filler + "Signature=***");
        assertThat(r.redact("AKIAIOSFODNN7EXAMPLE " + filler)).isEqualTo("*** " + filler);
        assertThat(r.redact(filler)).isSameAs(filler);
        assertThat(r.redact("AKI")).isEqualTo("AKI");
    }

    @Test
    void aCheckWithNothingToRedactIsPassedOnAsItIs() {
        Redactor r = redactor();
        CheckResult clean = CheckResult.pass("protect-workspaces", "scenario:x", "As expected: CreateServiceSpecificCredential denied")
                .withEvidence(Map.of("context", Map.of("iam:ServiceSpecificCredentialServiceName", "x"), "n", 3));
        assertThat(r.redact(clean)).isSameAs(clean);
        CheckResult dirty = clean.withEvidence(Map.of("context", Map.of("k", List.of(EXTERNAL))));
        assertThat(r.redact(dirty)).isNotSameAs(dirty);
        assertThat(r.redact(dirty).toString()).doesNotContain(EXTERNAL);
    }

    /** A deferred check's texts, built from {@code principal} on every call (as simulate's scenario checks are). */
    private static CheckResult deferred(String principal) {
        return CheckResult.deferred("protect-workspaces", "scenario:x", io.claudebaseline.verify.CheckStatus.PASS,
                new CheckResult.Details() {
                    @Override
                    public String message() {
                        return "As expected: " + principal + " may call it.";
                    }

                    @Override
                    public Map<String, Object> evidence() {
                        Map<String, Object> ev = new java.util.LinkedHashMap<>();
                        ev.put("principal", principal);
                        ev.put("nearMisses", List.of("statement did not apply: condition ArnNotLike aws:PrincipalArn [" + principal + "]"));
                        return ev;
                    }
                }, null);
    }

    @Test
    void aDeferredCheckStaysDeferredAndIsRedactedWhenItsTextsAreBuilt() {
        Redactor r = redactor();
        CheckResult c = deferred("arn:aws:iam::111122223333:role/ci-Credential=AKIAIOSFODNN7EXAMPLE");
        EngineResult result = r.redact(new EngineResult(Action.SIMULATE, true, 0, List.of(c), List.of(), List.of(), null, "ok"));
        CheckResult out = result.checks().get(0);
        assertThat(out.details()).as("still deferred").isNotNull();
        assertThat(out.message()).isEqualTo("As expected: arn:aws:iam::111122223333:role/ci-Credential=*** may call it.");
        assertThat(out.evidence().get("principal")).isEqualTo("arn:aws:iam::111122223333:role/ci-Credential=***");
        assertThat(out.evidenceValue("principal")).isEqualTo("arn:aws:iam::111122223333:role/ci-Credential=***");
        assertThat(out.evidence().toString()).doesNotContain("AKIA");
        // The way out passes the same list again: not wrapped twice.
        assertThat(r.redact(result).checks().get(0)).isSameAs(out);
    }

    @Test
    void aDeferredCheckBuiltAfterASecretIsLearntHasItMasked() {
        Redactor r = Redactor.patternsOnly();
        CheckResult out = r.redact(deferred("arn:aws:iam::111122223333:role/later-known"));
        // Built and found clean once each (remembered), then the run learns a value the texts contain.
        assertThat(out.message()).contains("role/later-known");
        assertThat(out.evidence().get("principal")).isEqualTo("arn:aws:iam::111122223333:role/later-known");
        assertThat(out.evidenceValue("principal")).isEqualTo("arn:aws:iam::111122223333:role/later-known");
        r.add("later-known");
        assertThat(out.message()).isEqualTo("As expected: arn:aws:iam::111122223333:role/*** may call it.");
        assertThat(out.evidence().get("principal")).isEqualTo("arn:aws:iam::111122223333:role/***");
        assertThat(out.evidence().get("nearMisses").toString()).doesNotContain("later-known");
        assertThat(out.evidenceValue("principal")).isEqualTo("arn:aws:iam::111122223333:role/***");
    }
}
