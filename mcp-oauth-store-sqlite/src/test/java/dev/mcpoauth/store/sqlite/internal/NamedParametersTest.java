package dev.mcpoauth.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

/** The store's named-parameter syntax, turned into JDBC's. */
class NamedParametersTest {

    @Test
    void namedParametersThenQuestionMarksInOrderWithTheirNames() {
        ParsedSql parsed = NamedParameters.parse("UPDATE t SET v = :value WHERE k = :k_1 AND e <= :now OR e > :now");
        assertThat(parsed.getSql()).isEqualTo("UPDATE t SET v = ? WHERE k = ? AND e <= ? OR e > ?");
        assertThat(parsed.getParameters().getParameterNames()).containsExactly("value", "k_1", "now", "now");
        assertThat(parsed.getParameters().isPositional()).isFalse();
    }

    @Test
    void colonsInQuotesCommentsAndDoubleColonsThenText() {
        String sql = "SELECT ':a', 'it'':s :b', \"c:d\" -- :e\n, x::int /* :f */ FROM t WHERE k = :g";
        ParsedSql parsed = NamedParameters.parse(sql);
        assertThat(parsed.getSql()).isEqualTo(sql.replace(":g", "?"));
        assertThat(parsed.getParameters().getParameterNames()).containsExactly("g");
    }

    @Test
    void colonNotFollowedByANameThenText() {
        ParsedSql parsed = NamedParameters.parse("SELECT 1 WHERE a = :1 AND b = : c AND d = :");
        assertThat(parsed.getSql()).isEqualTo("SELECT 1 WHERE a = :1 AND b = : c AND d = :");
        assertThat(parsed.getParameters().getParameterCount()).isZero();
    }

    @Test
    void questionMarksThenPositional() {
        ParsedSql parsed = NamedParameters.parse("SELECT ? , '?' FROM t WHERE k = ?");
        assertThat(parsed.getSql()).isEqualTo("SELECT ? , '?' FROM t WHERE k = ?");
        assertThat(parsed.getParameters().isPositional()).isTrue();
        assertThat(parsed.getParameters().getParameterCount()).isEqualTo(2);
    }

    @Test
    void commentRunningToTheEndThenKeptAsText() {
        assertThat(NamedParameters.parse("SELECT :a -- :b").getSql()).isEqualTo("SELECT ? -- :b");
        assertThat(NamedParameters.parse("SELECT :a /* :b").getSql()).isEqualTo("SELECT ? /* :b");
    }

    @Test
    void unclosedQuoteThenRefused() {
        assertThatThrownBy(() -> NamedParameters.parse("SELECT 'open :a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
    }

    @Test
    void sameSqlTwiceThenTheCachedResult() {
        NamedParameters parser = new NamedParameters();
        ParsedSql first = parser.parse("SELECT :a", null);
        assertThat(parser.parse("SELECT :a", null)).isSameAs(first);
    }
}
