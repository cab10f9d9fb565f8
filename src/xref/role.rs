//! Posts as roles: "Defence Minister", "Minister of Defense" and "Secretary of National
//! Defense" are one role; the king and the crown prince are two.

use std::collections::BTreeSet;

use super::key::normalize;

/// Words that say nothing of the role: articles, the country's formal name, "national".
const FILLER: [&str; 9] = ["the", "of", "for", "and", "national", "republic", "islamic", "federal", "state"];

/// The role a post's title names, as a short stable key: `head-of-government`,
/// `minister:defense`, `monarch`, `crown-prince` … or, for a title it does not know, the
/// title's words (filler dropped) in order.
pub(crate) fn role(title: &str) -> String {
    let normalized = normalize(title).replace("defence", "defense");
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let phrase = |p: &str| normalized.contains(p);
    // Words that name no post of their own ("Russian leader", "Minister Kamikawa").
    let vague = ["leader", "minister", "secretary", "official", "counterpart", "dictator", "head", "chief"];
    let significant: Vec<&str> = words.iter().copied().filter(|w| !FILLER.contains(w)).collect();
    if significant.len() == 1 && vague.contains(&significant[0]) {
        return String::new();
    }
    if has("spokesman") || has("spokeswoman") || has("spokesperson") || phrase("press secretary") {
        return "spokesperson".to_owned();
    }
    if phrase("crown prince") {
        return "crown-prince".to_owned();
    }
    if has("deputy") || has("vice") {
        let rest: Vec<&str> = words.iter().copied().filter(|w| !matches!(*w, "deputy" | "vice")).collect();
        return format!("deputy:{}", role(&rest.join(" ")));
    }
    if has("king") || has("queen") || has("emir") || has("sultan") || has("monarch") {
        return "monarch".to_owned();
    }
    if phrase("prime minister") || has("premier") || has("chancellor") {
        return "head-of-government".to_owned();
    }
    let body = ["senate", "parliament", "assembly", "congress", "court", "bank", "committee", "council", "party"];
    if has("president") && !body.iter().any(|b| has(b)) {
        return "president".to_owned();
    }
    if has("minister") || has("secretary") {
        let portfolio = if has("defense") || phrase("armed forces") {
            "defense"
        } else if has("foreign") || phrase("external affairs") {
            "foreign"
        } else if has("general") {
            return "secretary-general".to_owned();
        } else {
            ""
        };
        if !portfolio.is_empty() {
            return format!("minister:{portfolio}");
        }
    }
    let kept: Vec<&str> = words.iter().copied().filter(|w| !FILLER.contains(w)).collect();
    kept.join(" ")
}

/// The roles of a person's posts.
pub(crate) fn roles<'a>(titles: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    titles.map(role).filter(|r| !r.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::role;

    #[test]
    fn titles_of_one_role_share_it() {
        for (a, b) in [
            ("Defence Minister", "Minister of Defense"),
            ("Secretary of National Defense", "Defense Minister"),
            ("Japanese Foreign Minister", "Minister for Foreign Affairs"),
            ("Foreign Affairs Secretary", "Foreign Minister"),
            ("Prime Minister", "Prime Minister of Papua New Guinea"),
            ("President", "President of the Islamic Republic of Iran"),
            ("Kremlin spokesman", "Putin’s spokesperson"),
        ] {
            assert_eq!(role(a), role(b), "{a} / {b}");
        }
    }

    #[test]
    fn vague_titles_name_no_role() {
        assert_eq!(role("Leader"), "");
        assert_eq!(role("Secretary"), "");
        assert_ne!(role("Defense Secretary"), "");
    }

    #[test]
    fn different_roles_differ() {
        for (a, b) in [
            ("King", "Crown Prince"),
            ("Prime Minister", "Deputy Prime Minister"),
            ("President", "Senate President"),
            ("Defense Minister", "Foreign Minister"),
            ("President", "Vice President"),
        ] {
            assert_ne!(role(a), role(b), "{a} / {b}");
        }
    }
}
