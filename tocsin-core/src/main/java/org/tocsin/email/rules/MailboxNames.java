package org.tocsin.email.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.text.TextFold;

/**
 * How the names of a sending mailbox were made. People and organisations choose their mailbox names;
 * bulk scam tools generate them by the thousand, and the generator shows: letters of random case
 * ({@code JPvgzLn@}), letters and digits shuffled together ({@code b75pcoop8oth@}), the sender's own name
 * with a random tail to get past "name taken" ({@code elizabethwrightwrfpg@gmail.com}), or a brand with a
 * few random letters added to register a fresh domain ({@code omahasteaksuqo.com} for "Omaha Steaks").
 *
 * <p>Mailing-list software writes encoded bounce addresses (VERP: {@code list-bounces+id=host@}) that look
 * random for a good reason; local parts with such encodings are left alone.
 */
final class MailboxNames {
    private static final Pattern SEPARATORS = Pattern.compile("[._+-]");
    private static final Pattern CONSONANT_RUN = Pattern.compile("[bcdfghjklmnpqrstvwxz]{3}");
    private static final Pattern CAMEL_CASE = Pattern.compile(
            "(?:[a-z]+|[A-Z][a-z]+|[A-Z]+(?=[A-Z][a-z]{2,}|$))(?:[A-Z][a-z]{2,}|[A-Z]{2,}(?=[A-Z][a-z]{2,}|$))*");
    private static final Pattern LETTER_RUN = Pattern.compile("[a-z]+");
    private static final Pattern LETTER_OR_DIGIT_RUN = Pattern.compile("[a-z]+|[0-9]+");
    /** Words brands add to their own names in honest domains (starbucksrewards.com is not starbucksisu.com). */
    private static final Set<String> HONEST_SUFFIXES = Set.of("mail", "news", "online", "shop", "store", "group",
            "usa", "us", "uk", "inc", "app", "apps", "hq", "tv", "co", "corp", "llc", "ltd", "web", "net", "pay", "bank",
            "card", "club", "team", "info", "media", "world", "now", "home", "life", "hub", "pro", "plus", "go", "my",
            "de", "br", "fr", "es", "it", "nl", "au", "ca", "eu", "mx", "int", "deals", "tech", "labs", "mag", "blog");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sr", "sra", "prof", "sir");

    private MailboxNames() {
    }

    /** Why the local part looks generated, or {@code null} when it looks chosen. */
    static @Nullable String generated(String localPart, String displayName) {
        String local = localPart.strip();
        if (local.isEmpty() || local.indexOf('=') >= 0 || local.indexOf('#') >= 0
                || SEPARATORS.matcher(local).results().count() > 2) {
            return null; // list software's encoded bounce addresses
        }
        for (String part : SEPARATORS.split(local)) {
            if (part.chars().allMatch(Character::isLetter) && randomCase(part)) {
                return "\"" + part + "\" mixes upper and lower case at random";
            }
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.length() >= 8 && lower.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                    && LETTER_OR_DIGIT_RUN.matcher(lower).results().count() >= 5
                    && LETTER_RUN.matcher(lower).results().count() >= 3 // not a ticket number with a prefix
                    && lower.chars().anyMatch(c -> c > 'f' && c <= 'z')) { // nor a hexadecimal list id
                return "\"" + part + "\" shuffles letters and digits";
            }
        }
        String tail = nameTail(local.toLowerCase(Locale.ROOT).replaceAll("[._+-]", ""), displayName);
        if (tail != null) {
            return "it is the sender's name plus the random tail \"" + tail + "\"";
        }
        return null;
    }

    /**
     * Letters that do not read as CamelCase words: {@code qqDykcVYc}, {@code rBEqxqW}, {@code CuStomEr}. Words
     * ({@code SonoBelloLipos}, {@code McCormac}, {@code eBay}) and acronyms ({@code JohnDOE}) read fine.
     */
    static boolean randomCase(String letters) {
        long uppers = letters.chars().filter(Character::isUpperCase).count();
        return letters.length() >= 5 && uppers >= 2 && uppers < letters.length() && !CAMEL_CASE.matcher(letters).matches();
    }

    /** The random tail after the display name's words in the local part, or {@code null}. */
    private static @Nullable String nameTail(String local, String displayName) {
        List<String> words = nameWords(displayName);
        if (words.size() < 2) {
            return null;
        }
        List<String> prefixes = List.of(String.join("", words), words.get(0) + words.get(words.size() - 1),
                words.get(words.size() - 1) + words.get(0));
        for (String prefix : prefixes) {
            if (prefix.length() >= 6 && local.startsWith(prefix) && local.length() > prefix.length()) {
                String tail = local.substring(prefix.length());
                boolean letters = tail.chars().allMatch(Character::isLetter);
                boolean digits = tail.chars().allMatch(Character::isDigit);
                if ((letters && tail.length() >= 4 && CONSONANT_RUN.matcher(tail).find())
                        || (digits && tail.length() >= 5)
                        || (!letters && !digits && tail.length() >= 4 && tail.chars().filter(Character::isLetter).count() >= 2)) {
                    return tail;
                }
            }
        }
        return null;
    }

    private static List<String> nameWords(String displayName) {
        List<String> out = new ArrayList<>();
        for (String w : TextFold.fold(displayName).split("[^a-z]+")) {
            if (w.length() >= 2 && !HONORIFICS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The brand that the sender's domain label pads with a few random letters ({@code omahasteaksuqo} for
     * "Omaha Steaks", {@code uspsxvo} for "U.S. Postal Service"), or {@code null}.
     */
    static @Nullable String paddedBrand(String displayName, String domainLabel) {
        String label = domainLabel.toLowerCase(Locale.ROOT).replace("-", "");
        List<String> words = new ArrayList<>();
        for (String w : TextFold.fold(displayName).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty() || words.size() > 5 || String.join("", words).contains(label)) {
            return null; // the label is the name itself, or part of it (motleyfool.com for "The Motley Fool")
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(String.join("", words));
        if (words.size() >= 3) {
            StringBuilder initials = new StringBuilder();
            words.forEach(w -> initials.append(w.charAt(0)));
            candidates.add(initials.toString());
        }
        for (String w : words) {
            if (w.length() >= 5) {
                candidates.add(w);
            }
        }
        for (String brand : candidates) {
            if (brand.length() < 4 || !label.startsWith(brand)) {
                continue;
            }
            String tail = label.substring(brand.length());
            if (tail.length() >= 2 && tail.length() <= 5 && tail.chars().allMatch(Character::isLetter)
                    && !HONEST_SUFFIXES.contains(tail)) {
                return brand;
            }
        }
        return null;
    }
}
