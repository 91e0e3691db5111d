/**
 * Assessing sites from their archived pages, above the model and the rules: {@code SiteAssessor} groups pages by
 * registrable domain, runs the rules, scores each site and finds networks ({@code NetworkFinder}); {@code SiteRecords}
 * is what the analyst brings besides archives (registrations, certificates).
 */
@NullMarked
package org.tocsin.site.assess;

import org.jspecify.annotations.NullMarked;
