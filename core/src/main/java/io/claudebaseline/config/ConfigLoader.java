package io.claudebaseline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /** Reads a file as UTF-8; JSON when it ends in {@code .json}, YAML otherwise (YAML also reads JSON). */
    public static BaselineConfig load(Path file) throws ConfigException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), List.of(Problem.error("",
                    "config file not found: " + file.toAbsolutePath() + " (pass --config PATH, or create claude-baseline.yaml; see examples/claude-baseline.yaml)")));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"), file.toString());
    }

    /** Parses config text; {@code source} only names it in messages. */
    public static BaselineConfig parse(String text, boolean json, String source) throws ConfigException {
        if (text == null || text.isBlank()) {
            throw new ConfigException(source, List.of(Problem.error("", "the config is empty; start from examples/claude-baseline.yaml")));
        }
        try {
            BaselineConfig config = (json ? JSON : YAML).readValue(text, BaselineConfig.class);
            if (config == null) {
                throw new ConfigException(source, List.of(Problem.error("", "the config is empty; start from examples/claude-baseline.yaml")));
            }
            return config;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(toProblem(e)));
        }
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
        if (type.isRecord()) return "a mapping (see docs/configuration.md)";
        return type.getSimpleName();
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
