package io.claudebaseline.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a config tree ({@link ConfigTree}) to the config records, with the types as documented: a mapping becomes a
 * record by its component names, and each value must have its component's type (a quoted number is text, and text
 * is not a number or a boolean; a number is not a boolean; 1.5 is not a whole number; a single value is not a list).
 * Binding stops at the first problem in document order and throws it with the field's path; {@link ConfigLoader}
 * reports it, removes the value and binds again, so that every problem is reported at once.
 *
 * <p>Why not Jackson's databind, which did this before: building its deserializers for the records (annotation
 * introspection, creator detection, an annotation proxy per annotation type) took about 60 ms of a 0.47 s render of
 * the example, for a job this small. The behaviour is the one users had with it, checked value by value against it
 * ({@code ConfigBinderDifferentialTest} keeps the databind binding as its oracle).
 *
 * <p>What the records declare, and this class reads (ConfigBinderTest checks each record keeps to it):
 * <ul>
 *   <li>the fields of a mapping are the record's components; their types are {@code String}, {@code Integer},
 *       {@code Boolean}, an enumeration, {@code List<T>}, {@code Map<String, T>}, {@code Object} (any value, as plain
 *       lists, maps, strings, numbers and booleans) or another config record;</li>
 *   <li>an enumeration constant is written in lower case with '-' for '_' ({@code PER_CONTROL} is {@code per-control},
 *       as its {@code @JsonProperty} says);</li>
 *   <li>a record with a static {@code of(boolean)} also accepts {@code true}/{@code false} for the whole block;</li>
 *   <li>a record with a static {@code fromObject} taking its components in order is built by it (it applies the
 *       defaults of a written block), otherwise by its canonical constructor.</li>
 * </ul>
 */
final class ConfigBinder {

    private ConfigBinder() {}

    /** A value that cannot be bound: what is wrong and where (field names and list indices from the root). */
    static final class BindingException extends Exception {
        private static final long serialVersionUID = 1L;

        enum Kind {
            /** A field the record does not have; {@link #known()} lists the ones it has. */
            UNKNOWN_FIELD,
            /** Text (or a number) that is not one of an enumeration's values. */
            NOT_ACCEPTED,
            /** A value of another type than the field's ({@link #targetType()}). */
            WRONG_TYPE,
            /** A whole number outside the range of the field's type. */
            OUT_OF_RANGE
        }

        private final Kind kind;
        private final transient List<Object> path;
        private final transient Class<?> targetType;
        private final transient Object value;
        private final transient List<String> known;

        private BindingException(Kind kind, List<Object> path, Class<?> targetType, Object value, List<String> known, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.path = List.copyOf(path);
            this.targetType = targetType;
            this.value = value;
            this.known = known;
        }

        Kind kind() {
            return kind;
        }

        /** Field names ({@code String}) and list indices ({@code Integer}) from the root to the value. */
        List<Object> path() {
            return path;
        }

        Class<?> targetType() {
            return targetType;
        }

        /** The value as written: the unknown field's name, or the text or number not accepted. */
        Object value() {
            return value;
        }

        /** The record's fields, sorted (for {@link Kind#UNKNOWN_FIELD}). */
        List<String> known() {
            return known;
        }
    }

    /** Binds {@code node} (the root of a config tree) to {@code type}. */
    static <T> T bind(JsonNode node, Class<T> type) throws BindingException {
        return type.cast(new Binding().value(node, type, type));
    }

    /** True when {@code type} is a config record that also accepts {@code true}/{@code false} for the whole block. */
    static boolean hasShorthand(Class<?> type) {
        return type.isRecord() && RecordShape.of(type).shorthand != null;
    }

    /** The wire name of an enumeration constant: lower case, '-' for '_'. */
    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One bind: carries the path to the value being bound, for the messages. */
    private static final class Binding {
        private final List<Object> path = new ArrayList<>();

        Object value(JsonNode node, Type type, Class<?> raw) throws BindingException {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (raw == String.class) {
                return text(node);
            }
            if (raw == Integer.class) {
                return wholeNumber(node);
            }
            if (raw == Boolean.class) {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                throw wrongType(Boolean.class);
            }
            if (raw == Object.class) {
                return plain(node);
            }
            if (raw.isEnum()) {
                return constant(node, raw);
            }
            if (raw == List.class) {
                return list(node, typeArgument(type, 0));
            }
            if (raw == Map.class) {
                return map(node, typeArgument(type, 1));
            }
            if (raw.isRecord()) {
                return record(node, RecordShape.of(raw));
            }
            throw new IllegalStateException("config records hold no " + raw.getName() + " (" + pathText() + ")");
        }

        private String text(JsonNode node) throws BindingException {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber()) {
                return String.valueOf(node.numberValue());
            }
            if (node.isBoolean()) {
                return node.asText();
            }
            throw wrongType(String.class);
        }

        private Integer wholeNumber(JsonNode node) throws BindingException {
            if (node.isIntegralNumber()) {
                if (!node.canConvertToInt()) {
                    throw new BindingException(BindingException.Kind.OUT_OF_RANGE, path, Integer.class, node.numberValue(), List.of(),
                            "Numeric value (" + node.asText() + ") out of range of int (" + Integer.MIN_VALUE + " - " + Integer.MAX_VALUE + ")");
                }
                return node.intValue();
            }
            throw wrongType(Integer.class);
        }

        private Object constant(JsonNode node, Class<?> type) throws BindingException {
            if (node.isTextual()) {
                String written = node.textValue().trim();
                for (Object constant : type.getEnumConstants()) {
                    if (wireName((Enum<?>) constant).equals(written)) {
                        return constant;
                    }
                }
                throw notAccepted(type, written);
            }
            if (node.isIntegralNumber()) {
                // a number is read as a constant's index, which numbers are not accepted as
                throw notAccepted(type, wholeNumber(node));
            }
            throw wrongType(type);
        }

        private List<Object> list(JsonNode node, Type element) throws BindingException {
            if (!node.isArray()) {
                throw wrongType(List.class);
            }
            Class<?> raw = rawClass(element);
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                out.add(value(node.get(i), element, raw));
                path.remove(path.size() - 1);
            }
            return out;
        }

        private Map<String, Object> map(JsonNode node, Type valueType) throws BindingException {
            if (!node.isObject()) {
                throw wrongType(Map.class);
            }
            Class<?> raw = rawClass(valueType);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                out.put(field.getKey(), value(field.getValue(), valueType, raw));
                path.remove(path.size() - 1);
            }
            return out;
        }

        private Object record(JsonNode node, RecordShape shape) throws BindingException {
            if (node.isBoolean() && shape.shorthand != null) {
                return shape.invoke(shape.shorthand, node.booleanValue());
            }
            if (!node.isObject()) {
                throw wrongType(shape.type);
            }
            Object[] args = new Object[shape.names.length];
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                int index = shape.indexOf(field.getKey());
                path.add(field.getKey());
                if (index < 0) {
                    throw new BindingException(BindingException.Kind.UNKNOWN_FIELD, path, shape.type, field.getKey(), shape.sortedNames,
                            "unknown field '" + field.getKey() + "'");
                }
                args[index] = value(field.getValue(), shape.types[index], shape.raws[index]);
                path.remove(path.size() - 1);
            }
            return shape.create(args);
        }

        private static Object plain(JsonNode node) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isArray()) {
                List<Object> out = new ArrayList<>(node.size());
                node.forEach(element -> out.add(element.isNull() ? null : plain(element)));
                return out;
            }
            if (node.isObject()) {
                Map<String, Object> out = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : plain(e.getValue())));
                return out;
            }
            return null;
        }

        private BindingException wrongType(Class<?> target) {
            return new BindingException(BindingException.Kind.WRONG_TYPE, path, target, null, List.of(), "wrong type");
        }

        private BindingException notAccepted(Class<?> target, Object written) {
            return new BindingException(BindingException.Kind.NOT_ACCEPTED, path, target, written, List.of(), "'" + written + "' is not accepted");
        }

        private String pathText() {
            return path.toString();
        }
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("config records declare their lists' and maps' element types: " + type);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        // List<?> or a type variable: any value
        return Object.class;
    }

    /** What binding needs of one record class, read once per class by reflection. */
    private static final class RecordShape {
        private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

        final Class<?> type;
        final String[] names;
        final Type[] types;
        final Class<?>[] raws;
        final List<String> sortedNames;
        final Method shorthand;
        private final Method fromObject;
        private final Constructor<?> canonical;

        static RecordShape of(Class<?> type) {
            RecordShape shape = SHAPES.get(type);
            if (shape == null) {
                shape = new RecordShape(type);
                SHAPES.putIfAbsent(type, shape);
            }
            return shape;
        }

        private RecordShape(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] componentTypes = new Class<?>[components.length];
            names = new String[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                componentTypes[i] = components[i].getType();
            }
            String[] sorted = names.clone();
            Arrays.sort(sorted);
            sortedNames = List.of(sorted);
            Method of = null;
            Method from = null;
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                if (m.getName().equals("of") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {boolean.class})) {
                    of = m;
                } else if (m.getName().equals("fromObject") && m.getParameterCount() == components.length) {
                    from = m;
                }
            }
            shorthand = of;
            fromObject = from;
            // fromObject takes the components in order, boxed where the record holds a primitive (a block may leave
            // the field out); the values are bound to its parameters' types.
            if (from != null) {
                types = from.getGenericParameterTypes();
                raws = from.getParameterTypes();
                canonical = null;
            } else {
                types = new Type[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getGenericType();
                }
                raws = componentTypes;
                try {
                    canonical = type.getDeclaredConstructor(componentTypes);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("a record has its canonical constructor: " + type.getName(), e);
                }
            }
        }

        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        Object create(Object[] args) {
            try {
                return fromObject != null ? fromObject.invoke(null, args) : canonical.newInstance(args);
            } catch (InvocationTargetException e) {
                throw rethrow(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
        }

        Object invoke(Method method, Object arg) {
            try {
                return method.invoke(null, arg);
            } catch (InvocationTargetException e) {
                throw rethrow(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
        }

        /** A record's own check failing is its exception, not a reflection problem. */
        private static RuntimeException rethrow(InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                return runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new IllegalStateException(e.getCause());
        }
    }
}
