package org.tocsin.domain.feed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.jspecify.annotations.Nullable;

/**
 * The host names an X.509 certificate is for: every subjectAltName dNSName, and subject CNs that look
 * like host names (legacy certificates and some CAs still put the name only there). Wildcards lose their
 * {@code *.}, since the registrable part is what a lookalike watch compares.
 */
final class CertificateNames {

    private CertificateNames() {}

    /** @throws IllegalArgumentException when the DER is not a certificate, or names no host */
    static List<String> ofCertificate(byte[] der) {
        return of(parse(der, "X.509 certificate", o -> Certificate.getInstance(o).getTBSCertificate()));
    }

    /** @throws IllegalArgumentException when the DER is not a TBSCertificate, or names no host */
    static List<String> ofTbsCertificate(byte[] der) {
        return of(parse(der, "TBSCertificate", TBSCertificate::getInstance));
    }

    private static List<String> of(TBSCertificate tbs) {
        NameSet names = new NameSet();
        try {
            for (String cn : commonNames(tbs.getSubject())) {
                names.addCommonName(cn);
            }
            Extensions extensions = tbs.getExtensions();
            GeneralNames san = extensions == null ? null
                    : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (san != null) {
                for (GeneralName n : san.getNames()) {
                    if (n.getTagNo() == GeneralName.dNSName && n.getName() instanceof ASN1String s) {
                        names.add(s.getString());
                    }
                }
            }
        } catch (RuntimeException e) {
            // Bouncy Castle parses extension values lazily and reports bad ones with assorted runtime exceptions
            throw new IllegalArgumentException("subject or subjectAltName does not parse (" + e.getMessage() + ")", e);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("certificate names no host (no DNS subjectAltName, no host-name CN)");
        }
        return names.list();
    }

    private static List<String> commonNames(X500Name subject) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            for (AttributeTypeAndValue tv : rdn.getTypesAndValues()) {
                if (tv.getType().equals(BCStyle.CN) && tv.getValue() instanceof ASN1String s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    private interface Structure {
        TBSCertificate from(ASN1Primitive der);
    }

    private static TBSCertificate parse(byte[] der, String what, Structure structure) {
        try {
            return structure.from(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle signals malformed ASN.1 with IOException and several runtime exceptions alike
            throw new IllegalArgumentException(what + " does not parse (" + e.getMessage() + ")", e);
        }
    }

    /** A name as a feed writes it, trimmed and without a wildcard label; null when nothing is left. */
    static @Nullable String hostName(String raw) {
        String s = raw.strip();
        if (s.startsWith("*.")) {
            s = s.substring(2);
        }
        return s.isEmpty() ? null : s;
    }

    /** A CN is often an organisation or a person; only one shaped like a host name is one. */
    static boolean looksLikeHostName(String s) {
        return s.indexOf('.') >= 0 && s.chars().noneMatch(Character::isWhitespace);
    }

    /** The distinct names of one item, in first-seen order; names that differ only in case are one (DNS ignores case). */
    static final class NameSet {
        private final Map<String, String> names = new LinkedHashMap<>();

        void add(String raw) {
            String name = hostName(raw);
            if (name != null) {
                names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }

        void addCommonName(String raw) {
            String name = hostName(raw);
            if (name != null && looksLikeHostName(name)) {
                add(name);
            }
        }

        boolean isEmpty() {
            return names.isEmpty();
        }

        List<String> list() {
            return List.copyOf(names.values());
        }
    }
}
