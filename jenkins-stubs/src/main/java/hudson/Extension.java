package hudson;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Jenkins core's {@code hudson.Extension} (compile-time only; see this module's pom). Same retention,
 * targets and the members a plugin uses; Jenkins discovers extensions through an annotation processor the real build
 * runs, which this stand-in does not need.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Extension {
    double ordinal() default 0;

    @Deprecated
    boolean optional() default false;
}
