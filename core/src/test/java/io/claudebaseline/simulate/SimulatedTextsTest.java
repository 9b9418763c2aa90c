package io.claudebaseline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scenario checks build their message and evidence only when they are read (a simulate run holds tens of
 * thousands for its reports). What they read must not have changed: one check of every kind (pass, fail either
 * way, warning; near miss, deciding statement, context with one and several values, notes, redacted principal
 * names) compared with the texts main wrote into report.json before the checks were deferred, through the engine,
 * so the run's redaction is part of it. The config and templates are in src/test/resources/simulate-texts.
 */
class SimulatedTextsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path resource(String name) throws Exception {
        return Path.of(SimulatedTextsTest.class.getResource("/simulate-texts/" + name).toURI());
    }

    @Test
    void scenarioChecksReadAsTheyDidBeforeTheirTextsWereDeferred() throws Exception {
        EngineResult result = new BaselineEngine().run(EngineRequest.builder(Action.SIMULATE, resource("config.yaml"))
                .templatesDir(resource("templates")).build(), line -> { });
        Map<String, CheckResult> byName = result.checks().stream().collect(Collectors.toMap(CheckResult::check, Function.identity()));
        assertThat(result.checks()).hasSize(607);
        assertThat(result.count(CheckStatus.FAIL)).isEqualTo(43);
        assertThat(result.count(CheckStatus.WARN)).isEqualTo(1);

        JsonNode expected = JSON.readTree(resource("expected-checks.json").toFile());
        assertThat(expected.size()).isEqualTo(26);
        int redacted = 0;
        for (JsonNode e : expected) {
            String name = e.get("check").asText();
            CheckResult c = byName.get(name);
            assertThat(c).as(name).isNotNull();
            assertThat(c.control()).as(name).isEqualTo(e.get("control").asText());
            assertThat(c.status().name()).as(name).isEqualTo(e.get("status").asText());
            assertThat(c.message()).as(name).isEqualTo(e.get("message").asText());
            // Serialised as report.json does, so the order of the evidence is compared too.
            assertThat(JSON.writeValueAsString(c.evidence())).as(name).isEqualTo(JSON.writeValueAsString(e.get("evidence")));
            redacted += c.message().contains("***") ? 1 : 0;
        }
        assertThat(redacted).as("checks whose principal name has a credential's shape").isGreaterThan(0);
        // Every evaluated scenario holds no text of its own; the one that could not be derived (WARN) does.
        assertThat(result.checks()).filteredOn(c -> c.status() != CheckStatus.WARN).allSatisfy(c -> assertThat(c.details()).isNotNull());
    }
}
