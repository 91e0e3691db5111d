/**
 * Domain names and the rules about them: normalisation (UTS #46), registrable domains (Public Suffix
 * List, private section included), lenient URL parsing, confusable skeletons, and the lookalike index
 * that email, site and domain-feed analyzers share.
 */
@NullMarked
package org.tocsin.domain;

import org.jspecify.annotations.NullMarked;
