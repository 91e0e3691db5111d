package org.tocsin.store.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tocsin.store.stix.pattern.StixPattern.AnyIndex;
import org.tocsin.store.stix.pattern.StixPattern.BinaryValue;
import org.tocsin.store.stix.pattern.StixPattern.BooleanOperator;
import org.tocsin.store.stix.pattern.StixPattern.BooleanValue;
import org.tocsin.store.stix.pattern.StixPattern.Comparison;
import org.tocsin.store.stix.pattern.StixPattern.ComparisonJoin;
import org.tocsin.store.stix.pattern.StixPattern.FloatValue;
import org.tocsin.store.stix.pattern.StixPattern.HexValue;
import org.tocsin.store.stix.pattern.StixPattern.Index;
import org.tocsin.store.stix.pattern.StixPattern.IntegerValue;
import org.tocsin.store.stix.pattern.StixPattern.Key;
import org.tocsin.store.stix.pattern.StixPattern.Literal;
import org.tocsin.store.stix.pattern.StixPattern.Observation;
import org.tocsin.store.stix.pattern.StixPattern.ObservationExpression;
import org.tocsin.store.stix.pattern.StixPattern.ObservationJoin;
import org.tocsin.store.stix.pattern.StixPattern.ObservationOperator;
import org.tocsin.store.stix.pattern.StixPattern.Operator;
import org.tocsin.store.stix.pattern.StixPattern.Qualified;
import org.tocsin.store.stix.pattern.StixPattern.Repeats;
import org.tocsin.store.stix.pattern.StixPattern.SetValue;
import org.tocsin.store.stix.pattern.StixPattern.StartStop;
import org.tocsin.store.stix.pattern.StixPattern.StringValue;
import org.tocsin.store.stix.pattern.StixPattern.TimestampValue;
import org.tocsin.store.stix.pattern.StixPattern.Within;

class StixPatternTest {

    // ---- the specification's examples and OASIS's validator suite (src/test/resources/stix-patterns)

    static Stream<String> specExamples() throws IOException {
        return patterns("spec-examples.txt").stream();
    }

    static Stream<String> validatorValidCases() throws IOException {
        return patterns("validator-valid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("specExamples")
    void everyExampleOfTheSpecificationParses(String pattern) throws StixPatternException {
        StixPattern p = StixPattern.parse(pattern);
        assertThat(p.comparisons()).isNotEmpty();
        assertThat(p).hasToString(pattern);
    }

    @ParameterizedTest
    @MethodSource("validatorValidCases")
    void everyPatternOasisValidatorAcceptsParses(String pattern) throws StixPatternException {
        assertThat(StixPattern.parse(pattern).comparisons()).isNotEmpty();
    }

    static Stream<Arguments> invalidCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String why = null;
        String pattern = null;
        for (String line : lines("invalid.txt")) {
            if (line.startsWith("#") || line.isBlank() && pattern == null) {
                why = line.startsWith("# ") ? line.substring(2) : why;
            } else if (pattern == null) {
                pattern = line;
            } else {
                assertThat(line.strip()).as("caret line under %s", pattern).isEqualTo("^");
                cases.add(Arguments.of(why, pattern, line.indexOf('^')));
                pattern = null;
            }
        }
        assertThat(pattern).as("a pattern without its caret line").isNull();
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidPatternsFailAtTheOffsetThatIsWrong(String why, String pattern, int offset) {
        StixPatternException e = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse(pattern));
        assertThat(e).as("%s should fail: %s", pattern, why).isNotNull();
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
        assertThat(e.getMessage()).startsWith("offset " + offset + ": ").contains(e.reason());
    }

    // ---- what an importer takes from a pattern

    @Test
    void aDomainIndicatorGivesItsTypeAndValue() throws StixPatternException {
        StixPattern p = StixPattern.parse("[domain-name:value = 'washingtonpost.pm']");
        assertThat(p.isSimpleIndicator()).isTrue();
        Comparison c = p.comparisons().get(0);
        assertThat(c.objectType()).isEqualTo("domain-name");
        assertThat(c.path()).isEqualTo("value");
        assertThat(c.steps()).containsExactly(new Key("value", false));
        assertThat(c.operator()).isEqualTo(Operator.EQ);
        assertThat(c.negated()).isFalse();
        assertThat(c.value()).isEqualTo(new StringValue("washingtonpost.pm"));
        assertThat(c.offset()).isEqualTo(1);
    }

    @Test
    void aFileHashIndicatorKeepsTheQuotedKeyAsWritten() throws StixPatternException {
        String sha = "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f";
        StixPattern p = StixPattern.parse("[ file : hashes . 'SHA-256' = '" + sha + "' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f' ]");
        assertThat(p.isSimpleIndicator()).isTrue();
        assertThat(p.comparisons()).extracting(Comparison::objectType, Comparison::path, Comparison::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("file", "hashes.'SHA-256'", new StringValue(sha)),
                org.assertj.core.groups.Tuple.tuple("file", "hashes.MD5", new StringValue("cead3f77f6cda6ec00f57d76c9a6879f")));
        assertThat(p.comparisons().get(0).steps()).containsExactly(new Key("hashes", false), new Key("SHA-256", true));
    }

    @Test
    void pathsWithListsExtensionsAndEscapedKeys() throws StixPatternException {
        Comparison c = StixPattern.parse("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]").comparisons().get(0);
        assertThat(c.path()).isEqualTo("extensions.'windows-pebinary-ext'.sections[*].entropy");
        assertThat(c.steps()).containsExactly(new Key("extensions", false), new Key("windows-pebinary-ext", true),
                new Key("sections", false), new AnyIndex(), new Key("entropy", false));
        assertThat(c.value()).isEqualTo(new FloatValue(7.0));

        c = StixPattern.parse("[network-traffic:extensions.'http-request-ext'.request_header.'Accept-Encoding' = 'gzip']").comparisons().get(0);
        assertThat(c.steps()).last().isEqualTo(new Key("Accept-Encoding", true));

        c = StixPattern.parse("[x-custom:'o\\'key'[0][-1].a_b = 1]").comparisons().get(0);
        assertThat(c.objectType()).isEqualTo("x-custom");
        assertThat(c.path()).isEqualTo("'o\\'key'[0][-1].a_b");
        assertThat(c.steps()).containsExactly(new Key("o'key", true), new Index(0), new Index(-1), new Key("a_b", false));
    }

    @Test
    void onlyOneObservationOfPlainEqualitiesJoinedByOrIsASimpleIndicator() throws StixPatternException {
        assertThat(StixPattern.parse("[url:value = 'https://a/' OR url:value = 'https://b/' OR domain-name:value = 'c']").isSimpleIndicator()).isTrue();
        assertThat(StixPattern.parse("([ipv4-addr:value = '198.51.100.7'])").isSimpleIndicator()).isTrue();
        for (String notSimple : List.of(
                "[domain-name:value != 'x.com']",
                "[domain-name:value NOT = 'x.com']",
                "[domain-name:value LIKE '%.x.com']",
                "[domain-name:value IN ('x.com', 'y.com')]",
                "[file:name = 'a.exe' AND file:size = 5]",
                "[file:name = 'a.exe' OR file:name = 'b.exe' AND file:size = 5]",
                "[domain-name:value = 'x.com'] OR [domain-name:value = 'y.com']",
                "[domain-name:value = 'x.com'] REPEATS 5 TIMES",
                "[EXISTS domain-name:value]")) {
            assertThat(StixPattern.parse(notSimple).isSimpleIndicator()).as(notSimple).isFalse();
        }
    }

    @Test
    void comparisonsComeInTheOrderWritten() throws StixPatternException {
        StixPattern p = StixPattern.parse("([a:one = 1] FOLLOWEDBY [b:two = 2 OR c:three = 3]) WITHIN 5 SECONDS OR [d:four NOT LIKE 'x%']");
        assertThat(p.comparisons()).extracting(Comparison::path).containsExactly("one", "two", "three", "four");
        Comparison last = p.comparisons().get(3);
        assertThat(last.negated()).isTrue();
        assertThat(last.operator()).isEqualTo(Operator.LIKE);
    }

    // ---- precedence and structure

    @Test
    void observationAndBindsBeforeOrWhichBindsBeforeFollowedBy() throws StixPatternException {
        ObservationExpression e = StixPattern.parse("[a:x = 1] AND [a:x = 2] FOLLOWEDBY [a:x = 3] OR [a:x = 4] AND [a:x = 5]").expression();
        ObservationJoin followedBy = (ObservationJoin) e;
        assertThat(followedBy.operator()).isEqualTo(ObservationOperator.FOLLOWEDBY);
        assertThat(shape(followedBy)).isEqualTo("FOLLOWEDBY(AND(1,2),OR(3,AND(4,5)))");
    }

    @Test
    void parenthesesRegroupAndSameOperatorChainsAreOneJoin() throws StixPatternException {
        assertThat(shape(StixPattern.parse("([a:x = 1] OR [a:x = 2]) AND [a:x = 3]").expression())).isEqualTo("AND(OR(1,2),3)");
        assertThat(shape(StixPattern.parse("([a:x = 1] OR [a:x = 2]) OR ([a:x = 3] OR [a:x = 4])").expression())).isEqualTo("OR(1,2,3,4)");
        assertThat(shape(StixPattern.parse("[a:x = 1] FOLLOWEDBY ([a:x = 2] FOLLOWEDBY [a:x = 3])").expression()))
                .isEqualTo("FOLLOWEDBY(1,2,3)");
    }

    @Test
    void qualifiersBindToTheNearestObservationOrGroup() throws StixPatternException {
        assertThat(shape(StixPattern.parse("[a:x = 1] AND [a:x = 2] WITHIN 5 SECONDS").expression())).isEqualTo("AND(1,2 WITHIN)");
        assertThat(shape(StixPattern.parse("([a:x = 1] AND [a:x = 2]) WITHIN 5 SECONDS").expression())).isEqualTo("AND(1,2) WITHIN");
        Qualified q = (Qualified) StixPattern.parse(
                "[a:x = 1] REPEATS 5 TIMES WITHIN 1800.5 SECONDS START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.5Z'").expression();
        assertThat(q.qualifiers()).containsExactly(new Repeats(5), new Within(1800.5),
                new StartStop(Instant.parse("2016-06-01T00:00:00Z"), Instant.parse("2016-07-01T00:00:00.5Z")));
        // a qualifier again on a parenthesised, already qualified expression is a new expression, so allowed
        assertThat(shape(StixPattern.parse("([a:x = 1] WITHIN 5 SECONDS) WITHIN 6 SECONDS").expression())).isEqualTo("1 WITHIN WITHIN");
    }

    @Test
    void comparisonAndBindsBeforeOr() throws StixPatternException {
        Observation o = (Observation) StixPattern.parse("[a:x = 1 OR a:y = 2 AND a:z = 3]").expression();
        ComparisonJoin or = (ComparisonJoin) o.comparison();
        assertThat(or.operator()).isEqualTo(BooleanOperator.OR);
        assertThat(or.operands().get(0)).isInstanceOf(Comparison.class);
        assertThat(((ComparisonJoin) or.operands().get(1)).operator()).isEqualTo(BooleanOperator.AND);

        o = (Observation) StixPattern.parse("[(a:x = 1 OR a:y = 2) AND a:z = 3]").expression();
        ComparisonJoin and = (ComparisonJoin) o.comparison();
        assertThat(and.operator()).isEqualTo(BooleanOperator.AND);
        assertThat(((ComparisonJoin) and.operands().get(0)).operator()).isEqualTo(BooleanOperator.OR);
    }

    @Test
    void orMayMixObjectTypesAndAndMayNot() throws StixPatternException {
        StixPattern.parse("[file:name = 'a' OR process:name = 'b']");
        StixPattern.parse("[file:name = 'a' OR (process:name = 'b' AND process:pid = 4)]");
        StixPattern.parse("[(file:name = 'a' AND file:size = 1) OR (process:name = 'b' AND process:pid = 4)]");
        StixPatternException e = catchThrowableOfType(StixPatternException.class,
                () -> StixPattern.parse("[file:name = 'a' AND process:name = 'b']"));
        assertThat(e.reason()).contains("'file'", "'process'", "[ … ] AND [ … ]");
    }

    // ---- literals

    @Test
    void stringsResolveExactlyTheTwoEscapes() throws StixPatternException {
        assertThat(value("'o\\'brien'")).isEqualTo(new StringValue("o'brien"));
        assertThat(value("'C:\\\\Windows\\\\System32'")).isEqualTo(new StringValue("C:\\Windows\\System32"));
        assertThat(value("'\\\\\\''")).isEqualTo(new StringValue("\\'"));
        assertThat(value("''")).isEqualTo(new StringValue(""));
        assertThat(value("'tab\tnew\nline ünï 𝄞 \u0000'")).isEqualTo(new StringValue("tab\tnew\nline ünï 𝄞 \u0000"));
        assertThat(value("'] OR [x:y = '")).isEqualTo(new StringValue("] OR [x:y = "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\n", "\\t", "\\x41", "\\u0041", "\\\"", "\\/", "\\0", "\\ "})
    void anyOtherBackslashIsAnErrorAtTheBackslash(String escape) {
        String pattern = "[x:y = 'ab" + escape + "']";
        StixPatternException e = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse(pattern));
        assertThat(e.offset()).isEqualTo(10);
        assertThat(e.reason()).contains("only \\' (a quote) and \\\\ (a backslash)");
    }

    @Test
    void numbersFollowTheGrammar() throws StixPatternException {
        assertThat(value("0")).isEqualTo(new IntegerValue(0));
        assertThat(value("+5")).isEqualTo(new IntegerValue(5));
        assertThat(value("-5")).isEqualTo(new IntegerValue(-5));
        assertThat(value("9007199254740991")).isEqualTo(new IntegerValue(9007199254740991L));
        assertThat(value("-9007199254740991")).isEqualTo(new IntegerValue(-9007199254740991L));
        assertThat(value(".5")).isEqualTo(new FloatValue(0.5));
        assertThat(value("-0.25")).isEqualTo(new FloatValue(-0.25));
        assertThat(value("+007.5")).isEqualTo(new FloatValue(7.5)); // the grammar lets floats keep leading zeros
    }

    @Test
    void booleansAreLowerCase() throws StixPatternException {
        assertThat(value("true")).isEqualTo(new BooleanValue(true));
        assertThat(value("false")).isEqualTo(new BooleanValue(false));
        assertThatThrownBy(() -> value("TRUE")).hasMessageContaining("write true");
    }

    @Test
    void timestampsAreRfc3339InUtcAndOnTheCalendar() throws StixPatternException {
        assertThat(value("t'2014-01-13T07:03:17Z'")).isEqualTo(new TimestampValue("2014-01-13T07:03:17Z", Instant.parse("2014-01-13T07:03:17Z")));
        assertThat(((TimestampValue) value("t'2016-06-01T01:30:00.123Z'")).instant()).isEqualTo(Instant.parse("2016-06-01T01:30:00.123Z"));
        assertThat(((TimestampValue) value("t'2016-06-01T01:30:00.1234567891234Z'")).instant())
                .isEqualTo(Instant.parse("2016-06-01T01:30:00.123456789Z"));
        assertThat(((TimestampValue) value("t'2024-02-29T00:00:00Z'")).instant()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(((TimestampValue) value("t'2016-12-31T23:59:60Z'")).instant()).isEqualTo(Instant.parse("2016-12-31T23:59:59.999999999Z"));
    }

    @Test
    void hexAndBase64DecodeToBytes() throws StixPatternException {
        assertThat(((HexValue) value("h'ffD8'")).bytes()).containsExactly(0xff, 0xd8);
        assertThat(((HexValue) value("h''")).bytes()).isEmpty();
        assertThat(((BinaryValue) value("b'dGhpcyBpcyBhIHRlc3Q='")).bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("this is a test");
        assertThat(((BinaryValue) value("b'QQ=='")).bytes()).containsExactly('A');
        assertThat(((BinaryValue) value("b'+/+/'")).bytes()).hasSize(3);
    }

    @Test
    void setsHoldAnyPrimitiveLiterals() throws StixPatternException {
        Comparison c = StixPattern.parse("[x:y NOT IN ('a', 1, 2.5, true, t'2020-01-01T00:00:00Z', h'00', b'AAAA')]").comparisons().get(0);
        assertThat(c.negated()).isTrue();
        assertThat(((SetValue) c.value()).elements()).hasSize(7).first().isEqualTo(new StringValue("a"));
        assertThat(((SetValue) value("()", "IN")).elements()).isEmpty();
    }

    @Test
    void existsTakesNoValueAndMayBeNegated() throws StixPatternException {
        Comparison c = StixPattern.parse("[EXISTS windows-registry-key:values]").comparisons().get(0);
        assertThat(c).extracting(Comparison::operator, Comparison::negated, Comparison::path, Comparison::value)
                .containsExactly(Operator.EXISTS, false, "values", null);
        c = StixPattern.parse("[NOT EXISTS windows-registry-key:values AND windows-registry-key:key = 'HKEY_LOCAL_MACHINE']").comparisons().get(0);
        assertThat(c).extracting(Comparison::operator, Comparison::negated).containsExactly(Operator.EXISTS, true);
    }

    @Test
    void equalsAndNotEqualsHaveTheGrammarsAlternativeSpellings() throws StixPatternException {
        assertThat(StixPattern.parse("[x:y == 1]").comparisons().get(0).operator()).isEqualTo(Operator.EQ);
        assertThat(StixPattern.parse("[x:y <> 1]").comparisons().get(0).operator()).isEqualTo(Operator.NEQ);
        assertThat(StixPattern.parse("[x:y NOT <= 1]").comparisons().get(0)).extracting(Comparison::operator, Comparison::negated)
                .containsExactly(Operator.LE, true);
    }

    // ---- whitespace, comments, keywords

    @Test
    void whitespaceIsTheGrammarsSetAnywhereBetweenTokens() throws StixPatternException {
        String spaced = "\t[\n domain-name\u00a0:\u3000value\r\n=\u2003'x.com'\u2029]\u0085 ";
        assertThat(StixPattern.parse(spaced).comparisons().get(0).value()).isEqualTo(new StringValue("x.com"));
        assertThat(StixPattern.parse("[x:y='a']OR[x:y='b']").comparisons()).hasSize(2);
        // the spec's own example has no space in MATCHES'…'; the grammar's lexer also reads 5SECONDS as two tokens
        assertThat(StixPattern.parse("[x:y MATCHES'^a'] WITHIN 5SECONDS").comparisons()).hasSize(1);
    }

    @Test
    void otherInvisibleCharactersAreErrorsNamedByCodePoint() {
        StixPatternException e = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse("[x:y\u200b= 'a']"));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.reason()).contains("U+200B");
    }

    @Test
    void commentsAreSkippedAsTheGrammarSays() throws StixPatternException {
        StixPattern p = StixPattern.parse("/* lure domains */ [domain-name:value = 'a.com' // first\n OR domain-name:value = '/* not a comment */']");
        assertThat(p.comparisons()).extracting(Comparison::value)
                .containsExactly(new StringValue("a.com"), new StringValue("/* not a comment */"));
    }

    @Test
    void keywordsAreCaseSensitiveAndNamesMayContainThem() throws StixPatternException {
        assertThat(StixPattern.parse("[ANDROID:ORDER = 1 AND ANDROID:INDEX = 2]").comparisons()).extracting(Comparison::objectType)
                .containsOnly("ANDROID");
        assertThat(StixPattern.parse("[x-and:or_not = 1]").comparisons().get(0).objectType()).isEqualTo("x-and");
        StixPatternException e = catchThrowableOfType(StixPatternException.class,
                () -> StixPattern.parse("[x:y = 1] followedby [x:y = 2]"));
        assertThat(e.reason()).contains("write FOLLOWEDBY");
    }

    // ---- errors a person can act on

    @Test
    void theMessageShowsWhereWithACaret() {
        StixPatternException e = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse("[file.size = 1280]"));
        assertThat(e.getMessage()).isEqualTo("""
                offset 5: expected ':' after the object type 'file' (an object path is type:property, as in file:name), found '.'
                  [file.size = 1280]
                       ^""");
        assertThat(e.getErrorOffset()).isEqualTo(5);
    }

    @Test
    void emptyAndNullPatterns() {
        assertThat(catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse("")).offset()).isZero();
        assertThat(catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse("   ")).reason()).contains("empty");
        assertThatThrownBy(() -> StixPattern.parse(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- hostile input: large, long, deep (no timing assertions: the parser is one pass, and these would take
    // minutes if it backtracked)

    @Test
    void aOneMegabytePatternOfManyComparisonsParses() throws StixPatternException {
        StringBuilder b = new StringBuilder("[domain-name:value = 'd0.example'");
        int n = 1;
        while (b.length() < 1 << 20) {
            b.append(" OR domain-name:value = 'd").append(n++).append(".example'");
        }
        StixPattern p = StixPattern.parse(b.append(']').toString());
        assertThat(p.comparisons()).hasSize(n);
        assertThat(p.isSimpleIndicator()).isTrue();
        assertThat(p.comparisons().get(n - 1).value()).isEqualTo(new StringValue("d" + (n - 1) + ".example"));
    }

    @Test
    void aOneMegabyteValueRoundTrips() throws StixPatternException {
        String value = "a'b\\c".repeat(200_000);
        String escaped = value.replace("\\", "\\\\").replace("'", "\\'");
        assertThat(StixPattern.parse("[url:value = '" + escaped + "']").comparisons().get(0).value()).isEqualTo(new StringValue(value));
    }

    @Test
    void oneMegabyteOfHostileInputFailsCleanly() {
        int mb = 1 << 20;
        assertFailsAt("[url:value = '" + "a".repeat(mb), 13);                       // a string never closed
        assertFailsAt("[url:value = '" + "\\'".repeat(mb / 2), 13);                 // nothing but escaped quotes
        assertFailsAt("[x:y = " + "9".repeat(mb) + "]", 7);                         // an integer of a million digits
        assertFailsAt("[x:y = 1" + " OR x:y = 1".repeat(mb / 11) + " AND z:y = 1]", mb / 11 * 11 + 9); // the type rule, at the end
        assertFailsAt("[x:y = 1] " + "/* ".repeat(mb / 3), 10);                      // a comment never closed
        assertFailsAt("[x:y = h'" + "0".repeat(mb - 1) + "']", 7);                  // hex with an odd number of digits
        assertFailsAt("[x:y = b'" + "A".repeat(mb - 1) + "']", 7);                  // base64 not in groups of four
        assertFailsAt("[x:y = 1]" + " ".repeat(mb) + "x", mb + 9);                  // trailing garbage after a megabyte of spaces
    }

    @Test
    void nestingIsCappedSoDeepInputCannotOverflowTheStack() throws StixPatternException {
        int max = StixPatternParser.MAX_DEPTH;
        String deepest = "(".repeat(max - 1) + "[x:y = 1]" + ")".repeat(max - 1);
        assertThat(StixPattern.parse(deepest).comparisons()).hasSize(1);
        assertThat(StixPattern.parse("[" + "(".repeat(max - 1) + "x:y = 1" + ")".repeat(max - 1) + "]").comparisons()).hasSize(1);
        assertFailsAt("(".repeat(max) + "[x:y = 1]" + ")".repeat(max), max);
        assertFailsAt("(".repeat(1 << 20), max);
        assertFailsAt("[" + "(".repeat(1 << 20), max);
    }

    // ---- helpers

    private static void assertFailsAt(String pattern, int offset) {
        StixPatternException e = catchThrowableOfType(StixPatternException.class, () -> StixPattern.parse(pattern));
        assertThat(e).as("should fail at %d", offset).isNotNull();
        assertThat(e.offset()).as(e.reason()).isEqualTo(offset);
        assertThat(e.getMessage().length()).as("the message quotes only the neighbourhood").isLessThan(400);
    }

    private static Literal value(String literal) throws StixPatternException {
        return value(literal, "=");
    }

    private static Literal value(String literal, String operator) throws StixPatternException {
        return StixPattern.parse("[x:y " + operator + " " + literal + "]").comparisons().get(0).value();
    }

    /** A compact picture of the observation tree: each observation by its value, joins as OP(…), qualifiers after. */
    private static String shape(ObservationExpression e) {
        if (e instanceof Observation o) {
            return String.valueOf(((IntegerValue) ((Comparison) o.comparison()).value()).value());
        }
        if (e instanceof Qualified q) {
            StringBuilder s = new StringBuilder(shape(q.expression()));
            q.qualifiers().forEach(x -> s.append(' ').append(x.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)));
            return s.toString();
        }
        ObservationJoin j = (ObservationJoin) e;
        return j.operator() + "(" + String.join(",", j.operands().stream().map(StixPatternTest::shape).toList()) + ")";
    }

    private static List<String> patterns(String resource) throws IOException {
        return lines(resource).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static List<String> lines(String resource) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                StixPatternTest.class.getResourceAsStream("/stix-patterns/" + resource), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }
}
