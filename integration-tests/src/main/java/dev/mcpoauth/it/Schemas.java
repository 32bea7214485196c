package dev.mcpoauth.it;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schemas of the fixture: tool input schemas and the elicitation forms whose exact shape
 * the scenarios check (SEP-1034 defaults, SEP-1330 enum variants, SEP-1613 JSON Schema 2020-12).
 */
final class Schemas {

    /** A tool without arguments. */
    static final Map<String, Object> NO_ARGUMENTS = map("type", "object", "properties", map());

    /** The form of {@code test_elicitation}. */
    static final Map<String, Object> USERNAME_AND_EMAIL = map("type", "object",
            "properties", map(
                    "username", map("type", "string", "description", "User's response"),
                    "email", map("type", "string", "description", "User's email address")),
            "required", List.of("username", "email"));

    /** SEP-1034: a default for every primitive type. */
    static final Map<String, Object> SEP1034_DEFAULTS = map("type", "object",
            "properties", map(
                    "name", map("type", "string", "description", "User name", "default", "John Doe"),
                    "age", map("type", "integer", "description", "User age", "default", 30),
                    "score", map("type", "number", "description", "User score", "default", 95.5),
                    "status", map("type", "string", "description", "User status",
                            "enum", List.of("active", "inactive", "pending"), "default", "active"),
                    "verified", map("type", "boolean", "description", "Verification status", "default", true)),
            "required", List.of());

    /** SEP-1330: the five enum variants, single- and multi-select, titled and untitled, and the legacy one. */
    static final Map<String, Object> SEP1330_ENUMS = map("type", "object",
            "properties", map(
                    "untitledSingle", map("type", "string", "description", "Select one option",
                            "enum", List.of("option1", "option2", "option3")),
                    "titledSingle", map("type", "string", "description", "Select one option with titles",
                            "oneOf", titled("value1", "First Option", "value2", "Second Option", "value3", "Third Option")),
                    "legacyEnum", map("type", "string", "description", "Select one option (legacy)",
                            "enum", List.of("opt1", "opt2", "opt3"),
                            "enumNames", List.of("Option One", "Option Two", "Option Three")),
                    "untitledMulti", map("type", "array", "description", "Select multiple options",
                            "minItems", 1, "maxItems", 3,
                            "items", map("type", "string", "enum", List.of("option1", "option2", "option3"))),
                    "titledMulti", map("type", "array", "description", "Select multiple options with titles",
                            "minItems", 1, "maxItems", 3,
                            "items", map("anyOf", titled("value1", "First Choice", "value2", "Second Choice",
                                    "value3", "Third Choice")))),
            "required", List.of());

    /** SEP-1613/SEP-2106: a 2020-12 schema with {@code $schema}, {@code $defs}, composition and conditionals. */
    static final Map<String, Object> JSON_SCHEMA_2020_12 = map(
            "$schema", "https://json-schema.org/draft/2020-12/schema",
            "type", "object",
            "$defs", map("address", map("$anchor", "addressDef", "type", "object",
                    "properties", map("street", map("type", "string"), "city", map("type", "string")))),
            "properties", map(
                    "name", map("type", "string"),
                    "address", map("$ref", "#/$defs/address"),
                    "contactMethod", map("type", "string", "enum", List.of("phone", "email")),
                    "phone", map("type", "string"),
                    "email", map("type", "string")),
            "allOf", List.of(map("anyOf", List.of(map("required", List.of("phone")), map("required", List.of("email"))))),
            "if", map("properties", map("contactMethod", map("const", "phone")), "required", List.of("contactMethod")),
            "then", map("required", List.of("phone")),
            "else", map("required", List.of("email")),
            "additionalProperties", false);

    private Schemas() {
    }

    /** A tool taking one required string argument. */
    static Map<String, Object> oneString(String name, String description) {
        return map("type", "object", "properties", map(name, map("type", "string", "description", description)),
                "required", List.of(name));
    }

    /** An unmodifiable map in the order given: key, value, key, value... */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Map<String, Object>> titled(String... constsAndTitles) {
        List<Map<String, Object>> options = new java.util.ArrayList<>();
        for (int i = 0; i < constsAndTitles.length; i += 2) {
            options.add(map("const", constsAndTitles[i], "title", constsAndTitles[i + 1]));
        }
        return List.copyOf(options);
    }
}
