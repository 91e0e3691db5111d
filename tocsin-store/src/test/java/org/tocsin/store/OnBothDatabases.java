package org.tocsin.store;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/** For tests that run on both databases: {@code @MethodSource("databases")} gives each a fresh one. */
public abstract class OnBothDatabases {
    private static final String PG_SCHEMA = TestDb.newSchemaName();
    @TempDir
    static Path dir;

    public static Stream<TestDb> databases() {
        return TestDb.both(dir, PG_SCHEMA);
    }

    @AfterAll
    public static void dropSchema() {
        TestDb.dropSchema(PG_SCHEMA);
    }
}
