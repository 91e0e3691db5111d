/**
 * Unicode by ICU's data, never the JDK's (Java 17 knows Unicode 13): {@link org.tocsin.unicode.UnicodeMarks}. A leaf
 * package that depends on nothing of Tocsin's, so that domain and text can both use it.
 */
@NullMarked
package org.tocsin.unicode;

import org.jspecify.annotations.NullMarked;
