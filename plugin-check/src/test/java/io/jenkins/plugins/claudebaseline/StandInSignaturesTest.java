package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins in jenkins-stubs must have the real signatures: every public or protected member they declare, and
 * every public type's declaration (kind, modifiers, type parameters, superclass, interfaces), must match a line of
 * {@code jenkins-api-signatures.txt} (test data: facts read from the real sources at the tags named on each line).
 * A stand-in with a wrong parameter type, a missing throws clause, a lost deprecation or a supertype the real type
 * does not have fails here, before the real {@code -Pjenkins} build would.
 *
 * <p>Line format: {@code fully.qualified.Type | declaration or member | repo@tag (path)}; one member per line; a
 * declaration ending in {@code ...} lists only some supertypes (the stand-in's must then be among them);
 * {@code [notes]} and annotations other than {@code @Deprecated} are ignored.
 */
class StandInSignaturesTest {

    record Line(String type, String text, int number) {
    }

    static List<Line> lines() throws IOException {
        List<Line> out = new ArrayList<>();
        try (InputStream in = StandInSignaturesTest.class.getResourceAsStream("/jenkins-api-signatures.txt")) {
            String[] all = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < all.length; i++) {
                String l = all[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split(" \\| ");
                if (parts.length >= 3) {
                    out.add(new Line(parts[0].trim(), parts[1].trim(), i + 1));
                }
            }
        }
        return out;
    }

    /** Every public type compiled from jenkins-stubs (nested ones included). */
    static List<Class<?>> standIns() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(hudson.FilePath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        // target/classes in a test-phase build, the module's jar once the reactor has packaged it.
        java.nio.file.FileSystem jar = Files.isDirectory(location) ? null : java.nio.file.FileSystems.newFileSystem(location);
        Path root = jar == null ? location : jar.getPath("/");
        try (jar; Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, StandInSignaturesTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ normalising both sides to one text

    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-zA-Z_][\\w]*[.$])+([A-Za-z_][\\w]*)");

    /** Types with their packages and outer classes dropped, no spaces. */
    static String simple(String type) {
        return QUALIFIED.matcher(type).replaceAll("$1").replace(" ", "");
    }

    static String typeName(Type t) {
        return simple(t.getTypeName());
    }

    static String typeParams(TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        return "<" + Arrays.stream(vars).map(v -> {
            List<Type> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).toList();
            return v.getName() + (bounds.isEmpty() ? "" : "extends" + bounds.stream().map(StandInSignaturesTest::typeName)
                    .collect(Collectors.joining("&")));
        }).collect(Collectors.joining(",")) + ">";
    }

    /** The stand-in member as "[static ][final ][abstract ][default ]<T>Ret name(Params)throws X,Y[ @Deprecated]". */
    static String canonical(Member m, boolean inInterface) {
        StringBuilder sb = new StringBuilder();
        int mod = m.getModifiers();
        sb.append(Modifier.isProtected(mod) ? "protected " : "public ");
        if (Modifier.isStatic(mod)) {
            sb.append("static ");
        }
        if (Modifier.isFinal(mod)) {
            sb.append("final ");
        }
        if (m instanceof Method method) {
            if (Modifier.isAbstract(mod) && !inInterface) {
                sb.append("abstract ");
            }
            if (method.isDefault()) {
                sb.append("default ");
            }
            sb.append(typeParams(method.getTypeParameters())).append(typeName(method.getGenericReturnType())).append(' ')
                    .append(method.getName()).append(params(method));
        } else if (m instanceof Constructor<?> c) {
            sb.append(typeParams(c.getTypeParameters())).append(c.getDeclaringClass().getSimpleName()).append(params(c));
        } else if (m instanceof Field f) {
            sb.append(typeName(f.getGenericType())).append(' ').append(f.getName());
        }
        if (m instanceof Executable e && e.getExceptionTypes().length > 0) {
            sb.append("throws").append(Arrays.stream(e.getExceptionTypes()).map(Class::getSimpleName).sorted()
                    .collect(Collectors.joining(",")));
        }
        if (((java.lang.reflect.AnnotatedElement) m).isAnnotationPresent(Deprecated.class)) {
            sb.append(" @Deprecated");
        }
        return sb.toString().replace(" ", " ").trim();
    }

    static String params(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String t = typeName(types[i]);
            if (e.isVarArgs() && i == types.length - 1) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            out.add(t);
        }
        return "(" + String.join(",", out) + ")";
    }

    private static final Pattern ANNOTATION = Pattern.compile("@(?!Deprecated\\b|deprecated\\b|interface\\b)[A-Z][\\w.]*(\\([^)]*\\))?");
    private static final Pattern MEMBER = Pattern.compile("^(.*?)\\b([A-Za-z_][\\w]*)\\s*\\((.*)\\)\\s*(?:throws\\s+([\\w.,\\s]+))?\\s*(?:default\\s+.*)?$");

    /** A list line's member text in the same canonical form; null when it is not a member (a declaration, a note). */
    static String canonical(String text, String simpleType, boolean inInterface, boolean inAnnotation) {
        boolean deprecated = text.contains("@Deprecated") || text.contains("@deprecated");
        String t = ANNOTATION.matcher(text.replaceAll("\\[[^\\]]+]", "").replaceAll("\\?\\s+(extends|super)\\s+", "?$1")
                        .replaceAll(",\\s+", ",")).replaceAll("")
                .replace("@Deprecated", "").replace("@deprecated", "").replaceAll("\\(since\\s*=\\s*\"[^\"]*\"\\)", "")
                .replaceAll("\\s+", " ").trim();
        if (t.matches(".*\\b(class|interface|enum|@interface)\\b.*")) {
            return null;
        }
        String result;
        int paren = t.indexOf('(');
        int eq = t.indexOf('=');
        if (paren < 0 || (eq >= 0 && eq < paren)) { // a field
            String decl = (eq >= 0 ? t.substring(0, eq) : t).trim().replaceAll(";$", "");
            List<String> words = new ArrayList<>(Arrays.asList(decl.split(" ")));
            String name = words.remove(words.size() - 1);
            String type = words.remove(words.size() - 1);
            boolean isStatic = words.contains("static") || inInterface;
            boolean isFinal = words.contains("final") || inInterface;
            result = (words.contains("protected") ? "protected " : "public ") + (isStatic ? "static " : "") + (isFinal ? "final " : "")
                    + simple(type) + " " + name;
        } else {
            Matcher m = MEMBER.matcher(t);
            if (!m.matches()) {
                return null;
            }
            String head = m.group(1).trim();
            String name = m.group(2);
            List<String> words = new ArrayList<>();
            String typeParams = "";
            String rest = head;
            Matcher tp = Pattern.compile("<[^()]*>\\s").matcher(head);
            int firstLt = head.indexOf('<');
            if (firstLt >= 0 && (firstLt == 0 || head.charAt(firstLt - 1) == ' ') && tp.find(firstLt) && tp.start() == firstLt) {
                typeParams = simple(head.substring(firstLt, tp.end()).trim()).replace("extends", "extends");
                rest = (head.substring(0, firstLt) + " " + head.substring(tp.end())).trim();
            }
            for (String w : rest.split(" ")) {
                if (!w.isBlank()) {
                    words.add(w);
                }
            }
            boolean constructor = name.equals(simpleType);
            String ret = constructor || words.isEmpty() ? "" : words.remove(words.size() - 1);
            boolean isDefault = words.contains("default");
            StringBuilder sb = new StringBuilder(words.contains("protected") ? "protected " : "public ");
            if (words.contains("static")) {
                sb.append("static ");
            }
            if (words.contains("final")) {
                sb.append("final ");
            }
            if (words.contains("abstract") && !inInterface) {
                sb.append("abstract ");
            }
            if (inAnnotation) {
                // annotation members: as interfaces
            }
            if (isDefault) {
                sb.append("default ");
            }
            sb.append(typeParams.replace(" ", "").replace("extends", "extends"));
            sb.append(constructor ? name : simple(ret) + " " + name);
            sb.append("(").append(paramTypes(m.group(3))).append(")");
            if (m.group(4) != null) {
                sb.append("throws").append(Arrays.stream(m.group(4).split(",")).map(String::trim).map(StandInSignaturesTest::simple)
                        .sorted().collect(Collectors.joining(",")));
            }
            result = sb.toString();
        }
        return result + (deprecated ? " @Deprecated" : "");
    }

    static String paramTypes(String params) {
        if (params.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : (params + ",").toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                String p = cur.toString().trim().replaceAll("^final ", "");
                // "Type name" -> "Type"; "Type... name" -> "Type..."; a bare type stays.
                Matcher m = Pattern.compile("^(.*?[\\w>\\]?.])\\s+[a-z_][\\w]*$").matcher(p);
                out.add(simple(m.matches() ? m.group(1) : p));
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return String.join(",", out);
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void everyPublicMemberOfEveryStandInHasItsRealSignature() throws Exception {
        Map<String, List<Line>> byType = lines().stream().collect(Collectors.groupingBy(Line::type, HashMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : standIns()) {
            String name = c.getName().replace('$', '.');
            List<Line> listed = byType.getOrDefault(name, List.of());
            boolean iface = c.isInterface();
            TreeSet<String> real = new TreeSet<>();
            for (Line l : listed) {
                String canon = canonical(l.text(), c.getSimpleName(), iface, c.isAnnotation());
                if (canon != null) {
                    real.add(canon);
                }
            }
            List<Member> members = new ArrayList<>();
            members.addAll(Arrays.asList(c.getDeclaredMethods()));
            members.addAll(Arrays.asList(c.getDeclaredConstructors()));
            members.addAll(Arrays.asList(c.getDeclaredFields()));
            for (Member m : members) {
                int mod = m.getModifiers();
                if (m.isSynthetic() || !(Modifier.isPublic(mod) || Modifier.isProtected(mod)) || isImplicit(c, m)) {
                    continue;
                }
                if (m instanceof Constructor<?> k && k.getParameterCount() == 0 && !real.contains("public " + c.getSimpleName() + "()")
                        && (Modifier.isAbstract(c.getModifiers()) || real.stream().noneMatch(r -> r.contains(" " + c.getSimpleName() + "(")))) {
                    // The implicit constructor of an abstract type (the plugin cannot call it) or of a type the list
                    // names no constructor for (the plugin calls none; a test fake may).
                    continue;
                }
                checked++;
                String mine = canonical(m, iface);
                if (!real.contains(mine)) {
                    problems.add(name + ": stand-in member `" + mine + "` matches no line; real: " + real);
                }
            }
        }
        assertThat(problems).as("stand-in members that differ from the real signatures").isEmpty();
        assertThat(checked).isGreaterThan(80);
    }

    /** Members the compiler adds: enum values/valueOf, a default constructor of a class the list has no constructor line for. */
    static boolean isImplicit(Class<?> c, Member m) {
        if (c.isEnum() && m instanceof Method method && (method.getName().equals("values") || method.getName().equals("valueOf"))) {
            return true;
        }
        if (c.isEnum() && m instanceof Field f && f.isEnumConstant()) {
            return false;
        }
        return c.isEnum() && m instanceof Constructor<?>;
    }

    @Test
    void everyStandInTypeIsDeclaredAsTheRealOne() throws Exception {
        Map<String, List<Line>> byType = lines().stream().collect(Collectors.groupingBy(Line::type, HashMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        for (Class<?> c : standIns()) {
            String name = c.getName().replace('$', '.');
            List<String> decls = byType.getOrDefault(name, List.of()).stream().map(Line::text)
                    .filter(t -> t.matches(".*\\b(class|interface|enum|@interface)\\s+" + Pattern.quote(c.getSimpleName()) + "\\b.*")).toList();
            if (decls.isEmpty()) {
                problems.add(name + ": no declaration line in jenkins-api-signatures.txt");
                continue;
            }
            String decl = decls.get(0);
            String problem = compareDeclaration(c, decl);
            if (problem != null) {
                problems.add(name + ": " + problem + " (real: " + decl + ")");
            }
        }
        assertThat(problems).as("stand-in types that differ from the real declarations").isEmpty();
    }

    static String compareDeclaration(Class<?> c, String decl) {
        String d = ANNOTATION.matcher(decl.replaceAll("\\[[^\\]]+]", "")).replaceAll("").replaceAll("\\{.*}", "").replaceAll("\\s+", " ").trim();
        String kind = c.isAnnotation() ? "@interface" : c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
        if (!d.matches(".*(^|\\s)" + Pattern.quote(kind) + "\\s+" + c.getSimpleName() + "\\b.*")) {
            return "is a " + kind;
        }
        if (!c.isInterface()) {
            if (Modifier.isAbstract(c.getModifiers()) != d.matches(".*\\babstract\\b.*")) {
                return "abstract differs";
            }
            if (Modifier.isFinal(c.getModifiers()) != d.matches(".*\\bfinal\\b.*") && !c.isEnum()) {
                return "final differs";
            }
        }
        boolean partial = d.endsWith("...") || d.contains("implements ...");
        String afterName = d.substring(d.indexOf(c.getSimpleName() + (c.getTypeParameters().length > 0 ? "<" : ""))
                + c.getSimpleName().length());
        String typeParams = "";
        if (afterName.startsWith("<")) {
            int depth = 0;
            int i = 0;
            for (; i < afterName.length(); i++) {
                if (afterName.charAt(i) == '<') {
                    depth++;
                } else if (afterName.charAt(i) == '>' && --depth == 0) {
                    break;
                }
            }
            typeParams = simple(afterName.substring(0, i + 1)).replace("extends", "extends");
            afterName = afterName.substring(i + 1);
        }
        if (!typeParams.replace(",", ",").equals(typeParams(c.getTypeParameters()).replace("extends", "extends"))) {
            return "type parameters " + typeParams(c.getTypeParameters()) + " differ";
        }
        String ext = null;
        List<String> impl = new ArrayList<>();
        Matcher em = Pattern.compile("^\\s*extends\\s+(.*?)(\\s+implements\\s+(.*))?$").matcher(afterName);
        Matcher im = Pattern.compile("^\\s*implements\\s+(.*)$").matcher(afterName);
        if (em.matches()) {
            if (c.isInterface()) {
                impl.addAll(splitTypes(em.group(1)));
            } else {
                ext = simple(em.group(1));
                if (em.group(3) != null) {
                    impl.addAll(splitTypes(em.group(3)));
                }
            }
        } else if (im.matches()) {
            impl.addAll(splitTypes(im.group(1)));
        }
        if (!c.isInterface() && !c.isEnum()) {
            String mine = typeName(c.getGenericSuperclass());
            String expected = ext == null ? "Object" : ext;
            if (!mine.equals(expected) && !(partial && mine.equals("Object"))) {
                return "extends " + mine + ", not " + expected;
            }
        }
        List<String> mine = Arrays.stream(c.getGenericInterfaces()).map(StandInSignaturesTest::typeName)
                .filter(i -> !(c.isAnnotation() && i.equals("Annotation"))).sorted().toList();
        impl.removeIf(s -> s.equals("...") || s.isBlank());
        List<String> expected = impl.stream().map(StandInSignaturesTest::simple).sorted().toList();
        if (partial ? !expected.containsAll(mine) && !mine.stream().allMatch(expected::contains) : !mine.equals(expected)) {
            return "interfaces " + mine + " differ from " + expected;
        }
        return null;
    }

    static List<String> splitTypes(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : (s + ",").toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return out;
    }
}
