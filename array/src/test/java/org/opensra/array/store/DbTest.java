package org.opensra.array.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metadata transactions are all-or-nothing whatever ends them (issue 18: never a half-applied change). */
class DbTest {
    @TempDir
    Path tmp;

    private static long rows(Db db) {
        return db.tx(c -> Db.queryLong(c, "SELECT COUNT(*) FROM meta WHERE k LIKE 'test-%'", 0));
    }

    @Test
    @DisplayName("issue 18: a transaction ended by an Error is rolled back; the next transaction does not commit its half")
    void errorRollsBack() {
        try (Db db = new Db(tmp.resolve("meta.db"))) {
            assertThatThrownBy(() -> db.tx(c -> {
                Db.update(c, "INSERT INTO meta(k, v) VALUES('test-half', 'x')");
                throw new StackOverflowError("injected");
            })).isInstanceOf(StackOverflowError.class);
            db.tx(c -> Db.update(c, "INSERT INTO meta(k, v) VALUES('test-next', 'y')"));
            assertThat(rows(db)).isEqualTo(1);
        }
        try (Db reopened = new Db(tmp.resolve("meta.db"))) {
            String keys = reopened.tx(c -> Db.queryString(c, "SELECT group_concat(k) FROM meta WHERE k LIKE 'test-%'"));
            assertThat(keys).isEqualTo("test-next");
        }
    }

    @Test
    @DisplayName("issue 18: a transaction ended by a runtime exception is rolled back")
    void exceptionRollsBack() {
        try (Db db = new Db(tmp.resolve("meta.db"))) {
            assertThatThrownBy(() -> db.tx(c -> {
                Db.update(c, "INSERT INTO meta(k, v) VALUES('test-half', 'x')");
                throw new IllegalStateException("injected");
            })).isInstanceOf(IllegalStateException.class);
            db.tx(c -> Db.update(c, "INSERT INTO meta(k, v) VALUES('test-next', 'y')"));
            assertThat(rows(db)).isEqualTo(1);
        }
    }
}
