package org.tocsin.domain;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import com.ibm.icu.text.IDNA;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Host-name normalisation. IDNA goes through ICU's UTS #46 implementation because
 * {@code java.net.IDN} implements the older IDNA 2003 and mis-decodes some punycode.
 */
public final class DomainNames {
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private DomainNames() {
    }

    /**
     * The ASCII (punycode) form, lower-cased, without trailing dot, or {@code null} when the name is not
     * a valid host name even by lenient standards.
     */
    public static @Nullable String toAscii(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip();
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.length() > 1024) {
            return null;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (isPlainAsciiHost(lower) && !lower.contains("xn--")) {
            return lower.length() <= 253 ? lower : null;
        }
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(h, out, info);
        // Errors about hyphens or label lengths still yield a usable name; a name with disallowed
        // code points does not.
        if (info.getErrors().stream().anyMatch(e -> e == IDNA.Error.DISALLOWED || e == IDNA.Error.PUNYCODE
                || e == IDNA.Error.INVALID_ACE_LABEL || e == IDNA.Error.EMPTY_LABEL)) {
            return null;
        }
        String ascii = out.toString().toLowerCase(Locale.ROOT);
        // Without STD3 rules (which would also refuse the underscores real hosts carry) UTS #46 lets controls,
        // spaces and punctuation through; a host name has none of them.
        return ascii.length() > 253 || !isPlainAsciiHost(ascii) ? null : ascii;
    }

    /** Letters, digits, dots, hyphens and underscores only: nothing for IDNA to map. (A loop: a regex costs more per name than the rest of a feed's matching.) */
    private static boolean isPlainAsciiHost(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return !s.isEmpty() && s.charAt(0) != '.' && !s.contains(".."); // no empty label: a..com is no host
    }

    /** The Unicode form of an ASCII host name, as a reader would see it. */
    public static String toUnicode(String asciiHost) {
        if (!asciiHost.contains("xn--")) {
            return asciiHost;
        }
        StringBuilder out = new StringBuilder();
        UTS46.nameToUnicode(asciiHost, out, new IDNA.Info());
        return out.toString();
    }

    public static boolean isIpv4(String host) {
        int n = host.length();
        if (n < 7 || n > 15 || !Character.isDigit(host.charAt(0)) || !Character.isDigit(host.charAt(n - 1))) {
            return false; // most names fail here, without a regex
        }
        return IPV4.matcher(host).matches();
    }

    /**
     * The registrable domain ("eTLD+1") under the Public Suffix List, private section included, so
     * that {@code foo.github.io} and {@code bild.eu.com} are their own registrable domains: what Guava's
     * {@code InternetDomainName.topPrivateDomain()} answers, from the same list (Guava's
     * {@link PublicSuffixPatterns}). The lookup is called here directly because {@link InternetDomainName}
     * validates and re-joins every ancestor name on each call, which is most of the cost of watching a feed;
     * a test holds the two equal on real domain lists. Returns the host itself for IPs, single labels, public suffixes and
     * names under no known suffix.
     */
    public static String registrable(String asciiHost) {
        if (isIpv4(asciiHost) || asciiHost.startsWith("[") || asciiHost.indexOf('.') < 0) {
            return asciiHost;
        }
        int suffix = publicSuffixLabel(asciiHost);
        if (suffix <= 0) {
            return asciiHost; // under no known suffix, or a public suffix itself
        }
        // the registrable domain starts one label before the suffix
        int start = 0;
        for (int label = 0; label < suffix - 1; label++) {
            start = asciiHost.indexOf('.', start) + 1;
        }
        return start == 0 ? asciiHost : asciiHost.substring(start);
    }

    /**
     * Which label of a dotted ASCII name starts its public suffix (0 when the name is a public suffix itself,
     * -1 under no known suffix), under the Public Suffix List with its private section, wildcards ({@code *.ck})
     * and exceptions ({@code !city.kawasaki.jp}) applied. Guava keeps the list as a trie since 33.5 (before,
     * as three maps); its lookup by label is what {@link InternetDomainName} itself calls.
     */
    static int publicSuffixLabel(String asciiName) {
        return PublicSuffixPatterns.TRIE.findSuffixIndex(Arrays.asList(asciiName.split("\\.", -1)));
    }

    /** Guava's own answer, kept to check {@link #registrable} against. */
    static @Nullable String registrableByGuava(String asciiHost) {
        try {
            InternetDomainName name = InternetDomainName.from(asciiHost);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            return asciiHost;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    /** The first label of the registrable domain: {@code washingtonpost} for {@code www.washingtonpost.co.uk}. */
    public static String registrableLabel(String registrable) {
        int dot = registrable.indexOf('.');
        return dot < 0 ? registrable : registrable.substring(0, dot);
    }

    /** True when {@code host} is {@code domain} or a subdomain of it. */
    public static boolean isWithin(String host, String domain) {
        return host.equals(domain) || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
    }

    /** The domain part of an e-mail address, ASCII and lower-cased, or {@code null}. */
    public static @Nullable String domainOfAddress(@Nullable String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : toAscii(address.substring(at + 1));
    }
}
