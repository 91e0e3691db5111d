package org.tocsin.email;

/** An HTML form in a body or attachment: where it posts and whether it asks for a password. */
public record HtmlForm(String action, boolean passwordField, Link.Origin origin, String where) {
}
