package dev.mcpoauth.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One typed argument of a tool made with {@link McpTools#text}: its name, JSON type and description,
 * from which the tool's input JSON Schema is derived.
 *
 * @param name        the argument name, as the model sends it
 * @param type        the JSON type
 * @param description what the argument means, for the model
 * @param required    whether the model must send it
 */
public record ToolArg(String name, Type type, String description, boolean required) {

    /** The JSON types a tool argument can have. */
    public enum Type {
        /** A JSON string. */
        STRING("string"),
        /** A JSON number without a fraction. */
        INTEGER("integer"),
        /** Any JSON number. */
        NUMBER("number"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean");

        private final String jsonType;

        Type(String jsonType) {
            this.jsonType = jsonType;
        }

        /** The JSON Schema type name. */
        public String jsonType() {
            return jsonType;
        }
    }

    /** Validates the argument. */
    public ToolArg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool argument needs a name");
        }
    }

    /** A required string argument. */
    public static ToolArg string(String name, String description) {
        return new ToolArg(name, Type.STRING, description, true);
    }

    /** A required integer argument. */
    public static ToolArg integer(String name, String description) {
        return new ToolArg(name, Type.INTEGER, description, true);
    }

    /** A required number argument. */
    public static ToolArg number(String name, String description) {
        return new ToolArg(name, Type.NUMBER, description, true);
    }

    /** A required boolean argument. */
    public static ToolArg bool(String name, String description) {
        return new ToolArg(name, Type.BOOLEAN, description, true);
    }

    /** This argument, but optional. */
    public ToolArg optional() {
        return new ToolArg(name, type, description, false);
    }

    /** The argument's JSON Schema property. */
    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type.jsonType());
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        return schema;
    }

    /** Whether {@code value}, as the SDK parsed it from JSON, has this argument's type. */
    boolean accepts(Object value) {
        return switch (type) {
            case STRING -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case NUMBER -> value instanceof Number;
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
                    || value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && !Double.isInfinite(n.doubleValue());
        };
    }
}
