package org.tocsin.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tocsin.signal.SignalDefinition;

/**
 * The domain catalogue: one signal per {@link LookalikeKind} ({@code DOMAIN_LOOKALIKE_TLD_SWAP}, …), weighted
 * by the kind's score and citing DISARM T0149.003 (Lookalike Domain). The ATT&CK side of the same act,
 * T1583.001 (Acquire Infrastructure: Domains), is carried on every alert beside it.
 */
public final class DomainSignals {
    public static final String DISARM_TECHNIQUE = "T0149.003";
    public static final String ATTACK_TECHNIQUE = "T1583.001";

    private static final Map<LookalikeKind, SignalDefinition> BY_KIND = new EnumMap<>(LookalikeKind.class);

    static {
        for (LookalikeKind k : LookalikeKind.values()) {
            BY_KIND.put(k, new SignalDefinition("DOMAIN_LOOKALIKE_" + k.name(), k.meaning(), k.baseScore(), DISARM_TECHNIQUE));
        }
    }

    private DomainSignals() {
    }

    public static @Nullable SignalDefinition of(LookalikeKind kind) {
        return BY_KIND.get(kind);
    }

    public static List<SignalDefinition> all() {
        return new ArrayList<>(BY_KIND.values());
    }
}
