package org.tocsin.social;

import java.time.Instant;

/**
 * An account from the optional accounts file: when it was created and how it presents itself.
 *
 * @param createdAt null when the file does not say
 */
public record Account(String accountId, Instant createdAt, String name, String description) {
}
