package org.tocsin.social.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.Confusables;
import org.tocsin.domain.EditDistance;
import org.tocsin.profile.Contact;
import org.tocsin.profile.Organization;
import org.tocsin.profile.Person;
import org.tocsin.profile.Profile;
import org.tocsin.text.TextFold;

/**
 * Accounts presenting as the profile's people, contacts or organisations: the handle or display name, folded and
 * stripped of separators and digits, has the same confusable skeleton as a protected name (ICU's UTS #39, as for
 * domains: {@code JaneR0e} is {@code janeroe}), is one edit from it, or contains it. The profile names no
 * genuine handles, so an exact match is reported too: the analyst knows which account is the real one.
 */
public final class PersonaCheck {
    /** Names shorter than this (after folding) match too much to mean anything. */
    private static final int MIN_NAME = 6;

    private record Protected(String name, String skeleton, boolean organization) {
    }

    /** An account that looks like a protected name. */
    public record PersonaMatch(String accountId, String shown, String impersonates, String how, String technique) {
    }

    private final List<Protected> names = new ArrayList<>();

    public PersonaCheck(Profile profile) {
        for (Person p : profile.people()) {
            add(p.name(), false);
        }
        for (Contact c : profile.contacts()) {
            add(c.name(), false);
        }
        for (Organization o : profile.organizations()) {
            add(o.name(), true);
            o.brands().forEach(b -> add(b, true));
        }
    }

    private void add(String name, boolean organization) {
        if (name == null) {
            return;
        }
        String k = key(name);
        if (k.length() >= MIN_NAME && names.stream().noneMatch(p -> p.skeleton().equals(k))) {
            names.add(new Protected(name, k, organization));
        }
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The first protected name the account's id or shown name imitates. */
    public Optional<PersonaMatch> check(String accountId, @Nullable String shown) {
        for (String s : shown == null || shown.equals(accountId) ? List.of(accountId) : List.of(shown, accountId)) {
            String k = key(s);
            if (k.length() < MIN_NAME - 1) {
                continue;
            }
            for (Protected p : names) {
                String how = null;
                if (k.equals(p.skeleton())) {
                    how = TextFold.fold(s).replaceAll("[^\\p{L}]", "").equals(TextFold.fold(p.name()).replaceAll("[^\\p{L}]", ""))
                            ? "the same name" : "a confusable spelling of the name";
                } else if (EditDistance.damerauLevenshtein(k, p.skeleton(), 1) <= 1) {
                    how = "one edit from the name";
                } else if (k.contains(p.skeleton())) {
                    how = "the name with additions";
                }
                if (how != null) {
                    String technique = how.equals("the same name") ? "T0143.003" : "T0146.005";
                    return Optional.of(new PersonaMatch(accountId, s, p.name(), "\"" + s + "\" is " + how + " \"" + p.name() + "\"",
                            technique));
                }
            }
        }
        return Optional.empty();
    }

    /** Folded, confusables resolved, letters only: "Jane_R0e 2024" and "janeroe" are one key. */
    static String key(String s) {
        return Confusables.skeleton(TextFold.fold(s)).replaceAll("[^\\p{L}]", "");
    }
}
