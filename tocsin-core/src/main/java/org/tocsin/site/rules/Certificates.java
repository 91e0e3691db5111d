package org.tocsin.site.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;

/**
 * TLS certificates the analyst brings (no lookups are made): PEM files (one or many certificates each), DER files,
 * and crt.sh's JSON output ({@code ?q=example.com&output=json}). Web archives seldom keep the certificate their
 * crawler saw, but Certificate Transparency holds every one; a certificate whose names cover two sites was asked
 * for by whoever controls both.
 *
 * <p>A certificate is identified by its issuer and serial number, which crt.sh gives too, so a precertificate
 * and its final certificate, or the same certificate from PEM and from crt.sh, are one.
 */
public final class Certificates {
    /** A file larger than this is not a certificate or a crt.sh answer worth reading whole. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /**
     * A certificate naming more registrable domains than this is a host's or CDN's shared certificate (the old
     * {@code sniNNNN.cloudflaressl.com} ones named dozens of unrelated customers): sharing one is no link.
     */
    public static final int MULTI_TENANT_DOMAINS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DNS_NAME = 2;

    /**
     * One certificate.
     *
     * @param serial  the serial number, lower-case hex without leading zeros
     * @param issuer  the issuer's common name (or the whole issuer when it has none)
     * @param names   the DNS names it covers (subject alternative names and the subject's CN), lower case
     * @param source  the file (and crt.sh id) it was read from
     */
    public record Certificate(String serial, String issuer, Set<String> names, String source) {
        public Certificate {
            names = Set.copyOf(names);
        }

        /** How the certificate is named in evidence: issuer and serial, which identify it. */
        public String id() {
            return issuer + " serial " + serial;
        }

        /** The registrable domains its names fall under, sorted. */
        public Set<String> domains() {
            Set<String> out = new TreeSet<>();
            for (String n : names) {
                String ascii = DomainNames.toAscii(n.startsWith("*.") ? n.substring(2) : n);
                if (ascii != null && !DomainNames.isIpv4(ascii)) {
                    out.add(DomainNames.registrable(ascii));
                }
            }
            return out;
        }

        /** Whether it names so many unrelated domains that it is a shared hosting certificate. */
        public boolean multiTenant() {
            return domains().size() > MULTI_TENANT_DOMAINS;
        }
    }

    /** What was read, and a problem per file or entry that could not be. */
    public record Read(List<Certificate> certificates, List<String> problems) {
    }

    private Certificates() {
    }

    /** @param path a file or a directory of files (read recursively) */
    public static Read read(Path path) throws IOException {
        Map<String, Certificate> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : RecordFiles.under(path, MAX_FILE_BYTES, problems)) {
            byte[] bytes = Files.readAllBytes(f);
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).stripLeading();
            if (head.startsWith("[") || head.startsWith("{")) {
                crtSh(new String(bytes, StandardCharsets.UTF_8), f.toString(), out, problems);
            } else {
                x509(bytes, f.toString(), out, problems);
            }
        }
        return new Read(List.copyOf(out.values()), problems);
    }

    private static void x509(byte[] bytes, String source, Map<String, Certificate> out, List<String> problems) {
        Collection<? extends java.security.cert.Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            // the JDK's parser throws runtime exceptions on some malformed DER; either way this file is not a certificate
            problems.add(source + ": not a PEM or DER certificate: " + message(e));
            return;
        }
        if (certs.isEmpty()) {
            problems.add(source + ": no certificate in it");
        }
        for (java.security.cert.Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                Set<String> names = new TreeSet<>();
                try {
                    Collection<List<?>> sans = x.getSubjectAlternativeNames();
                    if (sans != null) {
                        for (List<?> san : sans) {
                            if (san.size() == 2 && Integer.valueOf(DNS_NAME).equals(san.get(0)) && san.get(1) instanceof String s) {
                                addName(names, s);
                            }
                        }
                    }
                } catch (CertificateParsingException e) {
                    problems.add(source + ": unreadable subject alternative names: " + message(e));
                }
                addName(names, attribute(x.getSubjectX500Principal().getName(), "CN"));
                put(out, new Certificate(x.getSerialNumber().toString(16), issuerName(x.getIssuerX500Principal().getName()), names,
                        source));
            }
        }
    }

    /** crt.sh rows: {@code issuer_name}, {@code serial_number}, {@code common_name}, {@code name_value} (names, one per line). */
    private static void crtSh(String json, String source, Map<String, Certificate> out, List<String> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add(source + ": not JSON: " + message(e));
            return;
        }
        List<JsonNode> rows = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(rows::add);
        } else {
            rows.add(root);
        }
        int n = 0;
        for (JsonNode row : rows) {
            n++;
            String serial = row.path("serial_number").asText("").toLowerCase(Locale.ROOT).replace(":", "").replaceFirst("^0+(?=.)", "");
            if (serial.isEmpty() || !serial.matches("[0-9a-f]+")) {
                problems.add(source + " row " + n + ": not a crt.sh certificate (no serial_number)");
                continue;
            }
            Set<String> names = new TreeSet<>();
            row.path("name_value").asText("").lines().forEach(s -> addName(names, s));
            addName(names, row.path("common_name").asText(null));
            String id = row.path("id").asText("");
            put(out, new Certificate(new BigInteger(serial, 16).toString(16), issuerName(row.path("issuer_name").asText("")), names,
                    source + (id.isEmpty() ? "" : " (crt.sh " + id + ")")));
        }
    }

    /** The same certificate read twice (a precertificate and its certificate, or two sources) is one, with all its names. */
    private static void put(Map<String, Certificate> out, Certificate c) {
        out.merge(c.id(), c, (a, b) -> {
            Set<String> names = new TreeSet<>(a.names());
            names.addAll(b.names());
            return new Certificate(a.serial(), a.issuer(), names, a.source());
        });
    }

    private static void addName(Set<String> names, @Nullable String s) {
        if (s == null) {
            return;
        }
        String n = s.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        // a CN may be a company or a person rather than a host; only names shaped like hosts count
        if (n.indexOf('.') > 0 && n.matches("(\\*\\.)?[\\p{L}\\p{N}_.-]+") && n.length() <= 253) {
            names.add(n);
        }
    }

    /** The issuer's CN, or its O, or the whole name; crt.sh and the JDK spell the same issuer differently otherwise. */
    static String issuerName(String dn) {
        String cn = attribute(dn, "CN");
        if (cn != null) {
            return cn;
        }
        String o = attribute(dn, "O");
        return o != null ? o : dn.strip();
    }

    private static @Nullable String attribute(String dn, String type) {
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return String.valueOf(rdn.getValue()).strip();
                }
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }
}
