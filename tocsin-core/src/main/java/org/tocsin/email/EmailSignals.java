package org.tocsin.email;

import java.util.List;
import org.tocsin.signal.SignalDefinition;

/**
 * Every email signal: id, meaning, default weight and ATT&amp;CK technique. The rules in
 * {@code email.rules} fire these and nothing else; docs/signals.md is generated from this list.
 *
 * <p>Weights are on one scale: a reason of 4 or more is strong enough on its own to make a message
 * suspicious (the default cut-off is 3.5), and a score of 8 or more is malicious. They were set from what each rule means, then checked on labelled mail with
 * {@code tocsin email eval} (see docs/email-triage.md).
 */
public final class EmailSignals {
    private EmailSignals() {
    }

    // sender
    public static final SignalDefinition DISPLAY_NAME_SPOOF = new SignalDefinition("EMAIL_DISPLAY_NAME_SPOOF",
            "The display name is that of a protected person or known contact, but the address is not one of theirs.",
            6, "T1656");
    public static final SignalDefinition DISPLAY_NAME_BRAND = new SignalDefinition("EMAIL_DISPLAY_NAME_BRAND",
            "The display name claims a protected organisation or a major provider whose domains do not send this mail.",
            4, "T1656");
    public static final SignalDefinition DISPLAY_NAME_ADDRESS = new SignalDefinition("EMAIL_DISPLAY_NAME_ADDRESS",
            "The display name holds an e-mail address or domain other than the real sender's.",
            3, "T1656");
    public static final SignalDefinition REPLY_TO_MISMATCH = new SignalDefinition("EMAIL_REPLY_TO_MISMATCH",
            "Replies go to a different domain than the sender's; weighted up (3) when they go to free mail, the sender is"
                    + " impersonated or From claims a protected or provider domain.",
            1, "T1585.002");
    public static final SignalDefinition RETURN_PATH_MISMATCH = new SignalDefinition("EMAIL_RETURN_PATH_MISMATCH",
            "The envelope sender (Return-Path) is on another domain while From claims a provider's domain, or (weight 4)"
                    + " the defended organisation's own domain.",
            2, "T1672");
    public static final SignalDefinition SENDER_HEADER_MISMATCH = new SignalDefinition("EMAIL_SENDER_HEADER_MISMATCH",
            "A Sender header names a different domain than From while From claims a protected or provider domain.",
            1.5, "T1672");
    public static final SignalDefinition FREEMAIL_CLAIMS_ORG = new SignalDefinition("EMAIL_FREEMAIL_CLAIMS_ORG",
            "A free-mail account presents itself as an organisation, a provider or a support team.",
            3, "T1585.002");
    public static final SignalDefinition SENDER_LOOKALIKE = new SignalDefinition("EMAIL_SENDER_LOOKALIKE_DOMAIN",
            "The sender's domain imitates a protected organisation, a contact's organisation or a major provider.",
            6, "T1583.001");
    public static final SignalDefinition FROM_MALFORMED = new SignalDefinition("EMAIL_FROM_MALFORMED",
            "The From header is malformed: no usable address, a domain without a dot, or several mailboxes made by an"
                    + " unquoted comma. Mail software does not write that; bulk phishing tools do.",
            4, "T1672");
    public static final SignalDefinition SENDER_HOSTED_DOMAIN = new SignalDefinition("EMAIL_SENDER_HOSTED_DOMAIN",
            "The sender's domain belongs to a free hosting or cloud-trial platform (web.app, onmicrosoft.com, ...),"
                    + " not to an organisation of its own.",
            3, "T1583.006");
    public static final SignalDefinition SENDER_MACHINE_DOMAIN = new SignalDefinition("EMAIL_SENDER_MACHINE_DOMAIN",
            "The sender's domain name looks machine-made (three or more digits, or a label of 20+ characters).",
            1.5, "T1583.001");
    public static final SignalDefinition SENDER_ABUSED_TLD = new SignalDefinition("EMAIL_SENDER_ABUSED_TLD",
            "The sender's domain is under a top-level domain with a high share of abusive registrations.",
            1.5, "T1583.001");
    public static final SignalDefinition DISPLAY_NAME_REFERENCE = new SignalDefinition("EMAIL_DISPLAY_NAME_REFERENCE",
            "The sender's name carries a long number or a case, contract or protocol tag, to look like a system notice.",
            2, "T1656");
    public static final SignalDefinition SENDER_ADDRESS_BRAND = new SignalDefinition("EMAIL_SENDER_ADDRESS_BRAND",
            "The sender's mailbox name claims a provider or protected brand on an unrelated domain.",
            1.5, "T1656");
    public static final SignalDefinition GOVERNMENT_NAME_OFF_GOV = new SignalDefinition("EMAIL_GOVERNMENT_NAME_OFF_GOV",
            "The sender's name speaks for a court, tax office, police, election office or other government body, but"
                    + " the mail does not come from a government domain (.gov, .gov.br, .gouv.fr, ...).",
            2, "T1656");
    public static final SignalDefinition SENDER_GENERATED_MAILBOX = new SignalDefinition("EMAIL_SENDER_GENERATED_MAILBOX",
            "The sender's mailbox name was generated, not chosen: random case (JPvgzLn@), letters and digits shuffled"
                    + " (b75pcoop8oth@), or the sender's own name with a random tail (elizabethwrightwrfpg@).",
            1.5, "T1585.002");
    public static final SignalDefinition SENDER_PADDED_BRAND_DOMAIN = new SignalDefinition("EMAIL_SENDER_PADDED_BRAND_DOMAIN",
            "The sender's domain is its display name padded with a few random letters (omahasteaksuqo.com for"
                    + " \"Omaha Steaks\"): a throwaway registration dressed as the brand.",
            3, "T1583.001");
    public static final SignalDefinition SENDER_NAME_UNRELATED = new SignalDefinition("EMAIL_SENDER_NAME_UNRELATED",
            "The display name presents an organisation whose name appears in no domain of the message: not the"
                    + " sender's, not the reply address's, not any link's. Since the 2024 bulk-sender rules of Google and"
                    + " Yahoo an organisation's From domain must align with its own DKIM signature.",
            1.5, "T1656");

    // links
    public static final SignalDefinition LINK_TEXT_MISMATCH = new SignalDefinition("EMAIL_LINK_TEXT_MISMATCH",
            "A link shows one domain in its text but leads to another.",
            4, "T1566.002");
    public static final SignalDefinition LINK_SHORTENER = new SignalDefinition("EMAIL_LINK_SHORTENER",
            "A link goes through a URL shortener, hiding its destination.",
            2, "T1608.005");
    public static final SignalDefinition LINK_OPEN_REDIRECT = new SignalDefinition("EMAIL_LINK_OPEN_REDIRECT",
            "A link uses a trusted site's open redirect to reach another destination.",
            3, "T1608.005");
    public static final SignalDefinition LINK_IP_LITERAL = new SignalDefinition("EMAIL_LINK_IP_LITERAL",
            "A link points at a bare IP address (including decimal, octal and hex forms) instead of a name.",
            3, "T1566.002");
    public static final SignalDefinition LINK_USERINFO = new SignalDefinition("EMAIL_LINK_USERINFO",
            "A link hides its real host behind user@ text (https://trusted.com@evil.example/).",
            5, "T1566.002");
    public static final SignalDefinition LINK_PUNYCODE = new SignalDefinition("EMAIL_LINK_PUNYCODE",
            "A link host is an internationalised (punycode) name that renders as other characters.",
            2, "T1583.001");
    public static final SignalDefinition LINK_INVISIBLE_CHARS = new SignalDefinition("EMAIL_LINK_INVISIBLE_CHARS",
            "A link or its text contains right-to-left or zero-width characters that disguise it.",
            4, "T1027");
    public static final SignalDefinition LINK_ABUSED_HOSTING = new SignalDefinition("EMAIL_LINK_ABUSED_HOSTING",
            "A link leads to a free hosting, sharing or form service commonly used for credential pages.",
            2, "T1583.006");
    public static final SignalDefinition LINK_LOOKALIKE = new SignalDefinition("EMAIL_LINK_LOOKALIKE_DOMAIN",
            "A link domain imitates a protected organisation, a contact's organisation or a major provider.",
            5, "T1583.001");
    public static final SignalDefinition LINK_SCRIPT_URI = new SignalDefinition("EMAIL_LINK_SCRIPT_URI",
            "A link uses a data: or vbscript: URI, which renders or runs content without a web address.",
            4, "T1027.006");
    public static final SignalDefinition LINK_ABUSED_TLD = new SignalDefinition("EMAIL_LINK_ABUSED_TLD",
            "A link host is under a top-level domain with a high share of abusive registrations.",
            2, "T1583.001");
    public static final SignalDefinition LINK_BRAND_IN_URL = new SignalDefinition("EMAIL_LINK_BRAND_IN_URL",
            "A link's path or subdomain names a provider or protected brand on an unrelated host.",
            2, "T1656");

    // content
    public static final SignalDefinition CREDENTIAL_FORM = new SignalDefinition("EMAIL_CREDENTIAL_FORM",
            "The message or an HTML attachment contains a form with a password field.",
            6, "T1056.003");
    public static final SignalDefinition FORM_EXTERNAL_POST = new SignalDefinition("EMAIL_FORM_EXTERNAL_POST",
            "A form in the message sends a login, card, bank or identity number to a web address.",
            3, "T1598.003");
    public static final SignalDefinition SIGN_IN_LURE = new SignalDefinition("EMAIL_SIGN_IN_LURE",
            "The text asks the reader to sign in, verify or update an account to see something.",
            2.5, "T1598.003");
    public static final SignalDefinition SECURITY_ALERT_LURE = new SignalDefinition("EMAIL_SECURITY_ALERT_LURE",
            "The text poses as a security or account alert (unusual sign-in, suspension, expiring password, full mailbox).",
            2.5, "T1566.002");
    public static final SignalDefinition URGENCY = new SignalDefinition("EMAIL_URGENCY",
            "The text pressures the reader with deadlines or threats (within 24 hours, final notice).",
            1.5, "T1566");
    public static final SignalDefinition PAYMENT_LURE = new SignalDefinition("EMAIL_PAYMENT_LURE",
            "The text is a payment, invoice, refund, prize or parcel-fee lure.",
            1.5, "T1566");
    public static final SignalDefinition PRIZE_LURE = new SignalDefinition("EMAIL_PRIZE_LURE",
            "The text promises a prize, reward, voucher, points or refund.",
            1.5, "T1566");
    public static final SignalDefinition DELIVERY_LURE = new SignalDefinition("EMAIL_DELIVERY_LURE",
            "The text claims a parcel is held or a delivery or customs fee is due.",
            2, "T1566");
    public static final SignalDefinition CRYPTO_LURE = new SignalDefinition("EMAIL_CRYPTO_LURE",
            "The text is a cryptocurrency lure (airdrop, wallet connection, seed phrase, crypto reward).",
            1.5, "T1566");
    public static final SignalDefinition EXTORTION_LURE = new SignalDefinition("EMAIL_EXTORTION_LURE",
            "The text claims the reader's device was hacked or recorded and demands payment.",
            2, "T1566");
    public static final SignalDefinition GENERIC_GREETING = new SignalDefinition("EMAIL_GENERIC_GREETING",
            "The text greets a generic \"customer\" or \"user\", as mass mailings do.",
            1.5, "T1566");
    public static final SignalDefinition SUBJECT_LURE = new SignalDefinition("EMAIL_SUBJECT_LURE",
            "The subject line itself is a lure (account alert, payment, prize, delivery, urgency).",
            2, "T1566");
    public static final SignalDefinition RECIPIENT_IN_SUBJECT = new SignalDefinition("EMAIL_RECIPIENT_IN_SUBJECT",
            "The subject, the sender's name or the greeting quotes the recipient's own address, a mass-personalisation"
                    + " trick: the sender knows nothing else about them.",
            1.5, "T1566");
    public static final SignalDefinition CONFUSABLE_TEXT = new SignalDefinition("EMAIL_CONFUSABLE_TEXT",
            "The subject or display name dresses words in look-alike characters (mixed scripts in one word,"
                    + " mathematical or full-width letters).",
            3, "T1027");
    public static final SignalDefinition INVISIBLE_TEXT_CHARS = new SignalDefinition("EMAIL_INVISIBLE_TEXT_CHARS",
            "The subject or text is laced with invisible characters (zero-width, bidi controls, tag characters)"
                    + " that split words for filters.",
            2.5, "T1027");
    public static final SignalDefinition TEXT_OBFUSCATION = new SignalDefinition("EMAIL_TEXT_OBFUSCATION",
            "Random tokens are glued into words (\"AX34QDmazon\", \"verifiqueXJ34DNLwlN\") to defeat filters and"
                    + " duplicate detection.",
            3, "T1027");
    public static final SignalDefinition SCAM_OFFER_LURE = new SignalDefinition("EMAIL_SCAM_OFFER_LURE",
            "The text pushes an offer of the bulk-scam trade: pills without prescription, casino bonuses, dating,"
                    + " miracle cures, easy loans, insurance or home-improvement quotes.",
            1.5, "T1566");
    public static final SignalDefinition ADVANCE_FEE_LURE = new SignalDefinition("EMAIL_ADVANCE_FEE_LURE",
            "The text is an advance-fee lure: an inheritance, donation, fund or large sum waiting for the reader.",
            2, "T1566");
    public static final SignalDefinition CALLBACK_LURE = new SignalDefinition("EMAIL_CALLBACK_LURE",
            "The text reports a charge, renewal or order and asks the reader to call a phone number to cancel it.",
            2, "T1566");
    public static final SignalDefinition NO_READABLE_TEXT = new SignalDefinition("EMAIL_NO_READABLE_TEXT",
            "The message shows almost no readable text: only an image and a link, or nothing, so filters read nothing.",
            3, "T1027");
    public static final SignalDefinition INTERVIEW_LURE = new SignalDefinition("EMAIL_INTERVIEW_LURE",
            "An interview or comment request, the rapport-building lure APT42 used posing as journalists.",
            1.5, "T1598");
    public static final SignalDefinition EVENT_INVITATION_LURE = new SignalDefinition("EMAIL_EVENT_INVITATION_LURE",
            "An invitation to speak at or join a conference, webinar or panel, as APT42 used posing as organisers.",
            1.5, "T1598");
    public static final SignalDefinition COLLABORATION_LURE = new SignalDefinition("EMAIL_COLLABORATION_LURE",
            "A think-tank or research collaboration proposal, as APT42 used posing as fellows.",
            1.5, "T1598");
    public static final SignalDefinition DOCUMENT_SHARED_LURE = new SignalDefinition("EMAIL_DOCUMENT_SHARED_LURE",
            "A notice that a document was shared or awaits review, from a sender that is not the sharing service.",
            2.5, "T1566.002");
    public static final SignalDefinition HIDDEN_TEXT = new SignalDefinition("EMAIL_HIDDEN_TEXT",
            "The HTML hides text from the reader (display:none, zero font size) beyond a short preview line, to fool filters.",
            3, "T1027");
    public static final SignalDefinition IMAGE_ON_SHARING_SITE = new SignalDefinition("EMAIL_IMAGE_ON_SHARING_SITE",
            "The message's pictures load from a public image-sharing site (imgur, Twitter's image CDN, ImgBB):"
                    + " brands serve their own images, throwaway campaigns borrow someone else's.",
            1.5, "T1583.006");
    public static final SignalDefinition HTML_REFRESH = new SignalDefinition("EMAIL_HTML_REFRESH",
            "The HTML (body or attachment) redirects the reader on its own with a meta refresh.",
            2, "T1027.006");
    public static final SignalDefinition ACTION_LINK_ONLY = new SignalDefinition("EMAIL_SINGLE_ACTION_LINK",
            "A short message whose whole point is one call-to-action link or button.",
            1, "T1204.001");

    // combinations
    public static final SignalDefinition LURE_WITH_EVASION = new SignalDefinition("EMAIL_LURE_WITH_EVASION",
            "A lure comes with a disguise: a hidden or throwaway destination, or a sender that hides who it is.",
            1.5, "T1566");

    public static final SignalDefinition LURE_STACK = new SignalDefinition("EMAIL_LURE_STACK",
            "The text stacks lures of two or more kinds (a prize and a deadline, an inheritance and a fee), which"
                    + " the cap on lure words alone does not count.",
            1, "T1566");
    public static final SignalDefinition FREEMAIL_MONEY_LURE = new SignalDefinition("EMAIL_FREEMAIL_MONEY_LURE",
            "A money lure (inheritance, crypto, prize, payment, order, extortion) from a free-mail account: banks,"
                    + " exchanges and shops do not write from gmail.com.",
            1.5, "T1585.002");

    public static final SignalDefinition VERIFIED_KNOWN_SENDER = new SignalDefinition("EMAIL_VERIFIED_KNOWN_SENDER",
            "A trusted server verified (DMARC pass) that the mail comes from a provider's, a contact's or the defended"
                    + " organisation's own domain, where alert and sign-in wording is expected.",
            -3, "T1672");

    // attachments
    public static final SignalDefinition ATTACHMENT_EXECUTABLE = new SignalDefinition("EMAIL_ATTACHMENT_EXECUTABLE",
            "An attachment is a program, script or shortcut that runs when opened.",
            7, "T1204.002");
    public static final SignalDefinition ATTACHMENT_HTML = new SignalDefinition("EMAIL_ATTACHMENT_HTML",
            "An HTML or SVG attachment: opened locally it can show a credential page or smuggle a payload.",
            3, "T1027.006");
    public static final SignalDefinition ATTACHMENT_DISK_IMAGE = new SignalDefinition("EMAIL_ATTACHMENT_DISK_IMAGE",
            "An ISO, IMG or VHD attachment, used to bypass Mark-of-the-Web.",
            6, "T1553.005");
    public static final SignalDefinition ATTACHMENT_MACRO = new SignalDefinition("EMAIL_ATTACHMENT_MACRO",
            "A macro-enabled Office document.",
            5, "T1204.002");
    public static final SignalDefinition ARCHIVE_EXECUTABLE = new SignalDefinition("EMAIL_ARCHIVE_EXECUTABLE",
            "An attached archive holds a program, script, shortcut or disk image.",
            7, "T1204.002");
    public static final SignalDefinition ENCRYPTED_ARCHIVE_PASSWORD = new SignalDefinition("EMAIL_ENCRYPTED_ARCHIVE_PASSWORD",
            "An encrypted archive is attached and its password is given in the message, to blind scanners.",
            5, "T1027.013");
    public static final SignalDefinition ATTACHMENT_DISGUISED = new SignalDefinition("EMAIL_ATTACHMENT_DISGUISED",
            "An attachment's name hides its type (double extension, padding) or its content contradicts its name.",
            5, "T1036.007");
    public static final SignalDefinition ATTACHMENT_PASSWORD = new SignalDefinition("EMAIL_ATTACHMENT_PASSWORD",
            "The text gives the password to open an attached file, so scanners cannot look inside it.",
            3, "T1027.013");
    public static final SignalDefinition ARCHIVE_BOMB = new SignalDefinition("EMAIL_ARCHIVE_BOMB",
            "An attached archive claims to expand to an extreme size (a decompression bomb).",
            3, "T1027");

    // authentication
    public static final SignalDefinition AUTH_DMARC_FAIL = new SignalDefinition("EMAIL_AUTH_DMARC_FAIL",
            "A trusted authentication server found the From domain's DMARC check failing.",
            4, "T1672");
    public static final SignalDefinition AUTH_SPF_FAIL = new SignalDefinition("EMAIL_AUTH_SPF_FAIL",
            "A trusted authentication server found the sending host not authorised by SPF (fail or softfail).",
            1.5, "T1672");
    public static final SignalDefinition AUTH_DKIM_FAIL = new SignalDefinition("EMAIL_AUTH_DKIM_FAIL",
            "A trusted authentication server found a DKIM signature that does not verify.",
            1, "T1672");
    public static final SignalDefinition AUTH_PROTECTED_DOMAIN_FAIL = new SignalDefinition("EMAIL_AUTH_PROTECTED_DOMAIN_FAIL",
            "Mail claims a protected organisation's own domain but fails authentication: direct spoofing.",
            6, "T1672");
    public static final SignalDefinition AUTH_ALIGNED_PASS = new SignalDefinition("EMAIL_AUTH_ALIGNED_PASS",
            "A trusted authentication server verified the From domain (DMARC pass). It proves who owns the domain, not"
                    + " that the domain is honest (bulk scam senders authenticate their own domains), so it weighs nothing.",
            0, "T1672");

    public static List<SignalDefinition> all() {
        return List.of(DISPLAY_NAME_SPOOF, DISPLAY_NAME_BRAND, DISPLAY_NAME_ADDRESS, REPLY_TO_MISMATCH,
                RETURN_PATH_MISMATCH, SENDER_HEADER_MISMATCH, FREEMAIL_CLAIMS_ORG, SENDER_LOOKALIKE,
                FROM_MALFORMED, SENDER_HOSTED_DOMAIN, SENDER_MACHINE_DOMAIN, SENDER_ABUSED_TLD, DISPLAY_NAME_REFERENCE,
                SENDER_ADDRESS_BRAND, GOVERNMENT_NAME_OFF_GOV, SENDER_GENERATED_MAILBOX, SENDER_PADDED_BRAND_DOMAIN, SENDER_NAME_UNRELATED,
                LINK_TEXT_MISMATCH, LINK_SHORTENER, LINK_OPEN_REDIRECT, LINK_IP_LITERAL, LINK_USERINFO,
                LINK_PUNYCODE, LINK_INVISIBLE_CHARS, LINK_ABUSED_HOSTING, LINK_LOOKALIKE, LINK_SCRIPT_URI,
                LINK_ABUSED_TLD, LINK_BRAND_IN_URL,
                CREDENTIAL_FORM, FORM_EXTERNAL_POST, SIGN_IN_LURE, SECURITY_ALERT_LURE, URGENCY, PAYMENT_LURE,
                PRIZE_LURE, DELIVERY_LURE, CRYPTO_LURE, EXTORTION_LURE, GENERIC_GREETING, SUBJECT_LURE,
                ADVANCE_FEE_LURE, SCAM_OFFER_LURE, CALLBACK_LURE, RECIPIENT_IN_SUBJECT, CONFUSABLE_TEXT, INVISIBLE_TEXT_CHARS, TEXT_OBFUSCATION, NO_READABLE_TEXT,
                INTERVIEW_LURE, EVENT_INVITATION_LURE, COLLABORATION_LURE, DOCUMENT_SHARED_LURE, HIDDEN_TEXT,
                IMAGE_ON_SHARING_SITE,
                HTML_REFRESH, ACTION_LINK_ONLY,
                LURE_WITH_EVASION, LURE_STACK, FREEMAIL_MONEY_LURE, VERIFIED_KNOWN_SENDER,
                ATTACHMENT_EXECUTABLE, ATTACHMENT_HTML, ATTACHMENT_DISK_IMAGE, ATTACHMENT_MACRO,
                ARCHIVE_EXECUTABLE, ENCRYPTED_ARCHIVE_PASSWORD, ATTACHMENT_PASSWORD, ATTACHMENT_DISGUISED, ARCHIVE_BOMB,
                AUTH_DMARC_FAIL, AUTH_SPF_FAIL, AUTH_DKIM_FAIL, AUTH_PROTECTED_DOMAIN_FAIL, AUTH_ALIGNED_PASS);
    }
}
