package io.claudebaseline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into a {@link ConfigTree} through SnakeYAML's composer, which resolves anchors and aliases to the
 * nodes they name (Jackson's YAML reader would hand over an alias's name as text). Plain scalars are typed by the
 * YAML 1.2 core schema ({@code yes}/{@code on} are text, not booleans; a number with a leading zero, like an
 * account id, stays text); quoted scalars are always text. Merge keys ({@code <<: *defaults}) copy the fields the
 * mapping does not set itself.
 */
final class YamlTreeReader {

    private YamlTreeReader() {}

    static ConfigTree read(String text) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        // Limits are ConfigTree's (the same for JSON); these only keep SnakeYAML from stopping first with its own words.
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setNestingDepthLimit(ConfigLimits.MAX_NESTING * 2);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, ConfigLimits.MAX_FILE_BYTES + 1));
        options.setAllowDuplicateKeys(true); // reported by ConfigTree, with both lines
        options.setProcessComments(false);
        Node document;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new CoreSchemaResolver(), options);
            document = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            throw ConfigTree.fail("", describe(e));
        } catch (YAMLException e) {
            throw ConfigTree.fail("", "not valid YAML: " + e.getMessage());
        }
        ConfigTree tree = new ConfigTree();
        if (document != null) {
            // Count what the aliases expand to before expanding anything: an alias "bomb" is refused at once.
            if (expandedSize(document, new IdentityHashMap<>(), 0) > ConfigLimits.MAX_VALUES) {
                throw ConfigTree.fail("", "the config holds more than " + ConfigLimits.MAX_VALUES + " values once its aliases are expanded; "
                        + "that is far beyond any baseline: check for aliases that repeat each other");
            }
            tree.root(new Converter(tree).convert(document, "", 0));
        }
        return tree;
    }

    /**
     * How many values the node stands for with every alias expanded, each shared node counted once per use but
     * computed once; a cycle or runaway depth counts as over the limit (the conversion reports it with its path).
     */
    private static long expandedSize(Node node, IdentityHashMap<Node, Long> known, int depth) {
        if (node instanceof ScalarNode) {
            return 1; // most nodes: no need to remember them
        }
        Long size = known.get(node);
        if (size != null) {
            return size;
        }
        long total = 1;
        if (depth <= ConfigLimits.MAX_NESTING * 2) {
            if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    total = Math.min(Long.MAX_VALUE / 4, total + expandedSize(item, known, depth + 1));
                }
            } else if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    total = Math.min(Long.MAX_VALUE / 4, total + expandedSize(tuple.getKeyNode(), known, depth + 1)
                            + expandedSize(tuple.getValueNode(), known, depth + 1));
                }
            }
        }
        known.put(node, total);
        return total;
    }

    /** SnakeYAML's problem and position, in the loader's words; its own message adds a snippet and internal names. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = at == null ? "" : ConfigTree.where(new ConfigTree.Position(at.getLine() + 1, at.getColumn() + 1));
        if (problem.contains("another document")) {
            return "a second YAML document starts here" + where + "; a config is one document: remove the '---' and what follows it, "
                    + "or put the second document in a file of its own";
        }
        java.util.regex.Matcher alias = Pattern.compile("found undefined alias (.+)").matcher(problem);
        if (alias.matches()) {
            String name = alias.group(1).trim();
            return "alias *" + name + where + " has no anchor: define '&" + name + "' on a value earlier in the file, or fix the name";
        }
        String context = e.getContext() == null || e.getContext().isBlank() ? "" : " (" + e.getContext().trim() + ")";
        return "not valid YAML" + where + ": " + problem.trim() + context;
    }

    private static ConfigTree.Position position(Node node) {
        Mark m = node.getStartMark();
        return m == null ? null : new ConfigTree.Position(m.getLine() + 1, m.getColumn() + 1);
    }

    /** Copies the composed node graph into the tree, expanding aliases and merge keys, within the limits. */
    private static final class Converter {
        private final ConfigTree tree;

        Converter(ConfigTree tree) {
            this.tree = tree;
        }

        JsonNode convert(Node node, String path, int depth) throws ConfigException {
            ConfigTree.Position at = position(node);
            tree.count(path, at);
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar, path, at);
            }
            tree.checkDepth(depth + 1, path, at);
            if (node instanceof SequenceNode sequence) {
                requireTag(node, Tag.SEQ, path, at);
                List<Node> items = sequence.getValue();
                tree.checkEntries(items.size(), path, at);
                ArrayNode array = ConfigTree.array();
                for (int i = 0; i < items.size(); i++) {
                    String itemPath = ConfigTree.child(path, i);
                    tree.at(itemPath, position(items.get(i)));
                    array.add(convert(items.get(i), itemPath, depth + 1));
                }
                return array;
            }
            MappingNode mapping = (MappingNode) node;
            requireTag(node, Tag.MAP, path, at);
            Map<String, NodeTuple> fields = fields(mapping, path, depth);
            tree.checkEntries(fields.size(), path, at);
            ObjectNode object = ConfigTree.object();
            for (Map.Entry<String, NodeTuple> field : fields.entrySet()) {
                String fieldPath = ConfigTree.child(path, field.getKey());
                ConfigTree.Position keyAt = position(field.getValue().getKeyNode());
                JsonNode value = convert(field.getValue().getValueNode(), fieldPath, depth + 1);
                tree.put(object, field.getKey(), value, path, keyAt);
                tree.at(fieldPath, keyAt);
            }
            return object;
        }

        /**
         * The mapping's own fields (a key given twice is an error), then those of its merge sources that it does not
         * set itself, earlier sources first, as YAML's merge key defines.
         */
        private Map<String, NodeTuple> fields(MappingNode mapping, String path, int depth) throws ConfigException {
            Map<String, NodeTuple> own = new LinkedHashMap<>();
            List<Node> mergeSources = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                ConfigTree.Position keyAt = position(keyNode);
                if (keyNode instanceof ScalarNode key && key.getTag().equals(Tag.MERGE)) {
                    Node source = tuple.getValueNode();
                    if (source instanceof SequenceNode list) {
                        mergeSources.addAll(list.getValue());
                    } else {
                        mergeSources.add(source);
                    }
                    continue;
                }
                if (!(keyNode instanceof ScalarNode key) || key.getValue().isEmpty()) {
                    throw ConfigTree.fail(path, "a key must be a plain name" + ConfigTree.where(keyAt) + "; a list, a mapping or an empty key cannot name a field");
                }
                tree.checkString(key.getValue(), path, keyAt, "a key");
                if (own.containsKey(key.getValue())) {
                    throw ConfigTree.duplicate(path, key.getValue(), keyAt, position(own.get(key.getValue()).getKeyNode()));
                }
                own.put(key.getValue(), tuple);
            }
            for (Node source : mergeSources) {
                if (!(source instanceof MappingNode sourceMapping)) {
                    throw ConfigTree.fail(path, "a merge key (<<) takes a mapping or a list of mappings" + ConfigTree.where(position(source)));
                }
                tree.checkDepth(depth + 1, path, position(source));
                fields(sourceMapping, path, depth + 1).forEach(own::putIfAbsent);
            }
            return own;
        }

        private void requireTag(Node node, Tag expected, String path, ConfigTree.Position at) throws ConfigException {
            if (!node.getTag().equals(expected)) {
                throw ConfigTree.fail(path, "the YAML tag " + node.getTag().getValue() + ConfigTree.where(at) + " is not supported; remove it");
            }
        }

        private JsonNode scalar(ScalarNode scalar, String path, ConfigTree.Position at) throws ConfigException {
            String value = scalar.getValue();
            tree.checkString(value, path, at, "a value");
            Tag tag = scalar.getTag();
            try {
                if (tag.equals(Tag.STR)) {
                    return ConfigTree.NODES.textNode(value);
                } else if (tag.equals(Tag.NULL)) {
                    return ConfigTree.NODES.nullNode();
                } else if (tag.equals(Tag.BOOL)) {
                    return ConfigTree.NODES.booleanNode(value.equalsIgnoreCase("true"));
                } else if (tag.equals(Tag.INT)) {
                    return ConfigTree.NODES.numberNode(integer(value));
                } else if (tag.equals(Tag.FLOAT)) {
                    return CoreSchemaResolver.SPECIAL_FLOAT.matcher(value).matches() ? ConfigTree.NODES.textNode(value)
                            : ConfigTree.NODES.numberNode(new BigDecimal(value));
                }
            } catch (NumberFormatException e) {
                throw ConfigTree.fail(path, "'" + value + "' is not a number" + ConfigTree.where(at));
            }
            throw ConfigTree.fail(path, "the YAML tag " + tag.getValue() + ConfigTree.where(at) + " is not supported; remove it");
        }

        private static BigInteger integer(String value) {
            String digits = value.startsWith("+") ? value.substring(1) : value;
            if (digits.startsWith("0o")) {
                return new BigInteger(digits.substring(2), 8);
            }
            if (digits.startsWith("0x")) {
                return new BigInteger(digits.substring(2), 16);
            }
            return new BigInteger(digits);
        }
    }

    /**
     * The YAML 1.2 core schema's plain-scalar types, with one exception that keeps account ids intact: a decimal
     * number with a leading zero ({@code 011122223333}) is text (the core schema would read it as 11122223333).
     */
    static final class CoreSchemaResolver extends Resolver {
        static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
        static final Pattern INT = Pattern.compile("[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+");
        static final Pattern FLOAT = Pattern.compile("[-+]?(?:(?:0|[1-9][0-9]*)\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
        static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
        static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, Resolver.MERGE, "<");
            // The empty value is resolved through the '\0' entry above (NULL matches ""). SnakeYAML's default also
            // registers EMPTY for every first character, which only ran one more regex on every plain scalar.
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        }
    }
}
