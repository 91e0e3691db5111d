package org.tocsin.store;

import java.util.Locale;

/**
 * Traffic Light Protocol levels, least restrictive first, with the marking-definition ids STIX 2.1 predefines
 * for TLP 1.0 (§7.2.1.4). TLP 2.0's CLEAR is read as WHITE and AMBER+STRICT as AMBER.
 */
public enum Tlp {
    WHITE("613f2e26-407d-48c7-9eca-b8e91df99dc9"), GREEN("34098fce-860f-48ae-8e50-ebd3cc5e41da"),
    AMBER("f88d31f6-486f-44da-b317-01333bde0b82"), RED("5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    private final String uuid;

    Tlp(String uuid) {
        this.uuid = uuid;
    }

    /** The STIX marking-definition id. */
    public String stixId() {
        return "marking-definition--" + uuid;
    }

    /** The lower-case word stored and shown: white, green, amber, red. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a word, "TLP:" prefix and TLP 2.0 names accepted; anything else is an IllegalArgumentException naming the choices. */
    public static Tlp parse(String s) {
        String w = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        w = w.startsWith("tlp:") ? w.substring(4) : w;
        return switch (w) {
            case "white", "clear" -> WHITE;
            case "green" -> GREEN;
            case "amber", "amber+strict" -> AMBER;
            case "red" -> RED;
            default -> throw new IllegalArgumentException("TLP is white (clear), green, amber or red, not '" + s + "'");
        };
    }

    /** The less restrictive of two: what a thing seen under both may be shared as. */
    public static Tlp leastRestrictive(Tlp a, Tlp b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
