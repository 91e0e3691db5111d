package org.tocsin.store.stix.pattern;

import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.AND;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.COMMA;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.DOT;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.EOF;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.FOLLOWEDBY;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.IDENTIFIER;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.LBRACK;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.LPAREN;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.NOT;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.OR;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.RBRACK;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.RPAREN;
import static org.tocsin.store.stix.pattern.StixPatternLexer.Kind.STRING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.store.stix.pattern.StixPattern.AnyIndex;
import org.tocsin.store.stix.pattern.StixPattern.BooleanOperator;
import org.tocsin.store.stix.pattern.StixPattern.Comparison;
import org.tocsin.store.stix.pattern.StixPattern.ComparisonExpression;
import org.tocsin.store.stix.pattern.StixPattern.ComparisonJoin;
import org.tocsin.store.stix.pattern.StixPattern.Index;
import org.tocsin.store.stix.pattern.StixPattern.Key;
import org.tocsin.store.stix.pattern.StixPattern.Literal;
import org.tocsin.store.stix.pattern.StixPattern.Observation;
import org.tocsin.store.stix.pattern.StixPattern.ObservationExpression;
import org.tocsin.store.stix.pattern.StixPattern.ObservationJoin;
import org.tocsin.store.stix.pattern.StixPattern.ObservationOperator;
import org.tocsin.store.stix.pattern.StixPattern.Operator;
import org.tocsin.store.stix.pattern.StixPattern.PathStep;
import org.tocsin.store.stix.pattern.StixPattern.Qualified;
import org.tocsin.store.stix.pattern.StixPattern.Qualifier;
import org.tocsin.store.stix.pattern.StixPattern.Repeats;
import org.tocsin.store.stix.pattern.StixPattern.SetValue;
import org.tocsin.store.stix.pattern.StixPattern.StartStop;
import org.tocsin.store.stix.pattern.StixPattern.StringValue;
import org.tocsin.store.stix.pattern.StixPattern.TimestampValue;
import org.tocsin.store.stix.pattern.StixPattern.Within;
import org.tocsin.store.stix.pattern.StixPatternLexer.Kind;

/**
 * Recursive descent over STIXPattern.g4, one method a precedence level: FOLLOWEDBY, then OR, then AND between
 * observations, qualifiers binding tightest; OR then AND between comparisons. Chains of one operator are read by
 * loops, not recursion, so only brackets and parentheses deepen the stack, and those are capped.
 */
final class StixPatternParser {
    /** Real patterns nest a handful deep; the cap keeps a hostile "((((…" from overflowing the stack. */
    static final int MAX_DEPTH = 100;

    /** Observation operators from the loosest binding to the tightest. */
    private static final Kind[] OBSERVATION_KINDS = {FOLLOWEDBY, OR, AND};
    private static final ObservationOperator[] OBSERVATION_OPERATORS =
            {ObservationOperator.FOLLOWEDBY, ObservationOperator.OR, ObservationOperator.AND};

    /**
     * Hex digits in a hash of each algorithm of STIX 2.1's hash-algorithm-ov (§10.10) that has a fixed length; keys
     * are upper-cased without '-', so 'SHA-256', SHA256 and 'sha-256' are all checked.
     */
    private static final Map<String, Integer> HASH_HEX_DIGITS =
            Map.of("MD5", 32, "SHA1", 40, "SHA256", 64, "SHA512", 128, "SHA3256", 64, "SHA3512", 128);

    private static final AnyIndex ANY_INDEX = new AnyIndex();

    private final StixPatternLexer lx;
    private final List<Comparison> comparisons = new ArrayList<>();
    private int depth;
    /** The object type of the comparison expression just read; for the rule that AND stays on one type. */
    private String type;
    /** A second object type in that expression (joined by OR), or null when it has one. */
    private String otherType;

    StixPatternParser(String pattern) {
        this.lx = new StixPatternLexer(pattern);
    }

    StixPattern parse() throws StixPatternException {
        lx.next();
        if (lx.kind == EOF) {
            throw lx.error(lx.start, "the pattern is empty; a STIX pattern looks like [domain-name:value = 'example.com']");
        }
        if (lx.kind != LBRACK && lx.kind != LPAREN) {
            throw lx.error(lx.start, "a pattern starts with '[' or '(': comparisons go inside brackets, as in [file:size = 1280]");
        }
        ObservationExpression e = observations(0);
        if (lx.kind != EOF) {
            throw unexpected("AND, OR, FOLLOWEDBY, a qualifier (WITHIN, REPEATS, START) or the end of the pattern");
        }
        return new StixPattern(lx.source(), e, comparisons);
    }

    // ---- observation expressions

    private ObservationExpression observations(int level) throws StixPatternException {
        if (level == OBSERVATION_KINDS.length) {
            return qualified();
        }
        Kind joiner = OBSERVATION_KINDS[level];
        ObservationExpression first = observations(level + 1);
        if (lx.kind != joiner) {
            return first;
        }
        ObservationOperator op = OBSERVATION_OPERATORS[level];
        List<ObservationExpression> operands = new ArrayList<>();
        addObservation(operands, first, op);
        while (lx.kind == joiner) {
            lx.next();
            addObservation(operands, observations(level + 1), op);
        }
        return new ObservationJoin(op, operands);
    }

    /** (A OR B) OR C is A OR B OR C: one join, however it was parenthesised. */
    private static void addObservation(List<ObservationExpression> operands, ObservationExpression e, ObservationOperator op) {
        if (e instanceof ObservationJoin j && j.operator() == op) {
            operands.addAll(j.operands());
        } else {
            operands.add(e);
        }
    }

    private ObservationExpression qualified() throws StixPatternException {
        ObservationExpression e = observation();
        List<Qualifier> qualifiers = null;
        while (lx.kind == Kind.WITHIN || lx.kind == Kind.REPEATS || lx.kind == Kind.START) {
            int at = lx.start;
            Kind keyword = lx.kind;
            Qualifier q = qualifier();
            if (qualifiers == null) {
                qualifiers = new ArrayList<>(2);
            }
            for (Qualifier seen : qualifiers) {
                if (seen.getClass() == q.getClass()) {
                    throw lx.error(at, "this expression already has a " + keyword.description
                            + " qualifier; an expression takes at most one of each kind");
                }
            }
            qualifiers.add(q);
        }
        return qualifiers == null ? e : new Qualified(e, qualifiers);
    }

    private ObservationExpression observation() throws StixPatternException {
        int open = lx.start;
        if (lx.kind == LBRACK) {
            enter(open);
            lx.next();
            if (lx.kind == RBRACK) {
                throw lx.error(lx.start, "empty observation []: put comparisons inside, as in [domain-name:value = 'example.com']");
            }
            ComparisonExpression c = comparisons(BooleanOperator.OR);
            close(RBRACK, "AND, OR or ']' to close the observation opened at offset " + open);
            return new Observation(c);
        }
        if (lx.kind == LPAREN) {
            enter(open);
            lx.next();
            ObservationExpression e = observations(0);
            close(RPAREN, "AND, OR, FOLLOWEDBY, a qualifier or ')' to close the '(' at offset " + open);
            return e;
        }
        throw unexpected("an observation in brackets, '[', or a '('");
    }

    private Qualifier qualifier() throws StixPatternException {
        Kind keyword = lx.kind;
        lx.next();
        switch (keyword) {
            case WITHIN -> {
                double seconds = positive("WITHIN", "a positive number of seconds", true);
                expect(Kind.SECONDS, "SECONDS, the only unit WITHIN takes");
                return new Within(seconds);
            }
            case REPEATS -> {
                long times = (long) positive("REPEATS", "a positive whole number of times", false);
                expect(Kind.TIMES, "TIMES after REPEATS " + times);
                return new Repeats(times);
            }
            default -> {
                Instant start = timestamp("START");
                expect(Kind.STOP, "STOP and a timestamp after START t'…'");
                int stopAt = lx.start;
                Instant stop = timestamp("STOP");
                if (!stop.isAfter(start)) {
                    throw lx.error(stopAt, "STOP must be later than START, or the window holds nothing");
                }
                return new StartStop(start, stop);
            }
        }
    }

    private double positive(String keyword, String expected, boolean fractions) throws StixPatternException {
        double value;
        if (lx.literal instanceof StixPattern.IntegerValue i) {
            value = i.value();
        } else if (fractions && lx.literal instanceof StixPattern.FloatValue f) {
            value = f.value();
        } else {
            throw unexpected(expected + " after " + keyword);
        }
        if (value <= 0) {
            throw lx.error(lx.start, keyword + " takes " + expected + ", not " + lx.spelling());
        }
        lx.next();
        return value;
    }

    private Instant timestamp(String keyword) throws StixPatternException {
        if (lx.literal instanceof TimestampValue t) {
            lx.next();
            return t.instant();
        }
        if (lx.kind == STRING) {
            throw lx.error(lx.start, keyword + " takes a timestamp literal, not a string: t'2016-06-01T01:30:00Z'");
        }
        throw unexpected("a timestamp t'…' after " + keyword);
    }

    // ---- comparison expressions

    /**
     * Comparisons joined by {@code op}: OR's operands are AND-joins, AND's are single comparisons or parenthesised
     * expressions. Besides the tree, it leaves in {@link #type} and {@link #otherType} which object types the
     * expression is about, and checks that each AND stays on one.
     */
    private ComparisonExpression comparisons(BooleanOperator op) throws StixPatternException {
        Kind joiner = op == BooleanOperator.OR ? OR : AND;
        ComparisonExpression first = op == BooleanOperator.OR ? comparisons(BooleanOperator.AND) : comparisonTerm();
        if (lx.kind != joiner) {
            return first;
        }
        String firstType = type;
        String other = otherType;
        List<ComparisonExpression> operands = new ArrayList<>();
        addComparison(operands, first, op);
        while (lx.kind == joiner) {
            int at = lx.start;
            lx.next();
            addComparison(operands, op == BooleanOperator.OR ? comparisons(BooleanOperator.AND) : comparisonTerm(), op);
            if (op == BooleanOperator.AND && (other != null || otherType != null || !type.equals(firstType))) {
                // STIX 2.1 §9: the comparisons an AND joins inside one observation must match one object
                throw lx.error(at, "inside one observation, AND must join comparisons on one object type, but this AND joins "
                        + types(firstType, other) + " with " + types(type, otherType)
                        + "; to require both objects, write two observations: [ … ] AND [ … ]");
            }
            if (other == null) {
                other = otherType != null ? otherType : type.equals(firstType) ? null : type;
            }
        }
        type = firstType;
        otherType = other;
        return new ComparisonJoin(op, operands);
    }

    private static String types(String one, String other) {
        return other == null ? "'" + one + "'" : "a mix of '" + one + "' and '" + other + "'";
    }

    private static void addComparison(List<ComparisonExpression> operands, ComparisonExpression e, BooleanOperator op) {
        if (e instanceof ComparisonJoin j && j.operator() == op) {
            operands.addAll(j.operands());
        } else {
            operands.add(e);
        }
    }

    private ComparisonExpression comparisonTerm() throws StixPatternException {
        int at = lx.start;
        switch (lx.kind) {
            case LPAREN -> {
                enter(at);
                lx.next();
                ComparisonExpression e = comparisons(BooleanOperator.OR);
                close(RPAREN, "AND, OR or ')' to close the '(' at offset " + at);
                return e;
            }
            case EXISTS -> {
                lx.next();
                return record(objectPath(), Operator.EXISTS, false, null, at);
            }
            case NOT -> {
                lx.next();
                if (lx.kind != Kind.EXISTS) {
                    throw lx.error(at, "NOT goes between the object path and the operator, as in file:name NOT = 'x';"
                            + " only NOT EXISTS comes first");
                }
                lx.next();
                return record(objectPath(), Operator.EXISTS, true, null, at);
            }
            case IDENTIFIER -> {
                return comparison(at);
            }
            default -> throw unexpected("a comparison such as domain-name:value = 'example.com'");
        }
    }

    private Comparison comparison(int at) throws StixPatternException {
        ObjectPath path = objectPath();
        boolean negated = lx.kind == NOT;
        if (negated) {
            lx.next();
        }
        Operator op = switch (lx.kind) {
            case EQ -> Operator.EQ;
            case NEQ -> Operator.NEQ;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            case IN -> Operator.IN;
            case LIKE -> Operator.LIKE;
            case MATCHES -> Operator.MATCHES;
            case ISSUBSET -> Operator.ISSUBSET;
            case ISSUPERSET -> Operator.ISSUPERSET;
            case EXISTS -> throw lx.error(lx.start, "EXISTS goes before the object path: [EXISTS " + path.type + ":" + path.text + "]");
            default -> throw unexpected("a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)"
                    + (negated ? " after NOT" : " after " + path.type + ":" + path.text));
        };
        lx.next();
        String hash = hashAlgorithm(path.steps);
        Literal value;
        switch (op) {
            case EQ, NEQ -> value = value(op, true, hash);
            case LT, LE, GT, GE -> value = value(op, false, null);
            case IN -> value = set(hash);
            default -> {
                if (lx.kind != STRING) {
                    throw unexpected("a quoted string after " + op.symbol());
                }
                value = lx.literal;
                lx.next();
            }
        }
        return record(path, op, negated, value, at);
    }

    private Comparison record(ObjectPath path, Operator op, boolean negated, Literal value, int at) {
        Comparison c = new Comparison(path.type, path.text, path.steps, op, negated, value, at);
        comparisons.add(c);
        type = path.type;
        otherType = null;
        return c;
    }

    /** The literal after {@code op}; {@code hash} names the algorithm when the path is a known hash, else null. */
    private Literal value(Operator op, boolean booleans, String hash) throws StixPatternException {
        Literal value = lx.literal;
        if (value == null) {
            throw unexpected("a value after " + op.symbol() + ": a 'quoted string', number, true, false, t'…', h'…' or b'…'");
        }
        if (!booleans && value instanceof StixPattern.BooleanValue) {
            throw lx.error(lx.start, "true and false have no order; compare them with = or !=");
        }
        if (hash != null) {
            checkHash(value, hash);
        }
        lx.next();
        return value;
    }

    private SetValue set(String hash) throws StixPatternException {
        if (lx.kind != LPAREN) {
            throw unexpected("a set in parentheses after IN, as in IN ('a', 'b')");
        }
        int open = lx.start;
        lx.next();
        List<Literal> elements = new ArrayList<>();
        if (lx.kind != RPAREN) {
            while (true) {
                elements.add(value(Operator.IN, true, hash));
                if (lx.kind == RPAREN) {
                    break;
                }
                if (lx.kind != COMMA) {
                    throw unexpected("',' or ')' to close the set opened at offset " + open);
                }
                lx.next();
            }
        }
        lx.next();
        return new SetValue(elements);
    }

    /** For {@code hashes.'SHA-256'} and the like, the algorithm as written; null when the path is not a known hash. */
    private static String hashAlgorithm(List<PathStep> steps) {
        int n = steps.size();
        if (n >= 2 && steps.get(n - 2) instanceof Key parent && parent.name().equals("hashes") && steps.get(n - 1) instanceof Key k
                && HASH_HEX_DIGITS.containsKey(normalised(k.name()))) {
            return k.name();
        }
        return null;
    }

    private static String normalised(String algorithm) {
        return algorithm.toUpperCase(Locale.ROOT).replace("-", "");
    }

    /** An importer takes an equality on a hash as a file indicator; a value that cannot be that hash is a mistake. */
    private void checkHash(Literal value, String algorithm) throws StixPatternException {
        int digits = HASH_HEX_DIGITS.get(normalised(algorithm));
        if (!(value instanceof StringValue s)) {
            throw lx.error(lx.start, "a " + algorithm + " hash is a quoted string of " + digits + " hex digits");
        }
        String h = s.value();
        if (h.length() != digits) {
            throw lx.error(lx.start, "a " + algorithm + " hash is " + digits + " hex digits, and " + lx.spelling() + " has "
                    + h.length() + " characters");
        }
        for (int i = 0; i < digits; i++) {
            char c = h.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw lx.error(lx.start, "a " + algorithm + " hash is " + digits + " hex digits, and " + lx.spelling()
                        + " has " + StixPatternLexer.describe(c) + " at its character " + (i + 1));
            }
        }
    }

    // ---- object paths

    private record ObjectPath(String type, String text, List<PathStep> steps) {
    }

    private ObjectPath objectPath() throws StixPatternException {
        if (lx.kind != IDENTIFIER) {
            throw unexpected("an object path such as file:name");
        }
        String objectType = lx.text;
        lx.next();
        if (lx.kind != Kind.COLON) {
            throw unexpected("':' after the object type '" + objectType + "' (an object path is type:property, as in file:name)");
        }
        lx.next();
        StringBuilder text = new StringBuilder(16);
        List<PathStep> steps = new ArrayList<>(4);
        key(text, steps, "a property name after ':'");
        while (true) {
            if (lx.kind == DOT) {
                lx.next();
                text.append('.');
                key(text, steps, "a property name or 'quoted key' after '.'");
            } else if (lx.kind == LBRACK) {
                lx.next();
                index(text, steps);
            } else {
                return new ObjectPath(objectType, text.toString(), steps);
            }
        }
    }

    private void key(StringBuilder text, List<PathStep> steps, String expected) throws StixPatternException {
        if (lx.kind == IDENTIFIER && !lx.hyphen) {
            steps.add(new Key(lx.text, false));
        } else if (lx.kind == STRING) {
            steps.add(new Key(lx.text, true));
        } else if (lx.kind == IDENTIFIER) {
            throw lx.error(lx.start, "a property name cannot have a '-' unless quoted: write '" + lx.text + "'");
        } else if (lx.kind.isKeyword() || lx.kind == Kind.BOOLEAN) {
            throw lx.error(lx.start, lx.spelling() + " is a keyword; as a property name, quote it: " + lx.spelling());
        } else {
            throw unexpected(expected);
        }
        text.append(lx.source(), lx.start, lx.end); // as written: a quoted key keeps its quotes and escapes
        lx.next();
    }

    private void index(StringBuilder text, List<PathStep> steps) throws StixPatternException {
        if (lx.kind == Kind.STAR) {
            steps.add(ANY_INDEX);
        } else if (lx.literal instanceof StixPattern.IntegerValue i) {
            if (i.value() > Integer.MAX_VALUE || i.value() < Integer.MIN_VALUE) {
                throw lx.error(lx.start, "list index " + lx.spelling() + " is beyond any list");
            }
            steps.add(new Index((int) i.value()));
        } else {
            throw unexpected("a list index: a whole number, or * for any element");
        }
        text.append('[').append(lx.source(), lx.start, lx.end).append(']');
        lx.next();
        if (lx.kind != RBRACK) {
            throw unexpected("']' to close the list index");
        }
        lx.next();
    }

    // ---- helpers

    private void enter(int offset) throws StixPatternException {
        if (++depth > MAX_DEPTH) {
            throw lx.error(offset, "brackets and parentheses nest more than " + MAX_DEPTH + " deep here; flatten the pattern");
        }
    }

    private void close(Kind closer, String expected) throws StixPatternException {
        if (lx.kind != closer) {
            throw unexpected(expected);
        }
        depth--;
        lx.next();
    }

    private void expect(Kind kind, String expected) throws StixPatternException {
        if (lx.kind != kind) {
            throw unexpected(expected);
        }
        lx.next();
    }

    private StixPatternException unexpected(String expected) {
        String fix = lx.kind == IDENTIFIER ? StixPatternLexer.caseFix(lx.text) : null;
        return lx.error(lx.start, "expected " + expected + ", found " + lx.spelling()
                + (fix == null ? "" : " (keywords are case-sensitive: write " + fix + ")"));
    }
}
