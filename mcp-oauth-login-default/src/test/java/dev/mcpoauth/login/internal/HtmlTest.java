package dev.mcpoauth.login.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapeReplacesEveryCharacterThatCanEndTextOrAnAttribute() {
        assertThat(Html.escape("&<>\"'`=")).isEqualTo("&amp;&lt;&gt;&quot;&#39;&#96;&#61;");
    }

    @Test
    void escapeKeepsOtherTextAsItIs() {
        String text = "Zoë {username} 日本 / \\ ; : ! ?";

        assertThat(Html.escape(text)).isSameAs(text);
    }

    @Test
    void escapeOfAnEscapedValueEscapesAgain() {
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }
}
