package com.ctipresence.adapter.in.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST operations of this application as its resource classes declare them (path, method, media types), so
 * that a 405, 406 or 415 can tell the caller what the path does take.
 */
@ApplicationScoped
public class RestOperations {
    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    record Operation(String method, Pattern path, List<String> consumes, List<String> produces) {
    }

    private final List<Operation> operations;

    public RestOperations(BeanManager beans) {
        List<Operation> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class)) {
                found.addAll(operationsOf(type));
            }
        }
        this.operations = List.copyOf(found);
    }

    /** Methods declared for a request path, in alphabetical order, e.g. [GET, PUT]. */
    public Set<String> methods(String path) {
        Set<String> methods = new TreeSet<>();
        operations.stream().filter(o -> o.path().matcher(path).matches()).forEach(o -> methods.add(o.method()));
        return methods;
    }

    /** Media types the operations for this method and path answer. */
    public Set<String> produces(String method, String path) {
        return collect(method, path, Operation::produces);
    }

    /** Media types the operations for this method and path take. */
    public Set<String> consumes(String method, String path) {
        return collect(method, path, Operation::consumes);
    }

    /** In alphabetical order: answers do not depend on the order reflection lists methods in. */
    private Set<String> collect(String method, String path, Function<Operation, List<String>> types) {
        Set<String> result = new TreeSet<>();
        String effective = "HEAD".equals(method) ? "GET" : method;
        operations.stream().filter(o -> o.method().equals(effective) && o.path().matcher(path).matches())
                .forEach(o -> result.addAll(types.apply(o)));
        return result;
    }

    private static List<Operation> operationsOf(Class<?> type) {
        List<Operation> result = new ArrayList<>();
        String base = type.getAnnotation(Path.class).value();
        for (Method m : type.getMethods()) {
            String httpMethod = httpMethod(m);
            if (httpMethod == null) {
                continue;
            }
            String path = m.isAnnotationPresent(Path.class) ? join(base, m.getAnnotation(Path.class).value()) : base;
            result.add(new Operation(httpMethod, regex(path),
                    mediaTypes(m.getAnnotation(Consumes.class), type.getAnnotation(Consumes.class), Consumes::value),
                    mediaTypes(m.getAnnotation(Produces.class), type.getAnnotation(Produces.class), Produces::value)));
        }
        return result;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> List<String> mediaTypes(A onMethod, A onClass, Function<A, String[]> values) {
        A declared = onMethod != null ? onMethod : onClass;
        return declared == null ? List.of("*/*") : Arrays.stream(values.apply(declared))
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList();
    }

    private static String join(String base, String sub) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String right = sub.startsWith("/") ? sub : "/" + sub;
        return (left.startsWith("/") ? left : "/" + left) + right;
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).strip()).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
