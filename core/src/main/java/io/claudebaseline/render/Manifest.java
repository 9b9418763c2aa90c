package io.claudebaseline.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.ScpDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: every artifact with its sha256 and the controls it implements, and each SCP's size as
 * AWS counts it (the minified content, not the pretty file). Deterministic: no timestamps, so the same config
 * renders byte-identical output.
 */
final class Manifest {
    static final String FILE = "manifest.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Manifest() {}

    /** One artifact: its relative path (with '/'), contents and the controls it carries. */
    record Artifact(String path, String text, List<Control> controls) {}

    static String render(Baseline baseline, List<Artifact> artifacts, Map<String, String> scpFiles, String trailFile, Templates templates) {
        ObjectNode root = NODES.objectNode();
        root.put("generator", "claude-baseline");
        root.put("policyNamePrefix", baseline.config().policyNamePrefix());
        root.put("layout", baseline.config().layout() == io.claudebaseline.config.BaselineConfig.Layout.COMBINED ? "combined" : "per-control");
        root.put("templates", templates.isCustomised() ? "customised" : "bundled");
        ArrayNode targets = root.putArray("targets");
        baseline.targets().forEach(targets::add);

        ArrayNode scps = root.putArray("scps");
        for (ScpDocument scp : baseline.scps()) {
            ObjectNode s = scps.addObject();
            s.put("name", scp.name());
            s.put("file", scpFiles.get(scp.name()));
            s.put("characters", scp.characters());
            s.put("maxCharacters", baseline.config().limits().scpMaxCharacters());
            s.put("sha256OfContent", sha256(scp.content()));
            ArrayNode controls = s.putArray("controls");
            scp.controls().forEach(c -> controls.add(c.id()));
            ArrayNode sids = s.putArray("statements");
            scp.statements().forEach(st -> sids.add(st.sid()));
        }
        baseline.trail().ifPresent(t -> {
            ObjectNode trail = root.putObject("trail");
            trail.put("name", t.trailName());
            trail.put("homeRegion", t.homeRegion());
            trail.put("file", trailFile);
            trail.put("selectorValues", t.valueCount());
            trail.put("maxSelectorValues", baseline.config().limits().selectorValuesMax());
        });

        ArrayNode files = root.putArray("artifacts");
        for (Artifact a : artifacts) {
            ObjectNode f = files.addObject();
            f.put("path", a.path());
            f.put("sha256", sha256(a.text()));
            ArrayNode controls = f.putArray("controls");
            a.controls().forEach(c -> controls.add(c.id()));
        }
        return RenderedJson.pretty(root);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
