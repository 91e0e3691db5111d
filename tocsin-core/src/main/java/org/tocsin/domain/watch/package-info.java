/**
 * The lookalike-domain watch: names from domain feeds and certificate-transparency logs, normalised and
 * matched against the protected names ({@link org.tocsin.domain.LookalikeIndex}, the index the email rules
 * use too), allowlisted, deduplicated per registrable domain, and raised as {@link org.tocsin.domain.watch.DomainAlert}s.
 */
@NullMarked
package org.tocsin.domain.watch;

import org.jspecify.annotations.NullMarked;
