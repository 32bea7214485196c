package dev.mcpoauth.helidon.mcp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseFramingTest {

    private static String data(String json) {
        StringBuilder b = new StringBuilder();
        SseStream.appendData(b, json);
        return b.toString();
    }

    @Test
    void appendDataWhenCompactJsonThenOneLine() {
        assertThat(data("{\"a\":1}")).isEqualTo("data: {\"a\":1}\n");
    }

    @Test
    void appendDataWhenLineBreaksOfEveryKindThenOneDataLinePerLine() {
        assertThat(data("{\r\n\"a\":1,\r\"b\":2\n}")).isEqualTo("data: {\ndata: \"a\":1,\ndata: \"b\":2\ndata: }\n");
    }

    @Test
    void appendDataWhenBreaksAtTheEdgesOrEmptyThenEmptyDataLinesKeepThem() {
        assertThat(data("\nx\n")).isEqualTo("data: \ndata: x\ndata: \n");
        assertThat(data("\r\r\n")).isEqualTo("data: \ndata: \ndata: \n");
        assertThat(data("")).isEqualTo("data: \n");
    }
}
