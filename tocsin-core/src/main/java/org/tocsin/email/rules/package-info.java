/**
 * The email rules, one class per aspect of a message: sender, links, content, attachments and
 * authentication results. Each is a pure function of the message view and the context, and fires only
 * signals defined in {@link org.tocsin.email.EmailSignals}.
 */
@NullMarked
package org.tocsin.email.rules;

import org.jspecify.annotations.NullMarked;
