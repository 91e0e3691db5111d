/**
 * How inputs come in, for every reader and command: {@link org.tocsin.input.InputWalker} turns what a user names
 * (files, directories, {@code -}) into {@link org.tocsin.input.Input}s, and {@link org.tocsin.input.ContentSniffer}
 * reads what each holds from its first bytes, the same way for every reader. Depends on nothing else in Tocsin.
 */
@NullMarked
package org.tocsin.input;

import org.jspecify.annotations.NullMarked;
