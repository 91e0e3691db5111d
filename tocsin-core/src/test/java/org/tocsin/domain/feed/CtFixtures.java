package org.tocsin.domain.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;

/**
 * Real CT log material for tests: a CA that issues EC P-256 certificates and precertificates (with the
 * RFC 6962 poison extension) signed with deterministic ECDSA, encoded into {@code MerkleTreeLeaf} and
 * {@code extra_data} exactly as RFC 6962 section 3 lays them out. The same seed gives the same bytes, so
 * the example feed can be regenerated without a noisy diff.
 */
public final class CtFixtures {
    static final ASN1ObjectIdentifier CT_POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");
    static final Instant SEPTEMBER_2024 = Instant.parse("2024-09-02T08:00:00Z");
    private static final Provider BC = new BouncyCastleProvider();

    private final KeyPair caKeys;
    private final KeyPair leafKeys;
    private final X509CertificateHolder ca;
    private long serial = 0x1000;

    private CtFixtures(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed); // seeded before first use: a fixed stream, so fixed keys
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", BC);
            kpg.initialize(new ECGenParameterSpec("secp256r1"), random);
            caKeys = kpg.generateKeyPair();
            leafKeys = kpg.generateKeyPair();
            X500Name caName = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "US").addRDN(BCStyle.O, "Tocsin Test PKI").addRDN(BCStyle.CN, "Tocsin Test CA E1").build();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                    Date.from(SEPTEMBER_2024.minus(Duration.ofDays(365))), Date.from(SEPTEMBER_2024.plus(Duration.ofDays(3650))),
                    caName, caKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ca = sign(b);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CtFixtures create() {
        return new CtFixtures(6962);
    }

    /** A final certificate issued by the test CA; {@code cn} may be null (no subject CN). */
    public X509CertificateHolder certificate(String cn, String... dnsNames) {
        return issue(cn, false, dnsNames);
    }

    /** A precertificate: as {@link #certificate} plus the critical CT poison extension. */
    X509CertificateHolder precertificate(String cn, String... dnsNames) {
        return issue(cn, true, dnsNames);
    }

    private X509CertificateHolder issue(String cn, boolean precert, String... dnsNames) {
        try {
            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
            if (cn != null) {
                subject.addRDN(BCStyle.CN, cn);
            } else {
                subject.addRDN(BCStyle.O, "No Common Name Ltd");
            }
            Instant notBefore = SEPTEMBER_2024.plus(Duration.ofMinutes(serial - 0x1000));
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.getSubject(), BigInteger.valueOf(serial++),
                    Date.from(notBefore), Date.from(notBefore.plus(Duration.ofDays(90))), subject.build(), leafKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (dnsNames.length > 0) {
                GeneralName[] names = new GeneralName[dnsNames.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            if (precert) {
                b.addExtension(CT_POISON, true, DERNull.INSTANCE);
            }
            return sign(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509CertificateHolder sign(JcaX509v3CertificateBuilder b) {
        return b.build(new DeterministicSigner(caKeys.getPrivate()));
    }

    /**
     * ecdsa-with-SHA256 with RFC 6979 deterministic nonces (Bouncy Castle's SHA256withECDDSA), so fixtures
     * do not change from run to run; JcaContentSignerBuilder does not know that algorithm name.
     */
    private static final class DeterministicSigner implements ContentSigner {
        private final PrivateKey key;
        private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

        DeterministicSigner(PrivateKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        }

        @Override
        public OutputStream getOutputStream() {
            return tbs;
        }

        @Override
        public byte[] getSignature() {
            try {
                Signature signature = Signature.getInstance("SHA256withECDDSA", BC);
                signature.initSign(key);
                signature.update(tbs.toByteArray());
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public X509CertificateHolder ca() {
        return ca;
    }

    // --- RFC 6962 encodings -------------------------------------------------------------------------

    /** MerkleTreeLeaf of an x509_entry: the whole certificate. */
    byte[] x509Leaf(X509CertificateHolder cert, long timestamp) {
        return merkleTreeLeaf(0, 0, timestamp, 0, opaque24(der(cert)));
    }

    /**
     * MerkleTreeLeaf of a precert_entry: the issuer's key hash and the precertificate's TBSCertificate
     * with the poison extension removed, as the log reconstructs it (RFC 6962 section 3.2).
     */
    byte[] precertLeaf(X509CertificateHolder precert, long timestamp) {
        byte[] signed = concat(issuerKeyHash(), opaque24(tbsWithoutPoison(precert)));
        return merkleTreeLeaf(0, 0, timestamp, 1, signed);
    }

    /** extra_data of an x509_entry: certificate_chain&lt;0..2^24-1&gt; of ASN.1Cert, here the CA. */
    byte[] x509ExtraData() {
        return opaque24(opaque24(der(ca)));
    }

    /** extra_data of a precert_entry: PrecertChainEntry, the precertificate then the chain. */
    byte[] precertExtraData(X509CertificateHolder precert) {
        return concat(opaque24(der(precert)), x509ExtraData());
    }

    String x509Entry(String cn, String... dnsNames) {
        X509CertificateHolder cert = certificate(cn, dnsNames);
        return entry(x509Leaf(cert, timestampOf(cert)), x509ExtraData());
    }

    String precertEntry(String cn, String... dnsNames) {
        X509CertificateHolder precert = precertificate(cn, dnsNames);
        return entry(precertLeaf(precert, timestampOf(precert)), precertExtraData(precert));
    }

    static long timestampOf(X509CertificateHolder cert) {
        return cert.getNotBefore().toInstant().toEpochMilli() + 1_000;
    }

    /** One get-entries entry object. */
    static String entry(byte[] leafInput, byte[] extraData) {
        return entry(Base64.getEncoder().encodeToString(leafInput), Base64.getEncoder().encodeToString(extraData));
    }

    static String entry(String leafInputBase64, String extraDataBase64) {
        return "{\"leaf_input\":\"" + leafInputBase64 + "\",\"extra_data\":\"" + extraDataBase64 + "\"}";
    }

    /** A get-entries response, one entry a line (logs send one line; the content is the same). */
    static String getEntries(String... entries) {
        return "{\"entries\":[\n" + String.join(",\n", entries) + "\n]}\n";
    }

    /** MerkleTreeLeaf with every field chosen by the caller, for malformed leaves too. */
    static byte[] merkleTreeLeaf(int version, int leafType, long timestamp, int entryType, byte[] signedEntry) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(version);
            out.writeByte(leafType);
            out.writeLong(timestamp);
            out.writeShort(entryType);
            out.write(signedEntry);
            out.writeShort(0); // CtExtensions: none
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code opaque<0..2^24-1>}: a 3-byte big-endian length, then the bytes. */
    static byte[] opaque24(byte[] body) {
        return concat(u24(body.length), body);
    }

    static byte[] u24(int n) {
        return new byte[] {(byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] der(X509CertificateHolder cert) {
        try {
            return cert.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] issuerKeyHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ca.getSubjectPublicKeyInfo().getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] tbsWithoutPoison(X509CertificateHolder precert) {
        try {
            ASN1Sequence tbs = ASN1Sequence.getInstance(precert.toASN1Structure().getTBSCertificate().toASN1Primitive());
            ASN1EncodableVector fields = new ASN1EncodableVector();
            for (ASN1Encodable field : tbs) {
                if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
                    List<Extension> kept = new ArrayList<>();
                    Extensions extensions = Extensions.getInstance(tagged, true);
                    for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                        if (!oid.equals(CT_POISON)) {
                            kept.add(extensions.getExtension(oid));
                        }
                    }
                    fields.add(new DERTaggedObject(true, 3, new Extensions(kept.toArray(new Extension[0]))));
                } else {
                    fields.add(field);
                }
            }
            return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- reading, for every feed test ----------------------------------------------------------------

    static List<FeedItem> read(String source, byte[] feed) {
        List<FeedItem> items = new ArrayList<>();
        try {
            DomainFeedReader.read(source, new ByteArrayInputStream(feed), items::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    static List<FeedItem> read(String source, String feed) {
        return read(source, feed.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
