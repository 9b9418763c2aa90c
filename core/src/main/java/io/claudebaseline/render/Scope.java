package io.claudebaseline.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the values templates are rendered with. Lists become items carrying {@code value} and {@code last},
 * so a template can write separators ({@code {{^last}}, {{/last}}}) without trailing commas, which neither
 * JSON nor a one-line HCL list tolerates.
 */
final class Scope {
    private Scope() {}

    /** A fresh, ordered, mutable scope. */
    static Map<String, Object> of() {
        return new LinkedHashMap<>();
    }

    /** Each value as {@code {value, first, last}}. */
    static List<Map<String, Object>> items(List<String> values) {
        List<Map<String, Object>> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", values.get(i));
            item.put("first", i == 0);
            item.put("last", i == values.size() - 1);
            out.add(item);
        }
        return out;
    }

    /** An optional value as a list of zero or one item, for {@code {{#x}}"{{value}}"{{/x}}{{^x}}null{{/x}}}. */
    static List<Map<String, Object>> optional(String value) {
        return value == null || value.isEmpty() ? List.of() : items(List.of(value));
    }

    /** Each entry as {@code {key, value, last}}, in map order. */
    static List<Map<String, Object>> entries(Map<String, String> map) {
        List<Map<String, Object>> out = new ArrayList<>(map.size());
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", e.getKey());
            item.put("value", e.getValue());
            item.put("last", ++i == map.size());
            out.add(item);
        }
        return out;
    }
}
