package org.tocsin.domain.feed;

import java.util.Arrays;

/**
 * Decodes the {@code leaf_input} of a CT log entry: an RFC 6962 (section 3.4) {@code MerkleTreeLeaf} in
 * TLS presentation encoding, to the DER of the certificate it logs. Written here because it is a handful
 * of length-prefixed fields and no well-kept Java library exposes a decoder for it (Bouncy Castle's CT
 * support covers SCTs, not log leaves). Every length is checked against the data before it is used.
 */
final class CtLeafDecoder {
    private static final int ISSUER_KEY_HASH_LENGTH = 32;

    enum EntryType { X509_ENTRY, PRECERT_ENTRY }

    /**
     * A decoded leaf. {@code der} is the whole certificate for an {@code x509_entry}, and for a
     * {@code precert_entry} the TBSCertificate as the log saw it (poison extension removed), which
     * carries the same names the certificate will.
     */
    @SuppressWarnings("ArrayRecordComponent") // a decoded leaf handed on, never compared or hashed
    record Leaf(long timestamp, EntryType type, byte[] der) {}

    private CtLeafDecoder() {}

    /** @throws IllegalArgumentException saying what is wrong, when the leaf is not a well-formed MerkleTreeLeaf */
    static Leaf decode(byte[] leaf) {
        if (leaf.length == 0) {
            throw new IllegalArgumentException("leaf is empty");
        }
        Cursor in = new Cursor(leaf);
        int version = in.u8("version");
        if (version != 0) {
            throw new IllegalArgumentException("unknown MerkleTreeLeaf version " + version);
        }
        int leafType = in.u8("leaf type");
        if (leafType != 0) {
            throw new IllegalArgumentException("unknown leaf type " + leafType);
        }
        long timestamp = in.u64("timestamp");
        int entryType = in.u16("entry type");
        Leaf result;
        switch (entryType) {
            case 0 -> result = new Leaf(timestamp, EntryType.X509_ENTRY, in.opaque24("certificate"));
            case 1 -> {
                in.skip(ISSUER_KEY_HASH_LENGTH, "issuer key hash");
                result = new Leaf(timestamp, EntryType.PRECERT_ENTRY, in.opaque24("TBSCertificate"));
            }
            default -> throw new IllegalArgumentException("unknown entry type " + entryType);
        }
        int extensions = in.u16("extensions length");
        in.skipOrThrow(extensions, "extensions length " + extensions + " past end of data");
        if (in.remaining() > 0) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the end of the leaf");
        }
        return result;
    }

    /** Reads big-endian fields; running out of data names the field it happened in. */
    private static final class Cursor {
        private final byte[] data;
        private int pos;

        Cursor(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - pos;
        }

        int u8(String field) {
            need(1, field);
            return data[pos++] & 0xff;
        }

        int u16(String field) {
            need(2, field);
            return (u8(field) << 8) | u8(field);
        }

        long u64(String field) {
            need(8, field);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | u8(field);
            }
            return v;
        }

        /** An {@code opaque field<1..2^24-1>}: a 3-byte length, then that many bytes. */
        byte[] opaque24(String field) {
            need(3, field + " length");
            int length = (u8(field) << 16) | (u8(field) << 8) | u8(field);
            if (length == 0) {
                throw new IllegalArgumentException(field + " is empty");
            }
            int start = pos;
            skipOrThrow(length, field + " length " + length + " past end of data");
            return Arrays.copyOfRange(data, start, pos);
        }

        void skip(int n, String field) {
            skipOrThrow(n, "data ends inside the " + field + " (leaf is " + data.length + " bytes)");
        }

        void skipOrThrow(int n, String message) {
            if (n > remaining()) {
                throw new IllegalArgumentException(message);
            }
            pos += n;
        }

        private void need(int n, String field) {
            if (n > remaining()) {
                throw new IllegalArgumentException("data ends inside the " + field + " (leaf is " + data.length + " bytes)");
            }
        }
    }
}
