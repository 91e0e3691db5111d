package org.tocsin.email.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxNamesTest {
    @Test
    void generatedMailboxesAreRecognised() {
        assertThat(MailboxNames.generated("JPvgzLn", "LifeStory Coverage Options")).contains("case");
        assertThat(MailboxNames.generated("qqDykcVYc", "Hims Offering")).contains("case");
        assertThat(MailboxNames.generated("rBEqxqW", "PolicyPlug Deals Team")).contains("case");
        assertThat(MailboxNames.generated("CuStomEr_sErVicE", "zkSync")).contains("case");
        assertThat(MailboxNames.generated("b75pcoop8oth", "Rate Kick")).contains("letters and digits");
        assertThat(MailboxNames.generated("elizabethwrightwrfpg", "Elizabeth Wright")).contains("\"wrfpg\"");
        assertThat(MailboxNames.generated("gonzalezdonaldfg7fu", "Donald Gonzalez")).contains("\"fg7fu\"");
        assertThat(MailboxNames.generated("barbarahall1428973", "Barbara Hall")).contains("\"1428973\"");
    }

    @Test
    void chosenMailboxesAreNot() {
        assertThat(MailboxNames.generated("justin.armstrong", "Justin Armstrong")).isNull();
        assertThat(MailboxNames.generated("SonoBelloLipos", "Sono Bello")).isNull(); // CamelCase words
        assertThat(MailboxNames.generated("McCormac", "John McCormac")).isNull();
        assertThat(MailboxNames.generated("eBayDeals", "eBay")).isNull();
        assertThat(MailboxNames.generated("JohnDOE", "John Doe")).isNull();
        assertThat(MailboxNames.generated("johnsmith1970", "John Smith")).isNull(); // a year, not a random tail
        assertThat(MailboxNames.generated("matchsprint", "eric nichols")).isNull();
        // list software's encoded bounce addresses look random for a reason
        assertThat(MailboxNames.generated("Online#3.19578.34-UgGTgZFN19NAr9RR.1", "CNET News.com")).isNull();
        assertThat(MailboxNames.generated("ticket_23aj49j1029828689414", "AuthorTracker")).isNull();
        assertThat(MailboxNames.generated("searchsecurity-f485fcce40b794d5", "SearchSecurity")).isNull();
    }

    @Test
    void paddedBrandDomains() {
        assertThat(MailboxNames.paddedBrand("Omaha Steaks", "omahasteaksuqo")).isEqualTo("omahasteaks");
        assertThat(MailboxNames.paddedBrand("Starbucks", "starbucksisu")).isEqualTo("starbucks");
        assertThat(MailboxNames.paddedBrand("U.S. Postal Service®", "USPSxvo")).isEqualTo("usps");
        assertThat(MailboxNames.paddedBrand("Starbucks", "starbucks")).isNull();
        assertThat(MailboxNames.paddedBrand("Starbucks", "starbucksrewards")).isNull();
        assertThat(MailboxNames.paddedBrand("Nike", "nikeusa")).isNull();
        assertThat(MailboxNames.paddedBrand("The Motley Fool", "motleyfool")).isNull(); // the name itself
        assertThat(MailboxNames.paddedBrand("Michael Moore's Mailing List", "michaelmoore")).isNull();
    }
}
