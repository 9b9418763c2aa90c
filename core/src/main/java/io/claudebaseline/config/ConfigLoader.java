package io.claudebaseline.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.ConfigBinder.BindingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
/**
 * Reads {@code claude-baseline.yaml} (or JSON) into a {@link BaselineConfig}, in three steps: the text is checked
 * ({@link ConfigText}), parsed into a tree with every field's line and the size limits enforced
 * ({@link YamlTreeReader}, {@link JsonTreeReader}), then bound to the records with strict types ({@link ConfigBinder}). Every
 * problem becomes a {@link Problem} naming the field path, so a typo reads like a validation error, not a stack
 * trace. Semantic checks are {@link ConfigValidator}'s.
 *
 * <p>Binding is generic: a field added to any config record is read without changes here.
 */
public final class ConfigLoader {

    /** A binding problem is reported, its value set aside, and binding tried again: at most this many times. */
    private static final int MAX_BINDING_PROBLEMS = 50;

    private ConfigLoader() {}

    /** The streaming JSON parser's factory, created on first use; it holds no state between parses. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** Reads a file as UTF-8; JSON when it ends in {@code .json}, YAML otherwise. */
    public static BaselineConfig load(Path file) throws ConfigException, IOException {
        return parse(ConfigFile.read(file), ConfigFile.isJson(file), file.toString());
    }

    /** Parses config text; {@code source} only names it in messages. */
    public static BaselineConfig parse(String text, boolean json, String source) throws ConfigException {
        if (text == null || text.isBlank()) {
            throw empty(source);
        }
        ConfigTree tree;
        try {
            String prepared = ConfigText.prepare(text, json);
            tree = json ? JsonTreeReader.read(prepared, Json.FACTORY) : YamlTreeReader.read(prepared);
        } catch (ConfigException e) {
            throw new ConfigException(source, e.problems());
        }
        if (tree.root() == null || tree.root().isNull()) {
            throw empty(source);
        }
        List<Problem> emptyEntries = emptyListEntries(tree.root());
        if (!emptyEntries.isEmpty()) {
            throw new ConfigException(source, emptyEntries);
        }
        return bind(tree, source);
    }

    /**
     * Binds the tree. Each unknown field, unaccepted enumeration value or wrong type is recorded, its value removed
     * (the field then takes its default) and binding tried again, so every such problem is reported at once.
     */
    static BaselineConfig bind(ConfigTree tree, String source) throws ConfigException {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BaselineConfig config = null;
        for (int attempt = 0; attempt <= MAX_BINDING_PROBLEMS; attempt++) {
            try {
                config = ConfigBinder.bind(tree.root(), BaselineConfig.class);
                break;
            } catch (BindingException e) {
                Problem problem = toProblem(e, tree);
                boolean repeated = !seen.add(problem.path() + problem.message());
                if (!repeated) {
                    problems.add(problem);
                }
                if (repeated || !removeValueAt(tree.root(), e.path())) {
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Problem p) -> line(tree, p)));
            throw new ConfigException(source, problems);
        }
        if (config == null) {
            throw empty(source);
        }
        return config;
    }

    private static int line(ConfigTree tree, Problem p) {
        ConfigTree.Position at = tree.position(p.path());
        return at == null ? Integer.MAX_VALUE : at.line();
    }

    /** Removes the field a binding error is about, so the next attempt goes past it; false where that cannot be done. */
    private static boolean removeValueAt(JsonNode root, List<Object> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = valueAt(root, path.subList(0, path.size() - 1));
        // A list entry is not removed: the entries after it would be reported at the wrong index.
        if (!(path.get(path.size() - 1) instanceof String field) || !(parent instanceof ObjectNode object) || !object.has(field)) {
            return false;
        }
        object.remove(field);
        return true;
    }

    private static ConfigException empty(String source) {
        return new ConfigException(source, List.of(Problem.error("", "the config is empty; start from examples/claude-baseline.yaml")));
    }

    /**
     * A lone '-' (an empty list entry) would reach the records' List.copyOf as null and surface as an internal
     * NullPointerException: such entries are found before binding, and named.
     */
    static List<Problem> emptyListEntries(JsonNode root) {
        List<Problem> out = new ArrayList<>();
        findEmptyListEntries(root, "", out);
        return out;
    }

    private static void findEmptyListEntries(JsonNode node, String path, List<Problem> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String at = ConfigTree.child(path, i);
                if (element == null || element.isNull()) {
                    out.add(Problem.error(at, "empty list entry (a '-' with no value, or null); remove it or give its value"));
                } else {
                    findEmptyListEntries(element, at, out);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> findEmptyListEntries(e.getValue(), ConfigTree.child(path, e.getKey()), out));
        }
    }

    static Problem toProblem(BindingException e, ConfigTree tree) {
        String path = pathOf(e.path());
        String at = ConfigTree.where(tree.position(path));
        return switch (e.kind()) {
            case UNKNOWN_FIELD -> Problem.error(path, "unknown field '" + e.value() + "'" + at
                    + (e.known().isEmpty() ? "" : "; expected one of: " + String.join(", ", e.known())));
            case NOT_ACCEPTED -> Problem.error(path, "'" + e.value() + "' is not accepted" + at + "; use one of: " + enumNames(e.targetType()));
            case WRONG_TYPE -> {
                JsonNode value = valueAt(tree.root(), e.path());
                String quoted = value != null && value.isTextual() && e.targetType() != String.class
                        ? " (it is quoted, so it is text: write it without quotes)" : "";
                yield Problem.error(path, "wrong type" + at + ": expected " + describe(e.targetType()) + quoted);
            }
            case OUT_OF_RANGE -> Problem.error(path, "cannot read this value" + at + ": " + e.getMessage());
        };
    }

    private static JsonNode valueAt(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ConfigBinder.wireName((Enum<?>) c)).collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type)) return "a mapping of keys to values";
        if (type == String.class) return "a string";
        if (type == Integer.class) return "a whole number";
        if (type == Boolean.class) return "true or false";
        if (type.isEnum()) return "one of: " + enumNames(type);
        if (type.isRecord() && acceptsBooleanShorthand(type)) return "true, false or a mapping with enabled: (see docs/configuration.md)";
        if (type.isRecord()) return "a mapping (see docs/configuration.md)";
        return "a " + type.getSimpleName();
    }

    /** The controls accept {@code true}/{@code false} for {@code {enabled: ...}} ({@link ConfigBinder}'s shorthand). */
    private static boolean acceptsBooleanShorthand(Class<?> type) {
        return ConfigBinder.hasShorthand(type);
    }

    /** Renders a binding path as {@code a.b[1].c}. */
    static String pathOf(List<Object> steps) {
        StringBuilder sb = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (sb.length() > 0) sb.append('.');
                sb.append(step);
            }
        }
        return sb.toString();
    }
}
