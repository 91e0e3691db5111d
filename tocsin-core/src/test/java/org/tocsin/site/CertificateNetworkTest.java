package org.tocsin.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.feed.CtFixtures;
import org.tocsin.profile.Profile;
import org.tocsin.signal.Scorer;
import org.tocsin.site.assess.SiteAssessor;
import org.tocsin.site.assess.SiteRecords;
import org.tocsin.site.read.SitePage;
import org.tocsin.site.rules.Certificates;

/** The strong certificate tier: sites one certificate covers are one operator's, unless it is a host's shared certificate. */
class CertificateNetworkTest {
    private static final CtFixtures CA = CtFixtures.create();

    private static String pem(X509CertificateHolder... certs) throws IOException {
        StringWriter w = new StringWriter();
        for (X509CertificateHolder c : certs) {
            w.write("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        }
        return w.toString();
    }

    /** Two small sites with nothing in common but their certificate. */
    private static List<SitePage> twoSites() {
        List<SitePage> pages = new ArrayList<>();
        pages.add(ExampleSites.page("https://prairie-pulse.example/", "<html><head><title>Prairie Pulse</title></head><body>"
                + "<h1>Prairie Pulse</h1></body></html>", Map.of("server", "nginx")));
        pages.add(ExampleSites.page("https://lakeshore-ledger.example/", "<html><head><title>Lakeshore Ledger</title></head><body>"
                + "<h1>Lakeshore Ledger</h1></body></html>", Map.of("server", "Apache")));
        return pages;
    }

    private static SiteAssessor.Report assess(List<SitePage> pages, List<Certificates.Certificate> certs) {
        Profile none = new Profile(List.of(), List.of(), List.of(), List.of(), List.of());
        return new SiteAssessor(none, LookalikeIndex.of(List.of()), new Scorer(SiteAssessor.DEFAULT_THRESHOLDS), CopyCheck.NONE,
                new SiteRecords(Map.of(), certs)).assess(pages);
    }

    @Test
    void oneCertificateForTwoSitesMakesAStrongNetwork(@TempDir Path dir) throws IOException {
        X509CertificateHolder shared = CA.certificate("prairie-pulse.example", "prairie-pulse.example", "www.prairie-pulse.example",
                "*.lakeshore-ledger.example", "lakeshore-ledger.example");
        Files.writeString(dir.resolve("chain.pem"), pem(shared, CA.ca()));
        Certificates.Read read = Certificates.read(dir);
        assertThat(read.problems()).isEmpty();

        SiteAssessor.Report report = assess(twoSites(), read.certificates());
        assertThat(report.networks()).singleElement().satisfies(n -> {
            assertThat(n.sites()).containsExactly("lakeshore-ledger.example", "prairie-pulse.example");
            assertThat(n.shared()).filteredOn(s -> s.kind().equals("certificate")).singleElement().satisfies(s -> {
                assertThat(s.tier()).isEqualTo(SiteId.Tier.STRONG);
                assertThat(s.value()).isEqualTo("Tocsin Test CA E1 serial " + shared.getSerialNumber().toString(16));
            });
        });
        assertThat(report.sites()).allSatisfy(a -> assertThat(a.assessment().signals()).filteredOn(s -> s.id().equals(
                "SITE_SHARED_INFRASTRUCTURE")).singleElement().satisfies(s -> assertThat(s.evidence()).startsWith(
                "certificate Tocsin Test CA E1 serial ")));
    }

    @Test
    void aHostsSharedCertificateNamingManyCustomersIsNoLink() {
        List<String> names = new ArrayList<>(List.of("prairie-pulse.example", "lakeshore-ledger.example"));
        for (int i = 0; i < Certificates.MULTI_TENANT_DOMAINS; i++) {
            names.add("customer" + i + ".example");
        }
        Certificates.Certificate cdn = new Certificates.Certificate("1f", "Cloudflare Inc ECC CA-3",
                new java.util.TreeSet<>(names), "sni.pem");
        assertThat(cdn.multiTenant()).isTrue();
        assertThat(assess(twoSites(), List.of(cdn)).networks()).isEmpty();
    }

    @Test
    void crtShRowsForAPrecertificateAndItsCertificateAreOneCertificateAndMatchThePem(@TempDir Path dir) throws IOException {
        X509CertificateHolder cert = CA.certificate("lakeshore-ledger.example", "lakeshore-ledger.example");
        String serial = cert.getSerialNumber().toString(16);
        // crt.sh spells the issuer its own way, pads the serial, and lists precertificate and certificate separately
        Files.writeString(dir.resolve("crtsh.json"), """
                [{"issuer_ca_id": 1, "issuer_name": "C=US, O=Tocsin Test PKI, CN=Tocsin Test CA E1", "common_name": "prairie-pulse.example",
                  "name_value": "prairie-pulse.example\\nwww.prairie-pulse.example", "id": 101, "serial_number": "00%s"},
                 {"issuer_ca_id": 1, "issuer_name": "C=US, O=Tocsin Test PKI, CN=Tocsin Test CA E1", "common_name": "lakeshore-ledger.example",
                  "name_value": "lakeshore-ledger.example", "id": 102, "serial_number": "00%s"},
                 {"id": 103, "name_value": "no-serial.example"}]""".formatted(serial, serial));
        Files.writeString(dir.resolve("leaf.pem"), pem(cert));
        Files.writeString(dir.resolve("truncated.pem"), pem(cert).substring(0, 200));
        Files.write(dir.resolve("random.der"), new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 1, 2, 3});

        Certificates.Read read = Certificates.read(dir);
        assertThat(read.certificates()).singleElement().satisfies(c -> {
            assertThat(c.serial()).isEqualTo(serial);
            assertThat(c.names()).containsExactlyInAnyOrder("prairie-pulse.example", "www.prairie-pulse.example", "lakeshore-ledger.example");
            assertThat(c.source()).endsWith("crtsh.json (crt.sh 101)");
        });
        assertThat(read.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("crtsh.json row 3"))
                .anySatisfy(p -> assertThat(p).contains("truncated.pem")).anySatisfy(p -> assertThat(p).contains("random.der"));
        assertThat(assess(twoSites(), read.certificates()).networks()).singleElement()
                .satisfies(n -> assertThat(n.sites()).hasSize(2));
    }
}
