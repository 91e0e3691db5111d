package org.tocsin.text;

import java.util.Objects;

/** A real article an analyst supplies as a possible source of copies: id, where it was published, title, text. */
public record ReferenceArticle(String id, String url, String title, String text) {
    public ReferenceArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
    }
}
