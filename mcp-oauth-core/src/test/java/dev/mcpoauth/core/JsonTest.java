package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void writesNestedValuesInOrder() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("s", "a \"quoted\" \\ value");
        object.put("n", 42L);
        object.put("b", true);
        object.put("l", List.of("x", "y"));
        object.put("set", Set.of("z"));
        object.put("m", Map.of("k", 1));

        assertThat(Json.write(object))
                .isEqualTo("{\"s\":\"a \\\"quoted\\\" \\\\ value\",\"n\":42,\"b\":true,\"l\":[\"x\",\"y\"],"
                        + "\"set\":[\"z\"],\"m\":{\"k\":1}}");
    }

    @Test
    void writeRefusesNullAnywhere() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("scope", null);

        assertThatThrownBy(() -> Json.write(Map.of("outer", nested)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.outer.scope");
    }

    @Test
    void writeRefusesTypesItCannotRender() {
        assertThatThrownBy(() -> Json.write(Map.of("uri", java.net.URI.create("http://x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.net.URI");
    }

    @Test
    void parsesAnObject() {
        Map<String, Object> parsed = Json.parseObject("{\"redirect_uris\":[\"https://a\"],\"n\":1,\"x\":null}");

        assertThat(parsed).containsEntry("redirect_uris", List.of("https://a")).containsEntry("n", 1L)
                .containsEntry("x", null);
    }

    @Test
    void parseRefusesArraysGarbageAndRepeatedMembers() {
        for (String text : List.of("[1]", "{\"a\":", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "", "null")) {
            assertThatThrownBy(() -> Json.parseObject(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
