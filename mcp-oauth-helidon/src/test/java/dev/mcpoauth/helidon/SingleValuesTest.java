package dev.mcpoauth.helidon;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleValuesTest {

    @Test
    void ofKeepsTheOneValueOfEachParameterAndLeavesOutEmptyOnes() {
        assertThat(SingleValues.of(Map.of("a", List.of("1"), "b", List.of()))).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void ofWhenAParameterRepeatsThenInvalidRequest() {
        assertThatThrownBy(() -> SingleValues.of(Map.of("code", List.of("1", "2"))))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_REQUEST));
    }
}
