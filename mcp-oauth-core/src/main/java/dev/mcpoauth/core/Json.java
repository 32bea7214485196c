package dev.mcpoauth.core;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the JSON documents of the OAuth endpoints, so that a transport needs no JSON
 * library of its own. Built on jose4j's small JSON codec.
 *
 * <p>Writing refuses {@code null} anywhere in the tree: MCP clients reject {@code "field": null},
 * so absent values must be left out, and a null here is a bug to surface, not to send. Thread safe.
 */
public final class Json {

    private Json() {
    }

    /**
     * Renders an object as compact JSON.
     *
     * @param object a map whose values are strings, booleans, numbers, collections or maps of the same,
     *               without nulls
     * @return the JSON text
     * @throws IllegalArgumentException when a value is null or of another type
     */
    public static String write(Map<String, ?> object) {
        return JsonUtil.toJson(checkedMap(object, "$"));
    }

    /**
     * Parses a JSON object, e.g. a registration request.
     *
     * @param text the JSON text
     * @return the members, in document order: strings, {@code Long}/{@code Double} numbers, booleans,
     *         lists, maps, and {@code null} for JSON {@code null}
     * @throws IllegalArgumentException when the text is not one well-formed JSON object, or repeats a member name
     */
    public static Map<String, Object> parseObject(String text) {
        try {
            Map<String, Object> parsed = JsonUtil.parseJson(text);
            if (parsed == null) {
                throw new IllegalArgumentException("expected a JSON object, found nothing");
            }
            return parsed;
        } catch (JoseException | RuntimeException e) {
            // jose4j reports a non-object root as a ClassCastException inside its exception.
            throw new IllegalArgumentException("not a well-formed JSON object", e);
        }
    }

    private static Map<String, Object> checkedMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON member names must be strings at " + path);
            }
            copy.put(name, checked(value, path + "." + name));
        });
        return copy;
    }

    private static Object checked(Object value, String path) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("null is never written to JSON, at " + path);
            case String s -> s;
            case Boolean b -> b;
            case Double d when d.isNaN() || d.isInfinite() -> throw new IllegalArgumentException(
                    "JSON has no NaN or infinity, at " + path);
            case Number n -> n;
            case Map<?, ?> m -> checkedMap(m, path);
            case Collection<?> c -> checkedList(c, path);
            default -> throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " to JSON, at " + path);
        };
    }

    private static List<Object> checkedList(Collection<?> values, String path) {
        List<Object> copy = new ArrayList<>(values.size());
        int i = 0;
        for (Object value : values) {
            copy.add(checked(value, path + "[" + i++ + "]"));
        }
        return copy;
    }
}
