/**
 * Text normalisation shared by the email, site and social analyzers: folding for phrase matching,
 * and detection of invisible and look-alike characters.
 */
package org.tocsin.text;
