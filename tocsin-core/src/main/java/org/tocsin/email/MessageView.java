package org.tocsin.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.LinkWrappers;
import org.tocsin.domain.WebUrl;
import org.tocsin.text.TextFold;

/**
 * What a reader of the message sees, extracted once so every rule works from the same picture: the
 * visible text, the links with their anchor text, forms, hidden text and refreshes, from the plain and
 * HTML bodies and from HTML attachments. HTML is parsed with jsoup and never rendered or run.
 */
public final class MessageView {
    private static final Pattern TEXT_URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0(?:px|pt|em)?\\s*(?:;|$)|opacity\\s*:\\s*0(?:\\.0+)?\\s*(?:;|$)");
    private static final int MAX_LINKS = 5000;
    private static final int MAX_VISIBLE = 64 * 1024;
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "passw|senha|\\bpin\\b|card.?(?:num|no)|cart[aã]o|cvv|cvc|ssn|social.?security|\\bcpf\\b|iban|routing");

    private final MailMessage message;
    private final List<Link> links = new ArrayList<>();
    private final java.util.Set<String> seenLinks = new java.util.HashSet<>();
    private final List<HtmlForm> forms = new ArrayList<>();
    private final List<String> hiddenTexts = new ArrayList<>();
    private final List<String> refreshTargets = new ArrayList<>();
    private final StringBuilder visible = new StringBuilder();
    private int images;
    /** Where the body's images load from (the first few), for rules about borrowed image hosts. */
    private final List<String> imageSources = new ArrayList<>();
    private int hiddenChars;
    private int htmlVisibleChars;
    private final String searchText;

    public MessageView(MailMessage message) {
        this.message = message;
        // The subject is not part of the body text: rules that read both would count one phrase twice.
        // HTML first: its links carry the anchor text that the text/plain alternative lacks
        if (!message.html().isEmpty()) {
            Document doc = Jsoup.parse(message.html());
            String htmlText = html(doc, Link.Origin.HTML_BODY, "HTML body");
            // Both parts are read: an attacker can put a harmless plain part beside a lure in the HTML, which is
            // what most clients show.
            appendVisible(htmlText);
        }
        if (!message.text().isEmpty()) {
            appendVisible(message.text());
            textLinks(message.text(), Link.Origin.TEXT_BODY);
        }
        for (MailAttachment a : message.attachments()) {
            if (!a.text().isEmpty() && (a.magic().equals("html") || a.extension().startsWith("htm")
                    || a.extension().equals("shtml") || a.extension().equals("svg") || a.extension().equals("xhtml")
                    || a.contentType().contains("html"))) {
                Document doc = Jsoup.parse(a.text());
                html(doc, Link.Origin.ATTACHMENT, "attachment " + a.filename());
            }
        }
        searchText = TextFold.fold(visible.length() > LurePhrases.MAX_SCANNED
                ? visible.substring(0, LurePhrases.MAX_SCANNED) : visible.toString());
    }

    /**
     * Keeps the first {@value #MAX_VISIBLE} characters of what a reader sees: phrase rules read the top of a
     * message, and copying and folding megabytes of newsletter for them was the single largest cost of triage.
     */
    private void appendVisible(String text) {
        int room = MAX_VISIBLE - visible.length();
        if (room > 0) {
            visible.append(text, 0, Math.min(text.length(), room)).append('\n');
        }
    }

    /** Collects links, forms, refreshes and hidden text; returns the document's text. */
    private String html(Document doc, Link.Origin origin, String where) {
        // One walk over the elements instead of a selector query per feature: this runs on every message.
        List<Element> formElements = new ArrayList<>();
        boolean passwordInput = false;
        boolean first = true;
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            switch (tag) {
                case "a", "area" -> {
                    if (e.hasAttr("href") && links.size() < MAX_LINKS) {
                        String href = e.attr("href");
                        String text = e.text().strip();
                        if (seenLinks.add(href + '\u0000' + text)) { // padding with repeats costs nothing
                            links.add(new Link(target(href), href, text, origin));
                        }
                    }
                }
                case "form" -> formElements.add(e);
                case "input" -> passwordInput |= e.attr("type").equalsIgnoreCase("password");
                case "meta" -> {
                    if (e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                        String content = e.attr("content");
                        int i = content.toLowerCase(Locale.ROOT).indexOf("url=");
                        refreshTargets.add(i >= 0 ? content.substring(i + 4).replaceAll("^['\"]|['\"]$", "") : content);
                    }
                }
                case "img" -> {
                    images++;
                    if (origin == Link.Origin.HTML_BODY && imageSources.size() < 32 && !e.attr("src").isBlank()) {
                        imageSources.add(e.attr("src").strip());
                    }
                }
                default -> {
                }
            }
            if (e.hasAttr("style") && HIDDEN_STYLE.matcher(e.attr("style")).find() && !hasHiddenAncestor(e)) {
                String t = e.text().strip();
                if (!t.isEmpty()) {
                    hiddenChars += t.length();
                    // Newsletters hide one short preview line (the "preheader") for the inbox list; that is not deceit.
                    boolean preheader = first && origin == Link.Origin.HTML_BODY && t.length() < 250;
                    first = false;
                    if (!preheader && t.length() >= 30) {
                        hiddenTexts.add(t.length() > 120 ? t.substring(0, 120) + "…" : t);
                    }
                }
            }
        }
        for (Element f : formElements) {
            boolean password = !f.select("input[type=password]").isEmpty();
            this.forms.add(new HtmlForm(f.attr("action"), password, password || asksPersonalData(f), origin, where));
        }
        if (formElements.isEmpty() && passwordInput) {
            this.forms.add(new HtmlForm("", true, true, origin, where)); // a password box posted by script
        }
        String text = doc.text();
        if (origin == Link.Origin.HTML_BODY) {
            htmlVisibleChars = Math.max(0, text.length() - hiddenChars);
        }
        return text;
    }

    private static boolean hasHiddenAncestor(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("style") && HIDDEN_STYLE.matcher(p.attr("style")).find()) {
                return true;
            }
        }
        return false;
    }

    /** Where a link leads: its own URL, or the destination inside a mail gateway's wrapper (Safe Links ...). */
    private static @Nullable WebUrl target(String href) {
        WebUrl url = WebUrl.parse(href);
        WebUrl inner = LinkWrappers.unwrap(url);
        return inner != null ? inner : url;
    }

    private static boolean asksPersonalData(Element form) {
        for (Element input : form.select("input, select")) {
            String names = (input.attr("name") + " " + input.id() + " " + input.attr("placeholder")).toLowerCase(Locale.ROOT);
            if (PERSONAL_FIELD.matcher(names).find()) {
                return true;
            }
        }
        return false;
    }

    private void textLinks(String text, Link.Origin origin) {
        Matcher m = TEXT_URL.matcher(text);
        while (m.find() && links.size() < MAX_LINKS) {
            String href = m.group();
            int end = href.length();
            while (end > 0 && ".,;:!?>".indexOf(href.charAt(end - 1)) >= 0) {
                end--; // trailing sentence punctuation is not part of the address
            }
            href = href.substring(0, end);
            links.add(new Link(target(href), href, "", origin));
        }
    }

    public MailMessage message() {
        return message;
    }

    public List<Link> links() {
        return links;
    }

    public List<HtmlForm> forms() {
        return forms;
    }

    public List<String> hiddenTexts() {
        return hiddenTexts;
    }

    public List<String> refreshTargets() {
        return refreshTargets;
    }

    public int images() {
        return images;
    }

    /** The src of the HTML body's first images, as written. */
    public List<String> imageSources() {
        return imageSources;
    }

    /** Visible body text, as read (the first 64 K characters), without the subject. */
    public String visibleText() {
        return visible.toString();
    }

    /**
     * Characters of readable body text: the plain part, or the HTML's text without hidden elements when
     * there is no plain part worth reading.
     */
    public int readableChars() {
        String plain = message.text().strip();
        return plain.length() >= 200 || message.html().isEmpty() ? plain.length() : Math.max(plain.length(), htmlVisibleChars);
    }

    /** The same, folded ({@link TextFold}), for phrase rules. */
    public String searchText() {
        return searchText;
    }
}
