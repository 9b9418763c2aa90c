package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The config records keep to what {@link ConfigBinder} reads of them, and agree with their Jackson annotations (which
 * the databind oracle of {@link ConfigBinderDifferentialTest} binds by): a field added to a record in a way the binder
 * would read differently fails here, not in a user's config.
 */
// Runs beside the moto tests (core/pom.xml): reflection only.
@Execution(ExecutionMode.CONCURRENT)
class ConfigBinderTest {

    /** Every record and enumeration a config can hold, found from {@link BaselineConfig} by its components. */
    static Set<Class<?>> configTypes() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(List.of(BaselineConfig.class));
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.addAll(Arrays.asList(p.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && (c.isRecord() || c.isEnum()) && seen.add(c) && c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    todo.push(component.getGenericType());
                }
            }
        }
        return seen;
    }

    @Test
    void everyEnumerationConstantIsWrittenAsItsJsonPropertySays() throws Exception {
        int constants = 0;
        for (Class<?> type : configTypes()) {
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                JsonProperty property = type.getField(((Enum<?>) constant).name()).getAnnotation(JsonProperty.class);
                assertThat(property).as(type.getSimpleName() + "." + constant + " has @JsonProperty").isNotNull();
                assertThat(ConfigBinder.wireName((Enum<?>) constant)).as(type.getSimpleName() + "." + constant).isEqualTo(property.value());
                constants++;
            }
        }
        assertThat(constants).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theBooleanShorthandAndTheBlockFactoryAreTheJacksonCreators() {
        int records = 0;
        for (Class<?> type : configTypes()) {
            if (!type.isRecord()) {
                continue;
            }
            records++;
            Method delegating = creator(type, JsonCreator.Mode.DELEGATING);
            Method properties = creator(type, JsonCreator.Mode.PROPERTIES);
            assertThat(ConfigBinder.hasShorthand(type)).as(type.getSimpleName() + " accepts true/false").isEqualTo(delegating != null);
            if (delegating != null) {
                assertThat(delegating.getName()).isEqualTo("of");
                assertThat(delegating.getParameterTypes()).containsExactly(boolean.class);
            }
            if (properties != null) {
                assertThat(properties.getName()).as(type.getSimpleName() + "'s block factory").isEqualTo("fromObject");
                List<String> names = Arrays.stream(properties.getParameters())
                        .map(p -> p.getAnnotation(JsonProperty.class).value()).toList();
                List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
                assertThat(names).as(type.getSimpleName() + ".fromObject takes the components in order").isEqualTo(components);
            }
        }
        assertThat(records).isGreaterThanOrEqualTo(15);
    }

    @Test
    void everyFieldHasATypeTheBinderReads() {
        for (Class<?> type : configTypes()) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    assertReadable(component.getGenericType(), type.getSimpleName() + "." + component.getName());
                }
            }
        }
    }

    private static void assertReadable(Type type, String where) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            assertThat(raw).as(where).isIn(List.class, Map.class);
            if (raw == Map.class) {
                assertThat(p.getActualTypeArguments()[0]).as(where + " keys").isEqualTo(String.class);
            }
            assertReadable(p.getActualTypeArguments()[raw == Map.class ? 1 : 0], where + " values");
            return;
        }
        Class<?> c = (Class<?>) type;
        // boolean: only behind a block factory that boxes it (the next test)
        assertThat(c == String.class || c == Integer.class || c == Boolean.class || c == Object.class || c.isEnum() || c.isRecord()
                || c == boolean.class).as(where + " is " + c.getSimpleName()).isTrue();
    }

    @Test
    void aPrimitiveFieldIsOnlyReadThroughABlockFactoryThatBoxesIt() {
        for (Class<?> type : configTypes()) {
            if (type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getType().isPrimitive())) {
                assertThat(creator(type, JsonCreator.Mode.PROPERTIES)).as(type.getSimpleName() + " (a primitive field needs fromObject)").isNotNull();
                assertThat(creator(type, JsonCreator.Mode.PROPERTIES).getParameterTypes()).as(type.getSimpleName()).noneMatch(Class::isPrimitive);
            }
        }
    }

    @Test
    void bindsTheDocumentedShapesAndNamesTheFieldOfAProblem() throws Exception {
        ConfigTree tree = ConfigBinderDifferentialTest.tree("""
                version: 1
                layout: " per-control"
                controls: {denyLongTermKeyUse: false, denyLongTermKeyCreation: {scope: all-services}}
                scenarios: [{name: n, context: {k: [a, 1], b: true}}]
                """);
        BaselineConfig config = ConfigBinder.bind(tree.root(), BaselineConfig.class);
        assertThat(config.layout()).isEqualTo(BaselineConfig.Layout.PER_CONTROL);
        assertThat(config.controls().denyLongTermKeyUse().enabled()).isFalse();
        assertThat(config.controls().denyLongTermKeyCreation().scope()).isEqualTo(ControlsConfig.KeyCreation.Scope.ALL_SERVICES);
        assertThat(config.controls().denyLongTermKeyCreation().isEnabled()).as("a written block is on unless it says otherwise").isTrue();
        assertThat(config.scenarios().get(0).contextValues()).containsEntry("k", List.of("a", "1")).containsEntry("b", List.of("true"));

        ConfigTree wrong = ConfigBinderDifferentialTest.tree("workspaces: [{id: w, allowedPrincipals: [a, {b: c}]}]\n");
        assertThatThrownBy(() -> ConfigBinder.bind(wrong.root(), BaselineConfig.class))
                .isInstanceOfSatisfying(ConfigBinder.BindingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConfigBinder.BindingException.Kind.WRONG_TYPE);
                    assertThat(e.path()).containsExactly("workspaces", 0, "allowedPrincipals", 1);
                    assertThat(e.targetType()).isEqualTo(String.class);
                });
    }

    private static Method creator(Class<?> type, JsonCreator.Mode mode) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.isAnnotationPresent(JsonCreator.class) && m.getAnnotation(JsonCreator.class).mode() == mode)
                .findFirst().orElse(null);
    }
}
