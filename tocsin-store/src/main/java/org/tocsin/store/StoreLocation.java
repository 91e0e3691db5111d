package org.tocsin.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a store lives, read from its JDBC URL, and the URLs that reach it. An embedded H2 file named by a plain path
 * ({@code jdbc:h2:file:/data/tocsin}, {@code jdbc:h2:~/tocsin}, {@code jdbc:h2:./tocsin}) is one Tocsin manages on
 * disk: created and migrated beside its final path and moved into place ({@link H2StoreFile}). Anything else (PostgreSQL,
 * an H2 server, an in-memory H2) is a database migrated in place.
 *
 * @param url the URL as the user gave it
 * @param h2File the H2 database's path without {@code .mv.db}, or null when the store is not a plain H2 file
 */
record StoreLocation(String url, Path h2File) {
    /** H2 keeps a database in this file beside its name. */
    static final String MV_SUFFIX = ".mv.db";
    private static final String H2 = "jdbc:h2:";

    static StoreLocation of(String url) {
        return new StoreLocation(url, h2Path(url));
    }

    /** The path of a plain H2 file URL, or null: not H2, a server, memory, or one of H2's own file systems (nio:, split:, …). */
    private static Path h2Path(String url) {
        if (!url.startsWith(H2)) {
            return null;
        }
        String rest = url.substring(H2.length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        if (name.isEmpty() || name.matches("(?i)[a-z][a-z0-9]+:.*")) { // mem:, tcp:, ssl:, nio:, split:, zip:, …
            return null;
        }
        if (name.equals("~") || name.startsWith("~/") || name.startsWith("~\\")) {
            return Path.of(System.getProperty("user.home") + name.substring(1)).toAbsolutePath().normalize();
        }
        Path p = Path.of(name);
        // H2 refuses an implicitly relative name ("jdbc:h2:tocsin"): leave it to H2 to say so
        return p.isAbsolute() || name.startsWith("./") || name.startsWith("../") || name.startsWith(".\\")
                ? p.toAbsolutePath().normalize() : null;
    }

    boolean isH2File() {
        return h2File != null;
    }

    /** The H2 database file. */
    Path mvFile() {
        return sibling(h2File.getFileName() + MV_SUFFIX);
    }

    /** A file beside the store's, named from the store's name. */
    Path sibling(String name) {
        return h2File.resolveSibling(name);
    }

    /**
     * The URL every connection to the store uses. An H2 file is shared between processes (AUTO_SERVER: the first
     * process to open it serves it to the others over a loopback port; {@link Store}'s class comment says more) and
     * flushes every commit (WRITE_DELAY=0: a killed process loses nothing it committed; CrashIngestTest kills a
     * writer); an H2 database in any other form gets the flush only. A setting the user gave in the URL is kept.
     */
    String connectionUrl() {
        if (!url.startsWith(H2) || url.startsWith(H2 + "mem:") || url.startsWith(H2 + "tcp:") || url.startsWith(H2 + "ssl:")) {
            return url;
        }
        String out = withSetting(url, "WRITE_DELAY", "0");
        out = withSetting(out, "MAX_COMPACT_TIME", Integer.toString(Store.MAX_COMPACT_MILLIS));
        if (isH2File() && !hasSetting(url, "FILE_LOCK")) { // AUTO_SERVER needs H2's file lock
            out = withSetting(out, "AUTO_SERVER", "TRUE");
        }
        return out;
    }

    /** The URL of another H2 file holding a copy of this store, for this process alone (setting up, migrating, repairing). */
    String privateUrl(Path file) {
        String options = url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';'));
        String out = H2 + "file:" + file + withoutSetting(withoutSetting(options, "AUTO_SERVER"), "AUTO_RECONNECT");
        return withSetting(out, "WRITE_DELAY", "0");
    }

    /** {@link #privateUrl} of the store's own file, opened without writing to it. */
    String readOnlyUrl() {
        return withSetting(privateUrl(h2File), "ACCESS_MODE_DATA", "r");
    }

    private static boolean hasSetting(String url, String key) {
        return url.toUpperCase(Locale.ROOT).contains(";" + key + "=");
    }

    private static String withSetting(String url, String key, String value) {
        return hasSetting(url, key) ? url : url + ";" + key + "=" + value;
    }

    private static String withoutSetting(String options, String key) {
        StringBuilder out = new StringBuilder();
        for (String part : options.split(";")) {
            if (!part.isEmpty() && !part.toUpperCase(Locale.ROOT).startsWith(key + "=")) {
                out.append(';').append(part);
            }
        }
        return out.toString();
    }
}
