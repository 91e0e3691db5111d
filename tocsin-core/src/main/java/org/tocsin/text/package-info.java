/**
 * Text normalisation shared by the email, site and social analyzers: folding for phrase matching,
 * detection of invisible and look-alike characters, and copy and rewrite detection of articles against a
 * reference corpus ({@link org.tocsin.text.NearDuplicates}).
 */
@NullMarked
package org.tocsin.text;

import org.jspecify.annotations.NullMarked;
