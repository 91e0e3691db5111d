/**
 * Email: the message model, the triage that wires the analyzers, evaluation on labelled mail, and the
 * signals catalogue of every email rule. Readers live in {@code email.read}, rules in
 * {@code email.rules}; nothing about email lives outside this package tree.
 */
package org.tocsin.email;
