package org.tocsin.email.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: one message whose Return-Path is a 220 KB run of letters without an '@' kept the address pattern busy
 * for more than 5 minutes (find() retried its greedy run from every start: quadratic). The work is counted, not
 * timed: characters read for n and 2n characters of the worst inputs must roughly double.
 */
class AddressScanTest {
    /** The pattern the scanner replaces: what it found is what the scanner must find. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    /** A text that counts how often it is read. */
    private static final class Counting implements CharSequence {
        private final String s;
        long reads;

        Counting(String s) {
            this.s = s;
        }

        @Override
        public char charAt(int i) {
            reads++;
            return s.charAt(i);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    private static long work(String text) {
        Counting c = new Counting(text);
        AddressParser.firstAddress(c);
        return c.reads;
    }

    @Test
    void workIsLinearOnHeadersWithoutAnAddress() {
        for (String unit : new String[] {"a", "a@", "@a", "ab@", "a b", "a@<"}) {
            String n = unit.repeat(20_000);
            String twice = unit.repeat(40_000);
            long w1 = work(n);
            long w2 = work(twice);
            assertThat((double) w2 / w1).as("work for 2n / work for n, unit '%s' (%d reads for %d chars)", unit, w1, n.length())
                    .isLessThan(2.5);
            assertThat(w1).as("reads per character").isLessThanOrEqualTo(3L * n.length());
        }
    }

    @Test
    void theScannerFindsWhatThePatternFound() {
        Random random = new Random(14);
        String alphabet = "ab@ <>\"'(),;:\t.-_";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            Matcher m = ADDRESS.matcher(text);
            int[] found = AddressParser.firstAddress(text);
            if (m.find()) {
                assertThat(found).as("'%s'", text).containsExactly(m.start(), m.end());
            } else {
                assertThat(found).as("'%s'", text).isNull();
            }
        }
        assertThat(AddressParser.returnPath("<Bounce+X@Mail.Example.com>")).isEqualTo("bounce+x@mail.example.com");
    }
}
