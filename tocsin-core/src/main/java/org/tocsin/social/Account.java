package org.tocsin.social;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account from the optional accounts file: when it was created and how it presents itself.
 *
 * @param createdAt null when the file does not say
 */
public record Account(String accountId, @Nullable Instant createdAt, @Nullable String name, @Nullable String description) {
}
