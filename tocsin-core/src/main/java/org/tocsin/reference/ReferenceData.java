package org.tocsin.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bundled reference lists, loaded once. Immutable and shared, so analyzers can hold it without
 * copying and Flink operators can rebuild it from the classpath.
 */
public final class ReferenceData {
    private static volatile @Nullable ReferenceData bundled;

    private final Set<String> urlShorteners;
    private final Set<String> freeMailDomains;
    private final Set<String> abusedTlds;
    private final Set<String> mailServices;
    private final Set<String> imageSharingHosts;
    private final List<HostingService> abusedHosting;
    private final List<OpenRedirector> openRedirectors;
    private final List<ProviderBrand> providerBrands;
    private final Map<String, FileTypeRisk> dangerousExtensions;
    private final Map<String, String> attackTechniques;
    private final Map<String, String> disarmTechniques;

    private ReferenceData() {
        urlShorteners = hosts("url-shorteners.txt");
        freeMailDomains = hosts("free-mail-domains.txt");
        abusedTlds = hosts("abused-tlds.txt");
        mailServices = hosts("email-service-providers.txt");
        imageSharingHosts = hosts("image-sharing-hosts.txt");
        List<HostingService> hosting = new ArrayList<>();
        for (String[] r : ReferenceFile.rows("abused-hosting.txt")) {
            String path = ReferenceFile.column(r, 3);
            hosting.add(new HostingService(r[0].toLowerCase(Locale.ROOT), ReferenceFile.column(r, 1),
                    ReferenceFile.column(r, 2), path.equals("any") ? "" : path));
        }
        abusedHosting = List.copyOf(hosting);
        List<OpenRedirector> redirectors = new ArrayList<>();
        for (String[] r : ReferenceFile.rows("open-redirectors.txt")) {
            redirectors.add(new OpenRedirector(r[0].toLowerCase(Locale.ROOT), ReferenceFile.column(r, 1),
                    ReferenceFile.column(r, 2)));
        }
        openRedirectors = List.copyOf(redirectors);
        List<ProviderBrand> brands = new ArrayList<>();
        for (String[] r : ReferenceFile.rows("provider-brands.txt")) {
            brands.add(new ProviderBrand(r[0].toLowerCase(Locale.ROOT), list(ReferenceFile.column(r, 1)),
                    list(ReferenceFile.column(r, 2).toLowerCase(Locale.ROOT)),
                    ReferenceFile.column(r, 3).equalsIgnoreCase("short"),
                    ReferenceFile.column(r, 3).equalsIgnoreCase("word")));
        }
        providerBrands = List.copyOf(brands);
        Map<String, FileTypeRisk> ext = new HashMap<>();
        for (String[] r : ReferenceFile.rows("dangerous-extensions.txt")) {
            String e = r[0].toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
            ext.put(e, new FileTypeRisk(e, ReferenceFile.column(r, 1), ReferenceFile.column(r, 2)));
        }
        dangerousExtensions = Map.copyOf(ext);
        Map<String, String> techniques = new LinkedHashMap<>();
        for (String[] r : ReferenceFile.rows("attack-techniques.txt")) {
            techniques.put(r[0], ReferenceFile.column(r, 1));
        }
        attackTechniques = java.util.Collections.unmodifiableMap(techniques);
        Map<String, String> disarm = new LinkedHashMap<>();
        for (String[] r : ReferenceFile.rows("disarm-techniques.txt")) {
            disarm.put(r[0], ReferenceFile.column(r, 1));
        }
        disarmTechniques = java.util.Collections.unmodifiableMap(disarm);
    }

    public static ReferenceData bundled() {
        ReferenceData d = bundled;
        if (d == null) {
            synchronized (ReferenceData.class) {
                d = bundled;
                if (d == null) {
                    d = new ReferenceData();
                    bundled = d;
                }
            }
        }
        return d;
    }

    private static Set<String> hosts(String file) {
        Set<String> s = new HashSet<>();
        for (String[] r : ReferenceFile.rows(file)) {
            s.add(r[0].toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(s);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Public image-sharing hosts (imgur, Twitter's image CDN, ...); an entry covers its subdomains. */
    public Set<String> imageSharingHosts() {
        return imageSharingHosts;
    }

    public Set<String> urlShorteners() {
        return urlShorteners;
    }

    public Set<String> freeMailDomains() {
        return freeMailDomains;
    }

    /** Registrable domains of bulk mail services (bounce, tracking and sign-up hosts). */
    public Set<String> mailServices() {
        return mailServices;
    }

    /** TLDs with a high share of abusive registrations (no leading dot). */
    public Set<String> abusedTlds() {
        return abusedTlds;
    }

    public List<HostingService> abusedHosting() {
        return abusedHosting;
    }

    public List<OpenRedirector> openRedirectors() {
        return openRedirectors;
    }

    public List<ProviderBrand> providerBrands() {
        return providerBrands;
    }

    /** Risk of a file extension (no dot, lower case), or {@code null} when it is not on the list. */
    public @Nullable FileTypeRisk fileTypeRisk(String extension) {
        return dangerousExtensions.get(extension.toLowerCase(Locale.ROOT));
    }

    /** ATT&amp;CK technique names by id, for reports and the signals catalogue. */
    public Map<String, String> attackTechniques() {
        return attackTechniques;
    }

    /** DISARM (influence-operation) technique names by id: what domain, site and persona signals cite. */
    public Map<String, String> disarmTechniques() {
        return disarmTechniques;
    }
}
