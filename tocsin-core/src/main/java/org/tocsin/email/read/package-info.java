/**
 * Mail readers: .eml files, mbox, Maildir, directories of mixed files, standard input and Outlook
 * .msg, parsed with Apache James mime4j in permissive mode. Every limit that keeps hostile mail from
 * exhausting memory lives here.
 */
@NullMarked
package org.tocsin.email.read;

import org.jspecify.annotations.NullMarked;
