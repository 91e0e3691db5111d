package org.tocsin.domain.feed;

import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The host names of one CT {@code get-entries} entry, from its base64 {@code leaf_input} and {@code extra_data}. */
final class CtEntryNames {
    static final int MAX_BASE64 = 1 << 20;

    private CtEntryNames() {}

    /**
     * @param extraText null when the entry has no {@code extra_data}
     * @throws IllegalArgumentException saying which field is wrong and how
     */
    static List<String> of(String leafText, @Nullable String extraText) {
        byte[] leafBytes = base64("leaf_input", leafText);
        if (extraText != null) {
            base64("extra_data", extraText); // the names are in the leaf; a bad chain still marks a bad entry
        }
        try {
            CtLeafDecoder.Leaf leaf = CtLeafDecoder.decode(leafBytes);
            return leaf.type() == CtLeafDecoder.EntryType.X509_ENTRY
                    ? CertificateNames.ofCertificate(leaf.der())
                    : CertificateNames.ofTbsCertificate(leaf.der());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("leaf_input: " + e.getMessage(), e);
        }
    }

    private static byte[] base64(String field, String text) {
        if (text.length() > MAX_BASE64) {
            throw new IllegalArgumentException(field + ": longer than 1 MiB of base64; skipped");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": invalid base64 (" + base64Problem(text, e) + ")", e);
        }
    }

    /** The first character outside the alphabet, which the JDK reports only as a signed hex byte. */
    private static @Nullable String base64Problem(String text, IllegalArgumentException e) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                String shown = Character.isISOControl(c) || Character.isWhitespace(c) || c == '\uFFFD'
                        ? String.format("U+%04X", (int) c) : "'" + c + "'";
                return "character " + shown + " at offset " + i;
            }
        }
        return e.getMessage();
    }
}
