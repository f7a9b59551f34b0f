package org.modelgov.privacy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Values that name a special category (GDPR Art. 9) when a column is made of them: religions, ethnic categories
 * (census-style), health conditions, sexual orientations, political parties and leanings. A column is recognised by
 * its distinct values (see {@link PersonalDataScan}), so only categorical columns are read this way, never free
 * text. Some words also mean something else ({@code white} and {@code black} are colours, {@code conservative} is
 * an investment profile): they count only in a column that also holds an unambiguous term of the same category.
 */
final class SpecialCategoryTerms {

    /** A term's category and whether the word alone is ambiguous. */
    record Term(PersonalDataKind kind, boolean ambiguous) {
    }

    private static final Map<String, Term> TERMS = new HashMap<>();

    static {
        add(PersonalDataKind.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS, false, "christian", "christianity", "catholic",
                "roman catholic", "protestant", "anglican", "church of england", "baptist", "methodist", "lutheran",
                "evangelical", "eastern orthodox", "greek orthodox", "muslim", "islam", "islamic", "sunni", "shia",
                "jewish", "judaism", "hindu", "hinduism", "buddhist", "buddhism", "sikh", "sikhism", "jain", "jainism",
                "atheist", "atheism", "agnostic", "mormon", "jehovah's witness", "pagan", "taoist", "taoism", "shinto",
                "bahai", "baha'i", "zoroastrian", "no religion", "humanist", "rastafarian");
        add(PersonalDataKind.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS, true, "orthodox", "quaker", "none", "other");
        add(PersonalDataKind.RACIAL_OR_ETHNIC_ORIGIN, false, "hispanic", "latino", "latina", "latinx",
                "hispanic or latino", "not hispanic or latino", "african american", "black or african american",
                "caucasian", "native american", "american indian or alaska native", "alaska native",
                "pacific islander", "native hawaiian or other pacific islander", "multiracial", "mixed race",
                "two or more races", "white british", "white irish", "white other", "black african",
                "black caribbean", "black british", "british asian", "asian british", "indigenous", "aboriginal",
                "torres strait islander", "gypsy or irish traveller", "mixed white and black caribbean",
                "mixed white and asian", "east asian", "south asian", "middle eastern", "arab");
        add(PersonalDataKind.RACIAL_OR_ETHNIC_ORIGIN, true, "white", "black", "asian", "mixed", "other", "indian", "roma",
                "pakistani", "bangladeshi", "chinese");
        add(PersonalDataKind.HEALTH, false, "diabetes", "type 1 diabetes", "type 2 diabetes", "diabetic", "asthma",
                "hypertension", "breast cancer", "lung cancer", "leukemia", "leukaemia", "hiv",
                "hiv positive", "hiv negative", "aids", "anxiety", "anxiety disorder", "schizophrenia",
                "bipolar", "bipolar disorder", "epilepsy", "copd", "dementia", "alzheimer's", "alzheimers",
                "arthritis", "rheumatoid arthritis", "obesity", "heart disease", "coronary heart disease",
                "heart failure", "hepatitis", "hepatitis b", "hepatitis c", "tuberculosis", "covid-19", "covid",
                "multiple sclerosis", "parkinson's", "parkinsons", "autism", "adhd", "ptsd", "chronic kidney disease",
                "kidney disease", "cystic fibrosis", "sickle cell", "migraine", "pneumonia", "influenza", "pregnant",
                "eating disorder", "anorexia", "bulimia", "substance abuse", "alcoholism");
        // a feature flag is "disabled", a swimmer's "stroke", a star sign "cancer", an economy in "depression"
        add(PersonalDataKind.HEALTH, true, "healthy", "none", "no condition", "disabled", "stroke", "cancer",
                "depression");
        add(PersonalDataKind.SEX_LIFE_OR_SEXUAL_ORIENTATION, false, "heterosexual", "homosexual", "gay", "lesbian",
                "bisexual", "asexual", "pansexual", "queer", "gay or lesbian", "gay man", "gay woman");
        add(PersonalDataKind.SEX_LIFE_OR_SEXUAL_ORIENTATION, true, "straight", "other", "prefer not to say");
        add(PersonalDataKind.POLITICAL_OPINIONS, false, "democrat", "democratic party", "republican",
                "republican party", "labour party", "conservative party", "tory", "liberal democrat",
                "liberal democrats", "green party", "libertarian", "socialist", "communist", "social democrat",
                "christian democrat", "far left", "far right", "left-wing", "right-wing", "snp", "plaid cymru",
                "reform uk", "ukip", "cdu", "spd", "afd", "die linke", "fdp");
        add(PersonalDataKind.POLITICAL_OPINIONS, true, "conservative", "liberal", "green", "independent", "moderate",
                "labour",
                "left", "right", "centre", "center");
    }

    private SpecialCategoryTerms() {
    }

    private static void add(PersonalDataKind kind, boolean ambiguous, String... terms) {
        for (String term : terms) {
            // a word ambiguous in one category and unambiguous in none keeps the first category it was added for;
            // "none" and "other" are ambiguous everywhere and decide nothing alone
            TERMS.putIfAbsent(term, new Term(kind, ambiguous));
        }
    }

    /** The term's category, or null; case and surrounding spaces do not matter. */
    static Term of(String value) {
        return TERMS.get(value.strip().toLowerCase(Locale.ROOT));
    }

    /** Ambiguous words that belong to several categories (none, other): they count for whichever the column is. */
    static final Set<String> SHARED = Set.of("none", "other", "prefer not to say");

    static boolean shared(String value) {
        return SHARED.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
