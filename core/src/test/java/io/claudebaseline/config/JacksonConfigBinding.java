package io.claudebaseline.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The config binding as it was before {@link ConfigBinder}: Jackson's databind with strict types, one problem per
 * attempt, the value removed and binding tried again. Kept in the tests as the oracle that
 * {@link ConfigBinderDifferentialTest} compares {@link ConfigLoader} with, so that the hand-written binder keeps
 * every behaviour users had (accepted values, defaults, messages, paths), not only the ones other tests pin.
 * Its retry loop repeats {@link ConfigLoader}'s on purpose: sharing it would check the loop against itself.
 */
final class JacksonConfigBinding {

    /** A binding problem is reported, its value set aside, and binding tried again: at most this many times. */
    private static final int MAX_BINDING_PROBLEMS = 50;

    private JacksonConfigBinding() {}

    /** One mapper for every load, created on first use (its set-up is a noticeable part of a short run's start-up). */
    private static final class Shared {
        static final ObjectMapper MAPPER = create();
        static final ObjectReader CONFIG = MAPPER.readerFor(BaselineConfig.class);

        private static ObjectMapper create() {
            JsonMapper mapper = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    // 'version: 1.5' or 'scpMaxPerTarget: 9.9' must be an error, not silently truncated
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    .build();
            // Types as documented: a quoted "1" or "true" is text, and text is not a number or a boolean; nor is 1 a boolean.
            for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            return mapper;
        }
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
                config = Shared.CONFIG.readValue(tree.root());
                break;
            } catch (JsonMappingException e) {
                Problem problem = toProblem(e, tree);
                boolean repeated = !seen.add(problem.path() + problem.message());
                if (!repeated) {
                    problems.add(problem);
                }
                if (repeated || !removeValueAt(tree.root(), e.getPath())) {
                    break;
                }
            } catch (IOException e) {
                problems.add(Problem.error("", "cannot read the config: " + e.getMessage()));
                break;
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Problem p) -> line(tree, p)));
            throw new ConfigException(source, problems);
        }
        if (config == null) {
            throw new ConfigException(source, List.of(Problem.error("", "the config is empty; start from examples/claude-baseline.yaml")));
        }
        return config;
    }

    private static int line(ConfigTree tree, Problem p) {
        ConfigTree.Position at = tree.position(p.path());
        return at == null ? Integer.MAX_VALUE : at.line();
    }

    /** Removes the field a binding error is about, so the next attempt goes past it; false where that cannot be done. */
    private static boolean removeValueAt(JsonNode root, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = root;
        for (JsonMappingException.Reference ref : path.subList(0, path.size() - 1)) {
            parent = ref.getIndex() >= 0 ? parent.get(ref.getIndex()) : parent.get(ref.getFieldName());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        // A list entry is not removed: the entries after it would be reported at the wrong index.
        if (last.getIndex() >= 0 || last.getFieldName() == null || !(parent instanceof ObjectNode object) || !object.has(last.getFieldName())) {
            return false;
        }
        object.remove(last.getFieldName());
        return true;
    }

    static Problem toProblem(JsonProcessingException e, ConfigTree tree) {
        String path = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        ConfigTree.Position position = tree.position(path);
        String at = ConfigTree.where(position);
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return Problem.error(path, "unknown field '" + u.getPropertyName() + "'" + at
                    + (known.isEmpty() ? "" : "; expected one of: " + known));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String accepted = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(JacksonConfigBinding::enumName).collect(Collectors.joining(", "));
            return Problem.error(path, "'" + f.getValue() + "' is not accepted" + at + "; use one of: " + accepted);
        }
        if (e instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            JsonNode value = valueAt(tree.root(), m.getPath());
            String quoted = value != null && value.isTextual() && m.getTargetType() != null && m.getTargetType() != String.class
                    ? " (it is quoted, so it is text: write it without quotes)" : "";
            return Problem.error(path, "wrong type" + at + ": expected " + expected + quoted);
        }
        return Problem.error(path, "cannot read this value" + at + ": " + JsonTreeReader.JsonMessages.plain(e.getOriginalMessage())
                .replaceAll("[\\w$]+(\\.[\\w$]+)+", "a value"));
    }

    private static JsonNode valueAt(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode node = root;
        for (JsonMappingException.Reference ref : path) {
            if (node == null) {
                return null;
            }
            node = ref.getIndex() >= 0 ? node.get(ref.getIndex()) : node.get(ref.getFieldName());
        }
        return node;
    }

    private static String enumName(Object constant) {
        try {
            var field = constant.getClass().getField(((Enum<?>) constant).name());
            var prop = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return prop != null ? prop.value() : ((Enum<?>) constant).name();
        } catch (NoSuchFieldException ex) {
            return ((Enum<?>) constant).name();
        }
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type)) return "a mapping of keys to values";
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type.isEnum()) return "one of: " + Arrays.stream(type.getEnumConstants()).map(JacksonConfigBinding::enumName).collect(Collectors.joining(", "));
        if (type.isRecord() && acceptsBooleanShorthand(type)) return "true, false or a mapping with enabled: (see docs/configuration.md)";
        if (type.isRecord()) return "a mapping (see docs/configuration.md)";
        return "a " + type.getSimpleName();
    }

    /** The controls accept {@code true}/{@code false} for {@code {enabled: ...}} through a delegating creator. */
    private static boolean acceptsBooleanShorthand(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> java.lang.reflect.Modifier.isStatic(m.getModifiers())
                && m.getParameterCount() == 1 && m.getParameterTypes()[0] == boolean.class
                && m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonCreator.class));
    }

    /** Renders Jackson's reference path as {@code a.b[1].c}. */
    static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }
}
