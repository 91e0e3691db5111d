package org.tocsin.email;

/**
 * An HTML form in a body or attachment.
 *
 * @param action          where it posts
 * @param passwordField   it has a password input
 * @param asksPersonalData it asks for a login, e-mail, card, phone or identity number (not just a search box)
 */
public record HtmlForm(String action, boolean passwordField, boolean asksPersonalData, Link.Origin origin, String where) {
}
