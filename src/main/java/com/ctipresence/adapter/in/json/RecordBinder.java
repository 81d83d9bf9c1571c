package com.ctipresence.adapter.in.json;

import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.ValidationException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a JSON tree to a request record field by field, so that one request reports every unknown field and every
 * value of the wrong type or outside an enum, not just the first. Records bind by their component names, lists
 * element by element; every other value is converted by the strict {@link ObjectMapper} (see {@code StrictJson}), so
 * its rules apply unchanged. An offending value binds as {@code null} and its path is remembered, so that rules run
 * on the rest afterwards do not report it a second time.
 */
final class RecordBinder {
    private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS = Map.of(int.class, 0, long.class, 0L,
            boolean.class, false, double.class, 0.0, float.class, 0.0f, short.class, (short) 0, byte.class, (byte) 0,
            char.class, '\0');

    private final ObjectMapper json;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> rejected = new LinkedHashSet<>();

    RecordBinder(ObjectMapper json) {
        this.json = json;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** An error about {@code path} is already reported (the path or a field around it was rejected). */
    boolean reported(String path) {
        return rejected.stream().anyMatch(r -> JsonPaths.within(path, r));
    }

    void reject(String path, String message) {
        errors.add(new FieldError(path, message));
        rejected.add(path);
    }

    <R> R bindRecord(JsonNode node, Class<R> type) {
        return type.cast(bind(node, json.constructType(type), ""));
    }

    private Object bind(JsonNode node, JavaType type, String path) {
        Class<?> raw = type.getRawClass();
        if (node.isNull()) {
            return raw.isPrimitive() ? rejectValue(path, "must not be null") : null;
        }
        if (raw.isRecord()) {
            return node.isObject() ? record(node, raw, path) : rejectValue(path, "must be a JSON object { ... }");
        }
        if (type.isCollectionLikeType()) {
            return node.isArray() ? list(node, type.getContentType(), path)
                    : rejectValue(path, "must be a JSON array [ ... ]");
        }
        try {
            return json.treeToValue(node, type);
        } catch (Exception e) { // JsonProcessingException or IllegalArgumentException: the value does not fit
            return rejectValue(path, expected(raw, node));
        }
    }

    /** Rejects the value at {@code path}; it binds as null. */
    private Object rejectValue(String path, String message) {
        reject(path.isEmpty() ? "body" : path, message);
        return null;
    }

    private Object record(JsonNode node, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            positions.put(components[i].getName(), i);
        }
        Object[] values = new Object[components.length];
        node.properties().forEach(field -> { // in the order the caller wrote them
            String fieldPath = JsonPaths.field(path, field.getKey());
            Integer i = positions.get(field.getKey());
            if (i == null) {
                reject(fieldPath, "is not a known field");
            } else {
                values[i] = bind(field.getValue(),
                        json.getTypeFactory().constructType(components[i].getGenericType()), fieldPath);
            }
        });
        for (int i = 0; i < components.length; i++) {
            if (values[i] == null && components[i].getType().isPrimitive()) {
                values[i] = PRIMITIVE_DEFAULTS.get(components[i].getType());
            }
        }
        return construct(type, components, values, path);
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] values, String path) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ValidationException v) { // a record that checks its own fields
                v.errors().forEach(f -> reject(JsonPaths.field(path, f.field()), f.message()));
                return null;
            }
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
        }
    }

    private List<Object> list(JsonNode node, JavaType element, String path) {
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            list.add(bind(node.get(i), element, JsonPaths.index(path, i)));
        }
        return list;
    }

    /** What the field takes, said for people: "must be a whole number (was a text)". */
    private static String expected(Class<?> type, JsonNode sent) {
        String was = " (was " + kind(sent) + ")";
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + (sent.isTextual() ? "" : was);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            if (sent.isIntegralNumber()) {
                return "is too large a number";
            }
            return "must be a whole number" + was;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false" + was;
        }
        if (type == String.class) {
            return "must be a text in double quotes" + was;
        }
        return "has the wrong type" + was;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> node.asText().isEmpty() ? "an empty text" : "a text";
            case NUMBER -> node.isIntegralNumber() ? "a whole number" : "a decimal number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "null";
        };
    }
}
