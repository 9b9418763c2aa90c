package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The reactor has one version (JEP-229, {@code ${revision}${changelist}}), so a {@code -Dset.changelist} release
 * build resolves core as the same release as the plugin. plugin/pom.xml cannot inherit it (its parent is the Jenkins
 * plugin POM), so it repeats {@code revision}; this test fails when the copies differ.
 */
class VersionsTest {

    static final Path ROOT = Path.of(System.getProperty("claudebaseline.pluginResources")).getParent().getParent().getParent().getParent();

    static Element project(String pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(ROOT.resolve(pom).toFile());
        return d.getDocumentElement();
    }

    static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    static Element element(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void everyModuleHasTheOneCiFriendlyVersionAndThePluginRepeatsTheSameRevision() throws Exception {
        Element root = project("pom.xml");
        Element plugin = project("plugin/pom.xml");
        assertThat(child(root, "version")).isEqualTo("${revision}${changelist}");
        assertThat(child(plugin, "version")).isEqualTo("${revision}${changelist}");
        assertThat(child(element(plugin, "properties"), "revision")).isEqualTo(child(element(root, "properties"), "revision"));
        assertThat(child(element(plugin, "properties"), "changelist")).isEqualTo("-SNAPSHOT")
                .isEqualTo(child(element(root, "properties"), "changelist"));
        for (String module : new String[] {"core", "cli", "jenkins-stubs", "plugin-check"}) {
            assertThat(child(element(project(module + "/pom.xml"), "parent"), "version")).as(module).isEqualTo("${revision}${changelist}");
        }
        // The plugin depends on core at its own version: no SNAPSHOT survives a -Dset.changelist build.
        assertThat(java.nio.file.Files.readString(ROOT.resolve("plugin/pom.xml")))
                .contains("<artifactId>claude-baseline-core</artifactId>\n      <version>${project.version}</version>");
    }
}
