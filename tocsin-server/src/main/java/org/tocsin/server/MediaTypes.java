package org.tocsin.server;

import java.util.Locale;

/** The media types TAXII 2.1 speaks, and reading Accept and Content-Type headers against them. */
final class MediaTypes {
    /** TAXII resources, and the envelope that carries objects (TAXII 2.1 §1.6.8). */
    static final String TAXII = "application/taxii+json;version=2.1";
    /** What a collection holds (its media_types, a manifest entry's media_type). */
    static final String STIX = "application/stix+json;version=2.1";

    private MediaTypes() {
    }

    /**
     * Whether a response in {@link #TAXII} is acceptable: no Accept header, a wildcard, or application/taxii+json
     * with version 2.1 or no version (which means the latest, 2.1), unless its q is 0.
     */
    static boolean accepts(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            MediaType m = MediaType.parse(range);
            if (m.q() > 0 && (m.type().equals("*/*") || m.type().equals("application/*")
                    || (m.type().equals("application/taxii+json") && (m.version() == null || m.version().equals("2.1"))))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a request body is declared as TAXII 2.1 content (the version may be left out). */
    static boolean isTaxii(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType m = MediaType.parse(contentType);
        return m.type().equals("application/taxii+json") && (m.version() == null || m.version().equals("2.1"));
    }

    /** One media range: its type/subtype (lower case), version parameter and q. */
    private record MediaType(String type, String version, double q) {
        static MediaType parse(String text) {
            String[] parts = text.split(";");
            String version = null;
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String key = kv[0].trim().toLowerCase(Locale.ROOT);
                String value = kv.length > 1 ? kv[1].trim().replace("\"", "") : "";
                if (key.equals("version")) {
                    version = value;
                } else if (key.equals("q")) {
                    try {
                        q = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        q = 0; // an unreadable weight accepts nothing
                    }
                }
            }
            return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), version, q);
        }
    }
}
