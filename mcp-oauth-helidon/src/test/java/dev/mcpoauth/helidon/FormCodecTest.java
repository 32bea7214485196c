package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Form and query decoding, and the escaping of the error page. */
class FormCodecTest {

    @Test
    void parseWhenNamesRepeatThenKeepsEveryValueInOrderSoTheEngineCanRefuseThem() {
        assertThat(FormCodec.parse("a=1&b=x+y%21&a=2&flag&&=v"))
                .containsEntry("a", List.of("1", "2"))
                .containsEntry("b", List.of("x y!"))
                .containsEntry("flag", List.of(""))
                .containsEntry("", List.of("v"));
        assertThat(FormCodec.parse("")).isEmpty();
    }

    @Test
    void parseWhenAnEscapeIsMalformedThen400InvalidRequest() {
        assertThatThrownBy(() -> FormCodec.parse("client_id=%ZZ"))
                .isInstanceOfSatisfying(HttpProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.error()).isEqualTo("invalid_request");
                });
    }

    @Test
    void errorPageEscapingThenNeutralisesEveryHtmlMetacharacter() {
        // The error page escapes with Helidon's encoder; this pins what the page relies on.
        assertThat(io.helidon.http.HtmlEncoder.encode("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#x27;x&#x27;) &amp; &quot;y&quot;&lt;/script&gt;");
    }
}
