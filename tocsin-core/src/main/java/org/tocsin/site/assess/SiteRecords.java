package org.tocsin.site.assess;

import java.util.List;
import java.util.Map;
import org.tocsin.site.rules.Certificates;
import org.tocsin.site.rules.Registrations;

/**
 * What the analyst brings about the sites besides their archives: registration records (how old each domain is)
 * and TLS certificates (which sites one certificate covers). Nothing here is looked up.
 *
 * @param registrations when domains were registered, by registrable domain
 * @param certificates  certificates from PEM/DER files or Certificate Transparency searches
 */
public record SiteRecords(Map<String, Registrations.Registration> registrations, List<Certificates.Certificate> certificates) {
    public static final SiteRecords NONE = new SiteRecords(Map.of(), List.of());

    public SiteRecords {
        registrations = Map.copyOf(registrations);
        certificates = List.copyOf(certificates);
    }
}
