/**
 * Readers of social-media archives into canonical {@link org.tocsin.social.Post}s: the canonical posts CSV and
 * JSON Lines, X/Twitter API v2 JSON and Telegram Desktop exports, and the optional accounts file. Each reads one
 * item at a time with a bound per item; a damaged item is a {@link org.tocsin.social.read.PostItem} problem (a CSV
 * record an unclosed quote ran on into the next row is one too, marked as a merged row, and that row is read as itself).
 */
@NullMarked
package org.tocsin.social.read;

import org.jspecify.annotations.NullMarked;
