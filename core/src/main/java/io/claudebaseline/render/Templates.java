package io.claudebaseline.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Mustache templates, the one source of policy and Terraform text: bundled in the core jar under
 * {@code io/claudebaseline/templates/} (from {@code templates/} at the repository root), each optionally
 * replaced by a file of the same name in a user directory ({@code --templates DIR}).
 *
 * <p>Values are escaped for the language of the template ({@link Escaper#forTemplate}), and a template that
 * names a variable the renderer does not supply fails instead of silently printing nothing.
 */
public final class Templates {

    /** Classpath folder of the bundled templates. */
    public static final String BUNDLED_ROOT = "io/claudebaseline/templates/";

    // Every template the renderer uses, by path relative to templates/. File names are unique, so an override
    // directory may hold them flat or in the same sub-folders.
    public static final String SCP_POLICY = "scp/policy.json.mustache";
    public static final String SCP_PROTECT_WORKSPACE = "scp/protect-workspace.json.mustache";
    public static final String SCP_DENY_KEY_CREATION = "scp/deny-key-creation.json.mustache";
    public static final String SCP_DENY_SHADOW_USERS = "scp/deny-shadow-users.json.mustache";
    public static final String SCP_DENY_KEY_USE = "scp/deny-key-use.json.mustache";
    public static final String SCP_PROTECT_TAGGED_WORKSPACES = "scp/protect-tagged-workspaces.json.mustache";
    public static final String SCP_PROTECT_TAG_KEY = "scp/protect-tag-key.json.mustache";
    public static final String SCP_PLATFORM_ADMINISTRATION = "scp/restrict-platform-administration.json.mustache";
    public static final String SCP_ADMIN_CONSOLE = "scp/restrict-admin-console.json.mustache";
    public static final String TRAIL_DATA_SELECTOR = "cloudtrail/data-events-selector.json.mustache";
    public static final String TRAIL_MANAGEMENT_SELECTOR = "cloudtrail/management-events-selector.json.mustache";
    public static final String TF_VERSIONS = "terraform/versions.tf.mustache";
    public static final String TF_VARIABLES = "terraform/variables.tf.mustache";
    public static final String TF_SCPS = "terraform/scps.tf.mustache";
    public static final String TF_CLOUDTRAIL = "terraform/cloudtrail.tf.mustache";
    public static final String TF_OUTPUTS = "terraform/outputs.tf.mustache";

    public static final List<String> ALL = List.of(SCP_POLICY, SCP_PROTECT_WORKSPACE, SCP_DENY_KEY_CREATION,
            SCP_DENY_SHADOW_USERS, SCP_DENY_KEY_USE, SCP_PROTECT_TAGGED_WORKSPACES, SCP_PROTECT_TAG_KEY,
            SCP_PLATFORM_ADMINISTRATION, SCP_ADMIN_CONSOLE, TRAIL_DATA_SELECTOR, TRAIL_MANAGEMENT_SELECTOR,
            TF_VERSIONS, TF_VARIABLES, TF_SCPS, TF_CLOUDTRAIL, TF_OUTPUTS);

    private final Map<String, String> texts;
    private final Map<String, String> sources;
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    private Templates(Map<String, String> texts, Map<String, String> sources) {
        this.texts = Map.copyOf(texts);
        this.sources = Map.copyOf(sources);
    }

    private static volatile Templates bundled;

    /** The templates shipped in the jar (read once; a Templates instance is immutable and thread-safe). */
    public static Templates bundled() {
        Templates t = bundled;
        if (t == null) {
            t = readBundledTemplates();
            bundled = t;
        }
        return t;
    }

    private static Templates readBundledTemplates() {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : ALL) {
            texts.put(name, readBundled(name));
            sources.put(name, "bundled:" + name);
        }
        return new Templates(texts, sources);
    }

    /**
     * The bundled templates with those found in {@code dir} replacing them by file name (flat, or in the same
     * sub-folder). A file in {@code dir} that matches no template is an error: it is almost certainly a typo
     * that would otherwise be ignored silently.
     */
    public static Templates withOverrides(Path dir) throws ConfigException {
        if (dir == null) {
            return bundled();
        }
        String field = "--templates";
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), List.of(Problem.error(field,
                    "template directory not found: " + dir.toAbsolutePath() + "; pass a directory holding copies of templates/ files")));
        }
        Map<String, String> byFileName = new LinkedHashMap<>();
        for (String name : ALL) {
            byFileName.put(fileName(name), name);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : ALL) {
            texts.put(name, readBundled(name));
            sources.put(name, "bundled:" + name);
        }
        List<Problem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".mustache")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), List.of(Problem.error(field, "cannot read template directory: " + e.getMessage())));
        }
        for (Path file : files) {
            String name = byFileName.get(file.getFileName().toString());
            if (name == null) {
                problems.add(Problem.error(field, "unknown template " + dir.relativize(file) + "; known templates: "
                        + String.join(", ", new TreeSet<>(byFileName.keySet()))));
                continue;
            }
            if (sources.get(name).startsWith("file:")) {
                problems.add(Problem.error(field, "template " + fileName(name) + " is overridden twice: "
                        + sources.get(name).substring(5) + " and " + file));
                continue;
            }
            try {
                texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
                sources.put(name, "file:" + file);
            } catch (IOException e) {
                problems.add(Problem.error(field, "cannot read " + file + ": " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(dir.toString(), problems);
        }
        return new Templates(texts, sources);
    }

    /** Where each template came from: {@code bundled:<path>} or {@code file:<path>}. */
    public Map<String, String> sources() {
        return sources;
    }

    /** True when at least one template comes from a user directory. */
    public boolean isCustomised() {
        return sources.values().stream().anyMatch(s -> s.startsWith("file:"));
    }

    /**
     * Renders one template with {@code scope} (maps, lists, strings, booleans). Values are escaped for the
     * template's language; triple mustaches ({@code {{{x}}}}) insert text unescaped and are only for text the
     * renderer produced itself (e.g. already-rendered statements).
     *
     * @throws TemplateException when the template is malformed or names a variable that is not supplied
     */
    public String render(String name, Map<String, ?> scope) {
        Mustache mustache = compiled.computeIfAbsent(name, this::compile);
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scope).flush();
        } catch (MustacheException e) {
            TemplateException own = ownCause(e);
            if (own != null) {
                throw own; // already names the template and the fix
            }
            throw new TemplateException("template " + sources.get(name) + ": " + rootMessage(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Mustache compile(String name) {
        String text = texts.get(name);
        if (text == null) {
            throw new TemplateException("no template named " + name);
        }
        try {
            return new StrictFactory(Escaper.forTemplate(name), sources.get(name)).compile(new StringReader(text), name);
        } catch (MustacheException e) {
            TemplateException own = ownCause(e);
            if (own != null) {
                throw own;
            }
            throw new TemplateException("template " + sources.get(name) + " is not valid Mustache: " + rootMessage(e), e);
        }
    }

    private static TemplateException ownCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemplateException own) {
                return own;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Where the bundled templates are (a jar: or file: URL ending in {@link #BUNDLED_ROOT}); found on first use. */
    private static volatile String bundledRootUrl;

    /**
     * Reads a bundled template. The class loader is asked for one template only, and the others are read beside
     * it: a lookup through the class loader first searches every JDK module for the name (the parent loaders),
     * about 1.3 ms apiece at start-up, 20 ms for the sixteen templates of a render.
     */
    private static String readBundled(String name) {
        String root = bundledRootUrl;
        if (root == null) {
            String first = BUNDLED_ROOT + ALL.get(0);
            java.net.URL url = Templates.class.getClassLoader().getResource(first);
            if (url == null) {
                throw missing(first);
            }
            String text = url.toString();
            root = text.substring(0, text.length() - ALL.get(0).length());
            bundledRootUrl = root;
        }
        try (InputStream in = java.net.URI.create(root + name).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            throw missing(BUNDLED_ROOT + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing(String resource) {
        return new IllegalStateException("bundled template missing from the jar: " + resource);
    }

    /**
     * The only variables a template may insert unescaped ({@code {{{x}}}} or {@code {{&x}}}): text the renderer
     * produced and parsed back itself. Any other value is user input and must go through the escaper, or a
     * customised template could turn a description into Terraform interpolation or JSON structure.
     */
    static final java.util.Set<String> RAW_VARIABLES = java.util.Set.of("statements");

    /** Escapes for one language, refuses unknown variables and unescaped user values. */
    private static final class StrictFactory extends DefaultMustacheFactory {
        private final Escaper escaper;
        private final String source;

        StrictFactory(Escaper escaper, String source) {
            this.escaper = escaper;
            this.source = source;
            setObjectHandler(new ReflectionObjectHandler() {
                @Override
                public Wrapper find(String variable, List<Object> scopes) {
                    Wrapper wrapper = super.find(variable, scopes);
                    if (wrapper instanceof MissingWrapper) {
                        throw new TemplateException("template " + source + " uses {{" + variable
                                + "}}, which the renderer does not supply; see docs/configuration.md (templates)");
                    }
                    return wrapper;
                }
            });
        }

        @Override
        public com.github.mustachejava.MustacheVisitor createMustacheVisitor() {
            return new com.github.mustachejava.DefaultMustacheVisitor(this) {
                @Override
                public void value(com.github.mustachejava.TemplateContext tc, String variable, boolean encoded) {
                    if (!encoded && !RAW_VARIABLES.contains(variable.trim())) {
                        throw new TemplateException("template " + source + " inserts {{{" + variable.trim() + "}}} unescaped (line "
                                + tc.line() + "); write {{" + variable.trim() + "}}: the renderer escapes values for the template's"
                                + " language itself (JSON or HCL, never HTML)");
                    }
                    super.value(tc, variable, encoded);
                }
            };
        }

        /**
         * Partials ({@code {{> name}}}) are refused: mustache.java would resolve them against the file system and the
         * class path, so an override could read any {@code *.mustache} file outside --templates into the output.
         */
        @Override
        public java.io.Reader getReader(String resourceName) {
            throw new TemplateException("template " + source + " includes the partial {{> " + resourceName + "}}; partials are not "
                    + "supported (they could read files outside --templates): copy the text into the template instead");
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escaper.escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
