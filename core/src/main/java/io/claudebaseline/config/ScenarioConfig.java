package io.claudebaseline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A user-supplied request the baseline must deny or must not deny (checked offline by simulate and against
 * the live SCPs by verify).
 *
 * @param context extra condition keys; a list value means a multi-valued key
 */
public record ScenarioConfig(
        String name,
        String principal,
        String action,
        String resource,
        Map<String, Object> context,
        Expect expect) {

    public ScenarioConfig {
        resource = resource == null ? "*" : resource;
        context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }

    public enum Expect {
        @JsonProperty("allowed") ALLOWED,
        @JsonProperty("denied") DENIED
    }

    /** The context as the evaluator wants it: every value a list of strings. */
    public Map<String, List<String>> contextValues() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        context.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                out.put(k, list.stream().map(String::valueOf).toList());
            } else {
                out.put(k, List.of(String.valueOf(v)));
            }
        });
        return out;
    }
}
