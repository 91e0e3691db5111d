/**
 * Triage of a message, above the model, readers and rules it wires together: {@code EmailTriage} (a message in,
 * one result per message judged, inline-forwarded reports rebuilt), {@code TriageResult}, the indicators pulled
 * from a judged message, and {@code Evaluation} on labelled mail.
 */
@NullMarked
package org.tocsin.email.triage;

import org.jspecify.annotations.NullMarked;
