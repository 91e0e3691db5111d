/**
 * Email: the message model (a message, its addresses, attachments, links and forms, and the {@code MessageView}
 * the rules read), the context rules run in, and the signals catalogue of every email rule. Readers live in
 * {@code email.read}, rules in {@code email.rules}, and the triage that wires them together in
 * {@code email.triage}; the model depends on none of them. Nothing about email lives outside this package tree.
 */
@NullMarked
package org.tocsin.email;

import org.jspecify.annotations.NullMarked;
