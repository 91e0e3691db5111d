package org.tocsin.email;

/**
 * An HTML form in a body or attachment.
 *
 * @param action          where it posts
 * @param passwordField   it has a password input
 * @param asksPersonalData it asks for a login, card, bank or identity number (not a search box or a newsletter sign-up)
 */
public record HtmlForm(String action, boolean passwordField, boolean asksPersonalData, Link.Origin origin, String where) {
}
