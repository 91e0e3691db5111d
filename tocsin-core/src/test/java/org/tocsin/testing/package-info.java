/**
 * Helpers the tests of every module share (tocsin-core's test jar): {@link org.tocsin.testing.Needs} says what a
 * test needs from outside the repository, and skips or fails the test, saying why, when it is missing.
 */
package org.tocsin.testing;
