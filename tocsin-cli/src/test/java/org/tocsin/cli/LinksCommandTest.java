package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.Observable;

/** {@code tocsin links}: what it asks for must be an observable (fault 14 of issue 13), typed by its shape in one place. */
class LinksCommandTest {

    @Test
    void anUnknownTypeIsAUsageError(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("links", "--db", "jdbc:h2:file:" + dir.resolve("store"), "--type", "bogus", "x.example");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bogus");
    }

    @Test
    void anEmptyOrMalformedValueIsAUsageError(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");

        CliRun empty = CliRun.of("links", "--db", url, "");
        CliRun notAnAddress = CliRun.of("links", "--db", url, "--type", "ipv4-addr", "washingtonpost.pm");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("empty value");
        assertThat(notAnAddress.exitCode()).isEqualTo(2);
        assertThat(notAnAddress.err()).contains("not an IP address");
    }

    /** The one place a bare value's type is read from its shape (links, intel add). */
    @Test
    void observableTypesAreReadFromTheirShape() {
        assertThat(Observable.typeOf("https://sites.google.com/x")).isEqualTo("url");
        assertThat(Observable.typeOf("j.smith@washingtonpost.pm")).isEqualTo("email-addr");
        assertThat(Observable.typeOf("198.51.100.7")).isEqualTo("ipv4-addr");
        assertThat(Observable.typeOf("2001:db8::1")).isEqualTo("ipv6-addr");
        assertThat(Observable.typeOf("a".repeat(64))).isEqualTo("file");
        assertThat(Observable.typeOf("washingtonpost.pm")).isEqualTo("domain-name");
    }
}
