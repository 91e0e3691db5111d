package org.tocsin.reference;

import java.util.List;

/**
 * A major provider whose name phishing impersonates.
 *
 * @param label        the brand as it appears in domains ({@code google})
 * @param displayNames names used in display names ({@code Google Drive}, {@code Gmail})
 * @param domains      the provider's own registrable domains
 * @param shortLabel   a label too short (2–4 letters) to match by edit distance or substring
 * @param ordinaryWord a label that is also an ordinary word (outlook, signal), matched with the same care
 */
public record ProviderBrand(String label, List<String> displayNames, List<String> domains, boolean shortLabel,
                            boolean ordinaryWord) {
}
