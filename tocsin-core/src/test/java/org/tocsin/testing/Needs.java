package org.tocsin.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * What a test needs from outside the repository: the shared corpora ({@code ../shared/data}, beside the clone)
 * or the machine's PostgreSQL. On a user's clone without them the test is skipped and says why; under CI
 * ({@code CI=true}, which {@code .ci/run} exports) the same absence fails the test, because CI always has both and
 * a test that quietly skips there has stopped testing anything. Every test that needs either goes through here,
 * so the rule lives in one place.
 */
public final class Needs {
    /** The machine's PostgreSQL, as the tests use it (trust authentication, user postgres). */
    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private static final Needs RUN = new Needs(System.getenv());

    private final boolean underCi;

    /** The rule for the environment {@code env} (tests of this class pass their own). */
    Needs(Map<String, String> env) {
        this.underCi = "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
    }

    /** True when this run is CI's ({@code CI=true}), where nothing a test needs may be missing. */
    public static boolean underCi() {
        return RUN.underCi;
    }

    /**
     * The shared data directory: {@code -Dtocsin.shared} (the build sets it to {@code ../shared/data} beside the
     * repository), else {@code ../../shared/data} from the module directory a test runs in.
     */
    public static Path sharedRoot() {
        return Path.of(System.getProperty("tocsin.shared", "../../shared/data"));
    }

    /** {@code relative} under the shared data, which the calling test needs: skips (or fails under CI) when absent. */
    public static Path sharedData(String relative) {
        return RUN.shared(sharedRoot(), relative);
    }

    /** True when {@code relative} is in the shared data, for a test that only grows its input with it; fails under CI when absent. */
    public static boolean sharedDataPresent(String relative) {
        Path p = sharedRoot().resolve(relative);
        if (Files.exists(p)) {
            return true;
        }
        if (RUN.underCi) {
            fail(RUN.reason(absent(p)));
        }
        return false;
    }

    /**
     * The machine's PostgreSQL database {@code database}, which the calling test needs: connects once to see it
     * answer, and skips (or fails under CI) saying why when it does not.
     */
    public static String postgres(String database) {
        String url = POSTGRES + database;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            return url;
        } catch (SQLException e) {
            return RUN.missing("PostgreSQL not reachable at " + url + " (.ci/run starts it): " + e.getMessage());
        }
    }

    /** Anything else outside the repository a test needs: {@code present}, or the test is skipped (failed under CI) with {@code why}. */
    public static void that(boolean present, String why) {
        if (!present) {
            RUN.missing(why);
        }
    }

    Path shared(Path root, String relative) {
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            missing(absent(p));
        }
        return p;
    }

    /** Never returns: aborts the test (a skip) on a user's clone, fails it under CI. */
    @SuppressWarnings("TypeParameterUnusedInFormals") // it never returns: T only lets a caller write 'return missing(…)'
    <T> T missing(String why) {
        if (underCi) {
            return fail(reason(why));
        }
        return abort(why);
    }

    private String reason(String why) {
        return why + " (CI=true: CI always has it, so a missing one fails instead of skipping)";
    }

    private static String absent(Path p) {
        return "shared data absent: " + p.toAbsolutePath().normalize()
                + " (the corpora beside the clone at ../shared/data, or -Dtocsin.shared; see its README)";
    }
}
