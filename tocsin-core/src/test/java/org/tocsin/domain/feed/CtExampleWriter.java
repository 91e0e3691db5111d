package org.tocsin.domain.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Writes the example domain feeds in {@code examples/feeds/}: a CT {@code get-entries} response and a
 * certstream capture, each with benign names, lookalikes of news outlets and NATO like those the
 * Doppelganger operation registered in 2023–2024, and one malformed item. The certificates are issued
 * by the fictional test CA of {@link CtFixtures}, deterministically, so running this again rewrites the
 * same bytes ({@code CtFeedTest} checks that). Run from the repository root:
 * {@code java -cp <test classpath> org.tocsin.domain.feed.CtExampleWriter [output-dir]}.
 */
public final class CtExampleWriter {
    static final String GET_ENTRIES_FILE = "ct-get-entries-2024-09.json";
    static final String CERTSTREAM_FILE = "certstream-2024-09.jsonl";
    private static final String LOG_URL = "https://ct.googleapis.com/logs/us1/argon2024/";
    private static final long FIRST_INDEX = 1_482_611_904L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CtExampleWriter() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/feeds");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(GET_ENTRIES_FILE), getEntries(CtFixtures.create()));
        Files.writeString(dir.resolve(CERTSTREAM_FILE), certstream(CtFixtures.create()));
    }

    /** Twelve entries, x509 and precert mixed; #7 is a precert leaf cut short inside its TBSCertificate. */
    static String getEntries(CtFixtures ct) {
        List<String> entries = new ArrayList<>();
        entries.add(ct.x509Entry("www.examplecampaign.org", "www.examplecampaign.org", "examplecampaign.org"));
        entries.add(ct.precertEntry("mail.riverdalegazette.com", "mail.riverdalegazette.com"));
        entries.add(ct.precertEntry("washingtonpost.pm", "washingtonpost.pm", "www.washingtonpost.pm"));
        entries.add(ct.x509Entry("washingtonpost.pm", "washingtonpost.pm", "www.washingtonpost.pm"));
        entries.add(ct.precertEntry("*.spiegel.ltd", "*.spiegel.ltd", "spiegel.ltd"));
        entries.add(ct.x509Entry("bild.eu.com", "bild.eu.com", "www.bild.eu.com"));
        entries.add(ct.precertEntry("fox-news.in", "fox-news.in"));
        X509CertificateHolder cut = ct.precertificate("t-onlinr.life", "t-onlinr.life", "www.t-onlinr.life");
        byte[] leaf = ct.precertLeaf(cut, CtFixtures.timestampOf(cut));
        entries.add(CtFixtures.entry(Arrays.copyOf(leaf, leaf.length - 120), ct.precertExtraData(cut)));
        entries.add(ct.x509Entry("t-onlinr.life", "t-onlinr.life", "www.t-onlinr.life"));
        entries.add(ct.precertEntry("nato.ws", "nato.ws", "www.nato.ws"));
        entries.add(ct.x509Entry("Example County Elections", "vote.examplecountyvotes.gov"));
        entries.add(ct.x509Entry(null, "news.riverdalegazette.com"));
        return CtFixtures.getEntries(entries.toArray(String[]::new));
    }

    /** Ten certstream messages: heartbeats, certificate updates, one dns_entries, one line cut short. */
    static String certstream(CtFixtures ct) {
        List<String> lines = new ArrayList<>();
        lines.add(heartbeat("1725264000.118"));
        lines.add(update(ct, 0, false, "www.examplecampaign.org", "www.examplecampaign.org", "examplecampaign.org"));
        lines.add(update(ct, 1, true, "washingtonpost.pm", "washingtonpost.pm", "www.washingtonpost.pm"));
        lines.add("{\"message_type\":\"dns_entries\",\"data\":[\"spiegel.ltd\",\"bild.eu.com\"]}");
        lines.add(update(ct, 2, true, "*.fox-news.in", "*.fox-news.in", "fox-news.in"));
        lines.add(update(ct, 3, false, "mail.riverdalegazette.com", "mail.riverdalegazette.com"));
        lines.add(heartbeat("1725264010.120"));
        String cutShort = update(ct, 4, true, "t-onlinr.life", "t-onlinr.life", "www.t-onlinr.life");
        lines.add(update(ct, 5, false, "t-onlinr.life", "t-onlinr.life", "www.t-onlinr.life"));
        lines.add(cutShort.substring(0, cutShort.length() / 2)); // a dropped connection mid-message
        lines.add(updateWithout(ct, 6, "nato.ws", "www.nato.ws"));
        return String.join("\n", lines) + "\n";
    }

    private static String heartbeat(String timestamp) {
        return "{\"message_type\":\"heartbeat\",\"timestamp\":" + timestamp + "}";
    }

    /** A certificate_update whose all_domains repeats the SANs, as certstream sends it. */
    private static String update(CtFixtures ct, int n, boolean precert, String cn, String... sans) {
        X509CertificateHolder cert = precert ? ct.precertificate(cn, sans) : ct.certificate(cn, sans);
        return message(cert, n, precert, cn, List.of(sans));
    }

    /** A certificate_update whose CN is missing from all_domains: the reader adds it. */
    private static String updateWithout(CtFixtures ct, int n, String cn, String san) {
        return message(ct.certificate(cn, san), n, false, cn, List.of(san));
    }

    private static String message(X509CertificateHolder cert, int n, boolean precert, String cn, List<String> sans) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        long index = FIRST_INDEX + n * 7919L;
        data.put("cert_index", index);
        data.put("cert_link", LOG_URL + "ct/v1/get-entries?start=" + index + "&end=" + index);
        ObjectNode leaf = data.putObject("leaf_cert");
        ArrayNode all = leaf.putArray("all_domains");
        sans.forEach(all::add);
        ObjectNode extensions = leaf.putObject("extensions");
        extensions.put("basicConstraints", "CA:FALSE");
        if (precert) {
            extensions.put("ctlPoisonByte", true);
        }
        extensions.put("keyUsage", "Digital Signature");
        extensions.put("subjectAltName", "DNS:" + String.join(", DNS:", sans));
        leaf.put("fingerprint", fingerprint(cert));
        ObjectNode issuer = leaf.putObject("issuer");
        issuer.put("C", "US");
        issuer.put("CN", "Tocsin Test CA E1");
        issuer.put("O", "Tocsin Test PKI");
        issuer.put("aggregated", "/C=US/CN=Tocsin Test CA E1/O=Tocsin Test PKI");
        leaf.put("not_after", cert.getNotAfter().toInstant().getEpochSecond());
        leaf.put("not_before", cert.getNotBefore().toInstant().getEpochSecond());
        leaf.put("serial_number", cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
        leaf.put("signature_algorithm", "sha256, ecdsa");
        ObjectNode subject = leaf.putObject("subject");
        subject.put("CN", cn);
        subject.put("aggregated", "/CN=" + cn);
        data.put("seen", BigDecimal.valueOf(cert.getNotBefore().toInstant().toEpochMilli() + 12_345, 3)); // seconds, as certstream sends them
        ObjectNode source = data.putObject("source");
        source.put("name", "Google 'Argon2024' log");
        source.put("url", LOG_URL);
        data.put("update_type", precert ? "PrecertLogEntry" : "X509LogEntry");
        root.put("message_type", "certificate_update");
        return root.toString();
    }

    private static String fingerprint(X509CertificateHolder cert) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(CtFixtures.der(cert));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
