package org.tocsin.social.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTest {
    @Test
    void retweetPrefixLinksMentionsCaseAndSpacesDoNotMakeTextsDifferent() {
        assertThat(PostText.normalise("RT @PatriotNews: Vote   NOW, @everyone! https://t.co/AbC123 #Election2016"))
                .isEqualTo("vote now, ! #election2016");
        assertThat(PostText.normalise("vote now,   !\n#ELECTION2016 www.example.com/x")).isEqualTo("vote now, ! #election2016");
        assertThat(PostText.normalise("Élection  truquée")).isEqualTo("election truquee");
        assertThat(PostText.normalise("mail me at jane@example.org")).isEqualTo("mail me at jane@example.org"); // not a mention
    }

    @Test
    void hashtagsInOrderLowerCaseNotAnchorsOrEntities() {
        assertThat(PostText.hashtags("#MAGA and #Trump2016 then #maga; page#anchor &#39; #1 ＃Vote"))
                .containsExactly("#maga", "#trump2016", "#maga", "#vote");
    }

    @Test
    void wordsAreRunsOfLettersDigitsAndTags() {
        assertThat(PostText.words("don't stop #resist, 2016!")).containsExactly("don't", "stop", "#resist", "2016");
    }
}
