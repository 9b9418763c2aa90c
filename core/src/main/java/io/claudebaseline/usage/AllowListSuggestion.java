package io.claudebaseline.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suggested config change: each workspace's allow-list tightened to what was used, as a unified diff of the
 * user's own YAML (comments, order and layout kept), for review. Never applied by the tool.
 *
 * <p>Per entry of {@code workspaces[i].allowedPrincipals}: used → kept; an exact ARN nobody used → line removed; a
 * wildcard nobody matched → commented out with a note (flagged: it may stand for principals that are seasonal
 * or not created yet, so the reviewer decides). Block lists ({@code - arn}) are edited line by line; a one-line
 * flow list ({@code [a, b]}) is rewritten in place. The positions come from Jackson's YAML parser, so the edit
 * lands on the same entries the config loader read.
 */
final class AllowListSuggestion {
    private AllowListSuggestion() {}

    /** The suggestion: the diff (empty when nothing changes) and, per workspace index, why it could not be edited. */
    record Result(String diff, String revised, Map<Integer, String> notEditable) {}

    /** What to do with the unused entries of workspace number {@code index} (its position in the config). */
    record Edit(int index, List<String> remove, List<String> flag) {}

    private record Item(String value, int line) {}

    private record ListPosition(int keyLine, int startLine, int endLine, boolean flow, List<Item> items) {}

    static Result suggest(Path configPath, String text, List<Edit> edits, String note) throws IOException {
        List<String> lines = new ArrayList<>(text.lines().toList());
        Map<Integer, ListPosition> positions = locate(text);
        Map<Integer, String> notEditable = new LinkedHashMap<>();
        // Edit from the bottom up, so earlier line numbers stay valid.
        List<Edit> ordered = new ArrayList<>(edits);
        ordered.sort((a, b) -> Integer.compare(b.index(), a.index()));
        for (Edit edit : ordered) {
            if (edit.remove().isEmpty() && edit.flag().isEmpty()) {
                continue;
            }
            ListPosition pos = positions.get(edit.index());
            if (pos == null) {
                notEditable.put(edit.index(), "its allowedPrincipals list was not found in the file");
                continue;
            }
            if (pos.flow()) {
                if (pos.startLine() != pos.endLine()) {
                    notEditable.put(edit.index(), "its allowedPrincipals is a flow list over several lines; edit it by hand");
                    continue;
                }
                editFlow(lines, pos, edit, note);
            } else {
                editBlock(lines, pos, edit, note);
            }
        }
        String revised = String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
        List<String> original = text.lines().toList();
        List<String> changed = revised.lines().toList();
        Patch<String> patch = DiffUtils.diff(original, changed);
        String name = diffName(configPath);
        String diff = patch.getDeltas().isEmpty() ? ""
                : String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, original, patch, 3)) + "\n";
        return new Result(diff, revised, notEditable);
    }

    /** The path in the diff headers: as the user gave it when relative (so {@code patch -p1} finds it), else its name. */
    static String diffName(Path configPath) {
        Path p = configPath.normalize();
        return (p.isAbsolute() ? p.getFileName() : p).toString().replace('\\', '/');
    }

    private static void editBlock(List<String> lines, ListPosition pos, Edit edit, String note) {
        List<Item> items = new ArrayList<>(pos.items());
        items.sort((a, b) -> Integer.compare(b.line(), a.line()));
        for (Item item : items) {
            int i = item.line() - 1;
            String line = lines.get(i);
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            if (!line.stripLeading().startsWith("-")) {
                continue;
            }
            if (edit.remove().contains(item.value())) {
                lines.remove(i);
            } else if (edit.flag().contains(item.value())) {
                lines.set(i, indent + "# " + line.stripLeading() + "   # flagged: wildcard matched no principal " + note
                        + "; delete it, or restore it if it is still needed");
            }
        }
    }

    private static void editFlow(List<String> lines, ListPosition pos, Edit edit, String note) {
        int i = pos.startLine() - 1;
        String line = lines.get(i);
        int open = line.indexOf('[');
        int close = line.lastIndexOf(']');
        if (open < 0 || close < open) {
            return;
        }
        List<String> kept = pos.items().stream().map(Item::value)
                .filter(v -> !edit.remove().contains(v) && !edit.flag().contains(v)).map(AllowListSuggestion::quoted).toList();
        lines.set(i, line.substring(0, open) + "[" + String.join(", ", kept) + "]" + line.substring(close + 1));
        if (!edit.flag().isEmpty()) {
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            lines.add(i, indent + "# flagged: wildcard(s) " + String.join(", ", edit.flag().stream().map(AllowListSuggestion::quoted).toList())
                    + " matched no principal " + note + " and were taken out of the list below; restore them if still needed");
        }
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Where each workspace's allowedPrincipals list sits in the YAML, by the workspace's index. */
    static Map<Integer, ListPosition> locate(String text) throws IOException {
        Map<Integer, ListPosition> out = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"workspaces".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                int index = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String wf = p.currentName();
                        int keyLine = p.currentTokenLocation().getLineNr();
                        JsonToken wv = p.nextToken();
                        if (!"allowedPrincipals".equals(wf) || wv != JsonToken.START_ARRAY) {
                            p.skipChildren();
                            continue;
                        }
                        int start = p.currentTokenLocation().getLineNr();
                        List<Item> items = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken().isScalarValue()) {
                                items.add(new Item(p.getText(), p.currentTokenLocation().getLineNr()));
                            } else {
                                p.skipChildren();
                            }
                        }
                        int end = p.currentTokenLocation().getLineNr();
                        String startText = text.lines().skip(start - 1).findFirst().orElse("");
                        boolean flow = startText.contains("[");
                        out.put(index, new ListPosition(keyLine, start, end, flow, items));
                    }
                }
            }
        }
        return out;
    }
}
