package com.ctipresence.adapter.in.json;

/** Field paths as the caller wrote them: {@code states[2].presenceStatus}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return (parent.isEmpty() ? "body" : parent) + "[" + index + "]";
    }

    /** {@code path} is {@code ancestor} or lies inside it. */
    static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }
}
