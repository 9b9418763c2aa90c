package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EscaperTest {

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharactersOnly() throws Exception {
        String value = "a\"b\\c\nd\te\u0001f é ${x} %{y} {{z}} <&>";
        String escaped = Escaper.JSON.escape(value);
        assertThat(escaped).isEqualTo("a\\\"b\\\\c\\nd\\te\\u0001f é ${x} %{y} {{z}} <&>");
        assertThat(new ObjectMapper().readValue("\"" + escaped + "\"", String.class)).isEqualTo(value);
    }

    @Test
    void hclEscapesInterpolationAndDirectiveIntroducers() {
        assertThat(Escaper.HCL.escape("${x}")).isEqualTo("$${x}");
        assertThat(Escaper.HCL.escape("%{if}")).isEqualTo("%%{if}");
        assertThat(Escaper.HCL.escape("$${x}")).isEqualTo("$$${x}");
        assertThat(Escaper.HCL.escape("$ % {} $x %y")).isEqualTo("$ % {} $x %y");
        assertThat(Escaper.HCL.escape("q\"b\\n\nr\rt\t\u0000\u007f")).isEqualTo("q\\\"b\\\\n\\nr\\rt\\t\\u0000\\u007f");
        assertThat(Escaper.HCL.escape("é😀")).isEqualTo("é😀");
    }

    @Test
    void escaperFollowsTheTemplateFileName() {
        assertThat(Escaper.forTemplate("scp/x.json.mustache")).isEqualTo(Escaper.JSON);
        assertThat(Escaper.forTemplate("terraform/x.tf.mustache")).isEqualTo(Escaper.HCL);
        assertThatThrownBy(() -> Escaper.forTemplate("x.html.mustache")).hasMessageContaining(".json.mustache or .tf.mustache");
    }

    @Test
    void hclSyntaxCheckCatchesWhatEscapingPrevents() {
        HclSyntaxCheck.check("a = \"ok $${x} ${var.y} \\u00e9\"\nb = [\"x\"] # \"unbalanced in a comment\n", "t");
        assertThatThrownBy(() -> HclSyntaxCheck.check("a = \"x\ny\"\n", "t")).hasMessageContaining("past the end of the line");
        assertThatThrownBy(() -> HclSyntaxCheck.check("a = \"${x\"\n", "t")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> HclSyntaxCheck.check("a = \"\\q\"\n", "t")).hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> HclSyntaxCheck.check("a = {\n", "t")).hasMessageContaining("unclosed");
        HclSyntaxCheck.check("a = <<-EOT\n  \"quoted\" ${x} {\n  EOT\nb = \"x\"\n", "t");
        assertThatThrownBy(() -> HclSyntaxCheck.check("a = <<EOT\nnever closed\n", "t")).hasMessageContaining("never closed");
    }
}
