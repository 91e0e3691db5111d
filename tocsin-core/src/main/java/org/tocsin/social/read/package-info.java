/**
 * Readers of social-media archives into canonical {@link org.tocsin.social.Post}s: the canonical posts CSV and
 * JSON Lines, X/Twitter API v2 JSON and Telegram Desktop exports, and the optional accounts file. Each reads one
 * item at a time with a bound per item; a damaged item is a {@link org.tocsin.social.read.PostItem} problem.
 */
package org.tocsin.social.read;
