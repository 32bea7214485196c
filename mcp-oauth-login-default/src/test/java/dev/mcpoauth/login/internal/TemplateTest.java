package dev.mcpoauth.login.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Set<String> MACROS = Set.of("username", "app_name", "state");

    @Test
    void renderIsSinglePassSoAValueHoldingAMacroStaysText() {
        Template template = Template.parse("{username}|{app_name}", MACROS);

        String page = template.render(Map.of("username", "{app_name}{state}", "app_name", "App", "state", "S"));

        assertThat(page).isEqualTo("{app_name}{state}|App");
    }

    @Test
    void renderEscapesEveryValueAndLeavesOtherBracesAlone() {
        Template template = Template.parse("p { color: red } {nope} {username}{username} {state", MACROS);

        assertThat(template.render(Map.of("username", "<b>")))
                .isEqualTo("p { color: red } {nope} &lt;b&gt;&lt;b&gt; {state");
    }

    @Test
    void renderShowsAMissingValueAsEmpty() {
        assertThat(Template.parse("[{state}]", MACROS).render(Map.of())).isEqualTo("[]");
    }

    @Test
    void afterEachFormTagInsertsAfterTheWholeOpeningTag() {
        String html = "<FORM action=\"a>b\" data-x='c>d'>1</FORM><formation></formation><form>2</form><form\nmethod=post>3</form>";

        assertThat(Template.afterEachFormTag(html, "[X]")).isEqualTo(
                "<FORM action=\"a>b\" data-x='c>d'>[X]1</FORM><formation></formation><form>[X]2</form><form\nmethod=post>[X]3</form>");
    }

    @Test
    void afterEachFormTagLeavesAnUnterminatedTagAlone() {
        assertThat(Template.afterEachFormTag("<form action=\"x", "[X]")).isEqualTo("<form action=\"x");
    }

    @Test
    void hasFormFindsOnlyRealFormTags() {
        assertThat(Template.hasForm("<div><Form method=post></Form></div>")).isTrue();
        assertThat(Template.hasForm("<formation></formation> a form")).isFalse();
    }

    @Test
    void styleHashesNormaliseLineBreaksAsBrowsersDo() {
        Template crlf = Template.parse("<style>\r\na{}\r\n</style>", MACROS);
        Template lf = Template.parse("<STYLE media=\"all\">\na{}\n</STYLE>", MACROS);

        assertThat(crlf.styleHashes()).hasSize(1).isEqualTo(lf.styleHashes());
    }
}
