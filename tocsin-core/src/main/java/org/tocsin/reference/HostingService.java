package org.tocsin.reference;

/**
 * A legitimate hosting, sharing or form service that phishing abuses for credential pages.
 *
 * @param hostSuffix matches the host and its subdomains
 * @param pathPrefix path the URL must start with, or empty for any path
 */
public record HostingService(String hostSuffix, String service, String kind, String pathPrefix) {
}
