package edu.umd.cs.findbugs.annotations;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Stand-in for SpotBugs' {@code SuppressFBWarnings}, which Jenkins core exposes to plugins (the plugin parent POM runs
 * SpotBugs in the real build). Compile-time only.
 */
@Retention(RetentionPolicy.CLASS)
public @interface SuppressFBWarnings {
    String[] value() default {};

    String justification() default "";
}
