package org.tocsin.reference;

/**
 * A well-known open redirect.
 *
 * @param target where the destination is: a query parameter name, {@code -} (in the path after the
 *               prefix), {@code ?} (the whole query string) or {@code *} (held by the service, not in the URL)
 */
public record OpenRedirector(String hostSuffix, String pathPrefix, String target) {
    public boolean targetInPath() {
        return target.equals("-");
    }

    public boolean targetIsQuery() {
        return target.equals("?");
    }

    public boolean targetHidden() {
        return target.equals("*");
    }
}
