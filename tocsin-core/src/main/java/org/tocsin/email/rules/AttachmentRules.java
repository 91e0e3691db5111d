package org.tocsin.email.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.email.ArchiveEntry;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.MailAttachment;
import org.tocsin.email.MessageView;
import org.tocsin.reference.FileTypeRisk;
import org.tocsin.signal.Signal;

/**
 * What is attached: programs and scripts, HTML and SVG, disk images, macro documents, archives holding
 * any of those, encrypted archives whose password is in the text, disguised file names and
 * decompression bombs. Types come from the reference list and from the file's own first bytes.
 */
public final class AttachmentRules implements EmailRule {
    private static final Pattern PASSWORD_IN_TEXT = Pattern.compile(
            "(?iu)\\b(?:password|passcode|pass|pwd|senha|contraseña|mot de passe|kennwort|passwort)\\b\\s{0,8}+(?:is|[:=-])?\\s{0,8}+\\S{3,}");
    private static final Pattern DOUBLE_EXTENSION = Pattern.compile(
            "(?i)\\.(?:pdf|docx?|xlsx?|pptx?|txt|jpe?g|png|gif|rtf|csv|html?)[\\s_.]*+\\.([a-z0-9]{2,5})$");
    private static final long BOMB_SIZE = 1L << 30;
    /** In folded text: "the password for the PDF is 1234", "senha de acesso ao pdf: 123". */
    private static final Pattern ATTACHMENT_PASSWORD = Pattern.compile(
            "\\b(?:password|passcode|senha|contrasena|mot de passe|passwort|kennwort)(?: (?:de acesso|do arquivo|to open|for|for the|ao|do|da|of the|of|zum offnen|pour))?+"
                    + "(?: (?:the |o |a )?(?:pdf|file|document|attachment|archive|zip|arquivo|anexo|documento|datei|fichier))?+"
                    + " ?+(?:is|e|:|=|-)?+ ?+[a-z0-9@#$%&*!_-]{3,20}\\b");

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        if (!view.message().attachments().isEmpty()) {
            Matcher pw = ATTACHMENT_PASSWORD.matcher(view.searchText());
            if (pw.find()) {
                out.add(EmailSignals.ATTACHMENT_PASSWORD.fire("Text: \"" + pw.group().strip() + "\" next to "
                        + view.message().attachments().size() + " attachment(s)"));
            }
        }
        for (MailAttachment a : view.message().attachments()) {
            String name = a.filename().isEmpty() ? "(unnamed " + a.contentType() + ")" : a.filename();
            String what = "Attachment " + name + " (sha256 " + a.sha256() + ")";
            FileTypeRisk risk = ctx.reference().fileTypeRisk(a.extension());
            String category = risk == null ? "" : risk.category();
            if (a.magic().equals("pe") || a.magic().equals("lnk")) {
                category = a.magic().equals("pe") ? "executable" : "shortcut";
            } else if (a.magic().equals("iso") || a.magic().equals("vhd")) {
                category = "disk-image";
            }
            switch (category) {
                case "executable", "script", "shortcut", "installer" ->
                        out.add(EmailSignals.ATTACHMENT_EXECUTABLE.fire(what + " is a " + category
                                + (risk != null ? ": " + risk.note() : "")));
                case "disk-image" -> out.add(EmailSignals.ATTACHMENT_DISK_IMAGE.fire(what + " is a disk image"));
                case "macro-office" -> out.add(EmailSignals.ATTACHMENT_MACRO.fire(what + " is a macro-enabled Office file"));
                case "html" -> out.add(EmailSignals.ATTACHMENT_HTML.fire(what + " is " + a.extension().toUpperCase(Locale.ROOT)
                        + ", which opens in a browser from the local disk"));
                default -> {
                    if (a.magic().equals("html") && !a.contentType().startsWith("text/plain")) {
                        out.add(EmailSignals.ATTACHMENT_HTML.fire(what + " is HTML by its content, whatever its name says"));
                    }
                }
            }
            String name255 = a.filename().strip();
            Matcher dbl = DOUBLE_EXTENSION.matcher(name255.length() > 255 ? name255.substring(name255.length() - 255) : name255);
            if (dbl.find() && ctx.reference().fileTypeRisk(dbl.group(1)) != null) {
                out.add(EmailSignals.ATTACHMENT_DISGUISED.fire(what + " hides its real type behind a double extension"));
            } else if (a.magic().equals("pe") && risk == null) {
                out.add(EmailSignals.ATTACHMENT_DISGUISED.fire(what + " is a Windows program named as ." + a.extension()));
            }
            archive(a, what, view, ctx, out);
        }
    }

    private void archive(MailAttachment a, String what, MessageView view, EmailContext ctx, List<Signal> out) {
        if (a.entries().isEmpty()) {
            return;
        }
        boolean encrypted = false;
        long declared = 0;
        for (ArchiveEntry e : a.entries()) {
            encrypted |= e.encrypted();
            declared += Math.max(0, e.size());
            String ext = MailAttachment.extensionOf(e.name());
            if (e.name().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                out.add(EmailSignals.ATTACHMENT_MACRO.fire(what + " carries VBA macros (" + e.name() + ")"));
                continue;
            }
            FileTypeRisk r = ctx.reference().fileTypeRisk(ext);
            if (r != null && !r.category().equals("archive") && !r.category().equals("html")
                    && !r.category().equals("macro-office")) {
                out.add(EmailSignals.ARCHIVE_EXECUTABLE.fire(what + " contains " + e.name() + " (" + r.category() + ")"));
            } else if (r != null && r.category().equals("macro-office")) {
                out.add(EmailSignals.ATTACHMENT_MACRO.fire(what + " contains macro-enabled " + e.name()));
            } else if (r != null && r.category().equals("html")) {
                out.add(EmailSignals.ATTACHMENT_HTML.fire(what + " contains " + e.name()));
            }
        }
        if (encrypted) {
            Matcher pw = PASSWORD_IN_TEXT.matcher(view.visibleText());
            if (pw.find()) {
                out.add(EmailSignals.ENCRYPTED_ARCHIVE_PASSWORD.fire(what + " is encrypted and the text gives its password: \""
                        + pw.group().strip() + "\""));
            }
        }
        if (declared > BOMB_SIZE && declared > 1000L * Math.max(1, a.size())) {
            out.add(EmailSignals.ARCHIVE_BOMB.fire(what + " claims to expand from " + a.size() + " bytes to " + declared + " bytes"));
        }
    }
}
