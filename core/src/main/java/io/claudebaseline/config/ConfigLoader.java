package io.claudebaseline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBufferReadContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code claude-baseline.yaml} (or JSON) into a {@link BaselineConfig}. Parse and binding errors become
 * {@link Problem}s that name the field path, so a typo in a field name reads like a validation error, not a
 * stack trace. Semantic checks are {@link ConfigValidator}'s.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = configure(YAMLMapper.builder().build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    private ConfigLoader() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // 'version: 1.5' or 'scpMaxPerTarget: 9.9' must be an error, not silently truncated
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /** Reads a file as UTF-8; JSON when it ends in {@code .json}, YAML otherwise (YAML also reads JSON). */
    public static BaselineConfig load(Path file) throws ConfigException, IOException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file.toString(), List.of(Problem.error("",
                    file.toAbsolutePath() + " is a directory; pass the config file itself (--config DIR/claude-baseline.yaml)")));
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), List.of(Problem.error("",
                    "config file not found: " + file.toAbsolutePath() + " (pass --config PATH, or create claude-baseline.yaml; see examples/claude-baseline.yaml)")));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            // The JDK's message ("Input length = 1") names neither the file nor the cause.
            throw new ConfigException(file.toString(), List.of(Problem.error("",
                    "the file is not UTF-8 text; save it as UTF-8 (editors that write UTF-16 need converting, e.g. iconv -f utf-16 -t utf-8)")));
        }
        return parse(text, file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"), file.toString());
    }

    /** Parses config text; {@code source} only names it in messages. */
    public static BaselineConfig parse(String text, boolean json, String source) throws ConfigException {
        if (text == null || text.isBlank()) {
            throw new ConfigException(source, List.of(Problem.error("", "the config is empty; start from examples/claude-baseline.yaml")));
        }
        ObjectMapper mapper = json ? JSON : YAML;
        List<Problem> emptyEntries = new ArrayList<>();
        try {
            // A lone '-' (an empty list entry) would reach the records' List.copyOf as null and surface as an
            // internal NullPointerException; find such entries first and name them.
            findEmptyListEntries(mapper.readTree(text), "", emptyEntries);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(toProblem(e)));
        }
        if (!emptyEntries.isEmpty()) {
            throw new ConfigException(source, emptyEntries);
        }
        // Unknown fields and values outside an enumeration are collected, not thrown, so that every one of them
        // is reported at once (the rest of the file is still bound, and its own binding error joins them).
        ProblemCollector collector = new ProblemCollector(text);
        try {
            BaselineConfig config = (BaselineConfig) mapper.readerFor(BaselineConfig.class).withHandler(collector).readValue(text);
            if (!collector.problems.isEmpty()) {
                throw new ConfigException(source, collector.problems);
            }
            if (config == null) {
                throw new ConfigException(source, List.of(Problem.error("", "the config is empty; start from examples/claude-baseline.yaml")));
            }
            return config;
        } catch (JsonProcessingException e) {
            List<Problem> problems = new ArrayList<>(collector.problems);
            problems.add(toProblem(e));
            throw new ConfigException(source, problems);
        }
    }

    private static void findEmptyListEntries(JsonNode node, String path, List<Problem> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String at = path + "[" + i + "]";
                if (element == null || element.isNull()) {
                    out.add(Problem.error(at, "empty list entry (a '-' with no value, or null); remove it or give its value"));
                } else {
                    findEmptyListEntries(element, at, out);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> findEmptyListEntries(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        }
    }

    /** Records unknown fields and unaccepted enumeration values and lets binding go on. */
    private static final class ProblemCollector extends DeserializationProblemHandler {
        final List<Problem> problems = new ArrayList<>();
        private final String text;

        ProblemCollector(String text) {
            this.text = text;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            String path = pathOf(p.getParsingContext());
            String known = deserializer == null || deserializer.getKnownPropertyNames() == null ? ""
                    : deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            problems.add(Problem.error(path, "unknown field '" + propertyName + "'" + locationOfKey(p, propertyName)
                    + (known.isEmpty() ? "" : "; expected one of: " + known)));
            p.skipChildren();
            return true;
        }

        /**
         * Records are bound through a replay buffer that has no source positions; then the key's line is found in
         * the text, when it occurs there exactly once (a guess at one of several would mislead).
         */
        private String locationOfKey(JsonParser p, String key) {
            String at = location(p.currentTokenLocation());
            if (!at.isEmpty()) {
                return at;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[\\s{,\\[-]*[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:"
                    + "|[\"']" + java.util.regex.Pattern.quote(key) + "[\"']\\s*:",
                    java.util.regex.Pattern.MULTILINE).matcher(text);
            int line = -1;
            int found = 0;
            while (m.find()) {
                found++;
                line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            }
            return found == 1 ? " (line " + line + ")" : "";
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg)
                throws IOException {
            if (!targetType.isEnum()) {
                return NOT_HANDLED;
            }
            JsonParser p = ctxt.getParser();
            String accepted = Arrays.stream(targetType.getEnumConstants()).map(ConfigLoader::enumName).collect(Collectors.joining(", "));
            problems.add(Problem.error(pathOf(p.getParsingContext()), "'" + value + "' is not accepted"
                    + location(p.currentTokenLocation()) + "; use one of: " + accepted));
            return null; // the field takes its default; the collected problem fails the load
        }
    }

    /** The field path of a parser position, as {@code a.b[1].c}. */
    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            // Records bind through a buffer that replays the fields; its context can repeat the level above it.
            boolean replayOfParent = c instanceof TokenBufferReadContext && c.inObject() && c.getParent() != null
                    && c.getParent().inObject() && java.util.Objects.equals(c.getCurrentName(), c.getParent().getCurrentName());
            if (replayOfParent) {
                continue;
            }
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    static Problem toProblem(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        String at = location(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return Problem.error(path, "unknown field '" + u.getPropertyName() + "'" + at
                    + (known.isEmpty() ? "" : "; expected one of: " + known));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String accepted = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(ConfigLoader::enumName).collect(Collectors.joining(", "));
            return Problem.error(path, "'" + f.getValue() + "' is not accepted" + at + "; use one of: " + accepted);
        }
        if (e instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            return Problem.error(path, "wrong type" + at + ": expected " + expected);
        }
        if (e instanceof JsonMappingException) {
            return Problem.error(path, "cannot read this value" + at + ": " + e.getOriginalMessage());
        }
        return Problem.error(path, "not valid YAML/JSON" + at + ": " + e.getOriginalMessage());
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
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type.isRecord() && acceptsBooleanShorthand(type)) return "true, false or a mapping with enabled: (see docs/configuration.md)";
        if (type.isRecord()) return "a mapping (see docs/configuration.md)";
        return type.getSimpleName();
    }

    /** The controls accept {@code true}/{@code false} for {@code {enabled: ...}} through a delegating creator. */
    private static boolean acceptsBooleanShorthand(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> java.lang.reflect.Modifier.isStatic(m.getModifiers())
                && m.getParameterCount() == 1 && m.getParameterTypes()[0] == boolean.class
                && m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonCreator.class));
    }

    private static String location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return "";
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
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
