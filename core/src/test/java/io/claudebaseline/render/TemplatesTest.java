package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.model.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    @TempDir
    Path dir;

    @Test
    void everyBundledTemplateIsInTheJarAndInTheRepository() throws Exception {
        Templates bundled = Templates.bundled();
        for (String name : Templates.ALL) {
            assertThat(bundled.sources().get(name)).isEqualTo("bundled:" + name);
            assertThat(HclTool.repoRoot().resolve("templates").resolve(name)).isRegularFile();
        }
        try (var files = Files.walk(HclTool.repoRoot().resolve("templates"))) {
            assertThat(files.filter(Files::isRegularFile).count()).as("no template outside Templates.ALL").isEqualTo(Templates.ALL.size());
        }
        assertThat(bundled.isCustomised()).isFalse();
    }

    @Test
    void valuesAreEscapedForTheTemplatesLanguageNeverAsHtml() {
        Templates t = Templates.bundled();
        String json = t.render(Templates.TRAIL_MANAGEMENT_SELECTOR, Map.of("name", "a\"b\\c\n<&>${x}"));
        assertThat(json).contains("\"Name\": \"a\\\"b\\\\c\\n<&>${x}\"").doesNotContain("&amp;").doesNotContain("&lt;");
    }

    @Test
    void anOverrideReplacesTheTemplateOfTheSameFileName() throws Exception {
        Files.writeString(dir.resolve("deny-key-use.json.mustache"), """
                {"Sid": "{{sid}}", "Effect": "Deny", "Action": "{{servicePrefix}}:CallWithBearerToken", "Resource": "*",
                 "Condition": {"StringEquals": {"{{bearerTokenTypeKey}}": "{{longTerm}}"}, "Bool": {"aws:ViaAWSService": "false"}}}
                """);
        Templates t = Templates.withOverrides(dir);
        assertThat(t.isCustomised()).isTrue();
        assertThat(t.sources().get(Templates.SCP_DENY_KEY_USE)).startsWith("file:");
        Baseline b = BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), t);
        assertThat(b.scps().get(0).content()).contains("\"Bool\":{\"aws:ViaAWSService\":\"false\"}");
        // Sub-folders as in templates/ work too.
        Files.createDirectories(dir.resolve("x/scp"));
        Files.move(dir.resolve("deny-key-use.json.mustache"), dir.resolve("x/scp/deny-key-use.json.mustache"));
        assertThat(Templates.withOverrides(dir.resolve("x")).sources().get(Templates.SCP_DENY_KEY_USE)).startsWith("file:");
    }

    @Test
    void anUnknownOverrideFileIsAnErrorNotSilentlyIgnored() throws Exception {
        Files.writeString(dir.resolve("deny-key-uses.json.mustache"), "{}");
        assertThatThrownBy(() -> Templates.withOverrides(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown template deny-key-uses.json.mustache").hasMessageContaining("deny-key-use.json.mustache");
        assertThatThrownBy(() -> Templates.withOverrides(dir.resolve("missing"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void aTemplateNamingAnUnknownVariableFails() throws Exception {
        Files.writeString(dir.resolve("deny-key-use.json.mustache"), "{\"Sid\": \"{{sid}}\", \"Effect\": \"Deny\", \"Note\": \"{{sidd}}\"}");
        Templates t = Templates.withOverrides(dir);
        assertThatThrownBy(() -> BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), t))
                .isInstanceOf(TemplateException.class).hasMessageContaining("{{sidd}}").hasMessageContaining("deny-key-use.json.mustache");
    }

    @Test
    void aPartialCannotReadTemplatesOutsideTheTemplatesDirectory(@org.junit.jupiter.api.io.TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.mustache"), "TOPSECRET-CONTENT");
        String base = secret.toString().substring(0, secret.toString().length() - ".mustache".length());
        for (String partial : List.of(base, "../" + outside.getFileName() + "/secret", "deny-key-use.json")) {
            Files.writeString(dir.resolve("deny-key-use.json.mustache"), "{\"Sid\": \"{{sid}}\", \"Effect\": \"Deny\", \"Note\": \"{{> " + partial + "}}\"}");
            Templates t = Templates.withOverrides(dir);
            assertThatThrownBy(() -> BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), t))
                    .as(partial).isInstanceOf(TemplateException.class)
                    .hasMessageContaining("deny-key-use.json.mustache").hasMessageContaining("partial")
                    .hasMessageNotContaining("TOPSECRET");
        }
    }

    static String bundledText(String name) throws java.io.IOException {
        try (var in = TemplatesTest.class.getClassLoader().getResourceAsStream(Templates.BUNDLED_ROOT + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void anOverrideMayNotInsertAUserValueUnescaped() throws Exception {
        // {{{description}}} would let a workspace description close the HCL string and add ${...} interpolation.
        String bundled = bundledText(Templates.TF_SCPS);
        assertThat(bundled).contains("description = \"{{description}}\"");
        Files.writeString(dir.resolve("scps.tf.mustache"), bundled.replace("description = \"{{description}}\"", "description = \"{{{description}}}\""));
        Templates triple = Templates.withOverrides(dir);
        Baseline b = BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), triple);
        assertThatThrownBy(() -> ArtifactWriter.render(b, triple, "c.yaml")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("scps.tf.mustache").hasMessageContaining("{{{description}}} unescaped")
                .hasMessageContaining("write {{description}}");

        Files.writeString(dir.resolve("scps.tf.mustache"), bundled.replace("description = \"{{description}}\"", "description = \"{{& description}}\""));
        Templates ampersand = Templates.withOverrides(dir);
        assertThatThrownBy(() -> ArtifactWriter.render(b, ampersand, "c.yaml")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("{{{description}}} unescaped");

        // The one raw insertion the renderer makes itself (its own, parsed-back statements) still works.
        assertThat(bundledText(Templates.SCP_POLICY)).contains("{{{statements}}}");
        assertThat(BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), Templates.bundled()).scps()).isNotEmpty();
    }

    @Test
    void anUnknownVariableIsNamedOnceNotWithTheTemplateRepeated() throws Exception {
        Files.writeString(dir.resolve("deny-key-use.json.mustache"), "{\"Sid\": \"{{sid}}\", \"Effect\": \"Deny\", \"Note\": \"{{sidd}}\"}");
        Templates t = Templates.withOverrides(dir);
        assertThatThrownBy(() -> BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), t))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(e.getMessage().split("deny-key-use.json.mustache", -1)).as("template named once").hasSize(2));
    }

    @Test
    void anOverrideRenderingInvalidJsonOrAnAllowFails() throws Exception {
        Files.writeString(dir.resolve("deny-key-use.json.mustache"), "{\"Sid\": \"{{sid}}\", \"Effect\": \"Deny\",}");
        Templates broken = Templates.withOverrides(dir);
        assertThatThrownBy(() -> BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), broken))
                .isInstanceOf(TemplateException.class).hasMessageContaining("invalid JSON");
        Files.writeString(dir.resolve("deny-key-use.json.mustache"), "{\"Sid\": \"{{sid}}\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}");
        Templates allow = Templates.withOverrides(dir);
        assertThatThrownBy(() -> BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), allow))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Deny");
    }

    @Test
    void aTerraformOverrideThatBreaksTheSyntaxIsCaughtBeforeWriting() throws Exception {
        Files.writeString(dir.resolve("versions.tf.mustache"), "terraform {\n  required_version = \">= 1.5.0\n}\n");
        Templates t = Templates.withOverrides(dir);
        Baseline b = BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE, false, "t"), t);
        assertThatThrownBy(() -> ArtifactWriter.render(b, t, "c.yaml")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("versions.tf.mustache").hasMessageContaining("line 2");
    }
}
