//! State identity: an actor's ISO 3166 country code and its Correlates of War code name the
//! same state, and one COW code names one state actor at a time.
//!
//! The research tables key states by their COW code: an actor whose code contradicts its
//! country, or two state actors sharing a code, give rows for the wrong state or a state allied
//! with itself (a 630–630 dyad). One pass over the actors with a hash map: linear.

use super::{Checker, Code, FastMap, Path};
use crate::values::DayKey;

/// COW state numbers and the ISO 3166 alpha-3 codes of the same state, former codes included
/// (COW keeps one number across a change of name or regime: 365 is the USSR and the Russian
/// Federation, 345 Yugoslavia, Serbia and Montenegro, and Serbia). From the COW State System
/// Membership List v2016 (<https://correlatesofwar.org/data-sets/state-system-membership>)
/// and its ISO crosswalk in the `countrycode` package's code list. A code absent here is not
/// checked against the country.
const COW_ISO: &[(u16, &[&str])] = &[
    (2, &["USA"]),
    (20, &["CAN"]),
    (31, &["BHS"]),
    (40, &["CUB"]),
    (41, &["HTI"]),
    (42, &["DOM"]),
    (51, &["JAM"]),
    (52, &["TTO"]),
    (53, &["BRB"]),
    (54, &["DMA"]),
    (55, &["GRD"]),
    (56, &["LCA"]),
    (57, &["VCT"]),
    (58, &["ATG"]),
    (60, &["KNA"]),
    (70, &["MEX"]),
    (80, &["BLZ"]),
    (90, &["GTM"]),
    (91, &["HND"]),
    (92, &["SLV"]),
    (93, &["NIC"]),
    (94, &["CRI"]),
    (95, &["PAN"]),
    (100, &["COL"]),
    (101, &["VEN"]),
    (110, &["GUY"]),
    (115, &["SUR"]),
    (130, &["ECU"]),
    (135, &["PER"]),
    (140, &["BRA"]),
    (145, &["BOL"]),
    (150, &["PRY"]),
    (155, &["CHL"]),
    (160, &["ARG"]),
    (165, &["URY"]),
    (200, &["GBR"]),
    (205, &["IRL"]),
    (210, &["NLD"]),
    (211, &["BEL"]),
    (212, &["LUX"]),
    (220, &["FRA"]),
    (221, &["MCO"]),
    (223, &["LIE"]),
    (225, &["CHE"]),
    (230, &["ESP"]),
    (232, &["AND"]),
    (235, &["PRT"]),
    (255, &["DEU"]),
    (260, &["DEU"]),
    (265, &["DDR"]),
    (290, &["POL"]),
    (305, &["AUT"]),
    (310, &["HUN"]),
    (315, &["CSK"]),
    (316, &["CZE"]),
    (317, &["SVK"]),
    (325, &["ITA"]),
    (331, &["SMR"]),
    (338, &["MLT"]),
    (339, &["ALB"]),
    (341, &["MNE"]),
    (343, &["MKD"]),
    (344, &["HRV"]),
    (345, &["YUG", "SCG", "SRB"]),
    (346, &["BIH"]),
    (349, &["SVN"]),
    (350, &["GRC"]),
    (352, &["CYP"]),
    (355, &["BGR"]),
    (359, &["MDA"]),
    (360, &["ROU"]),
    (365, &["SUN", "RUS"]),
    (366, &["EST"]),
    (367, &["LVA"]),
    (368, &["LTU"]),
    (369, &["UKR"]),
    (370, &["BLR"]),
    (371, &["ARM"]),
    (372, &["GEO"]),
    (373, &["AZE"]),
    (375, &["FIN"]),
    (380, &["SWE"]),
    (385, &["NOR"]),
    (390, &["DNK"]),
    (395, &["ISL"]),
    (402, &["CPV"]),
    (403, &["STP"]),
    (404, &["GNB"]),
    (411, &["GNQ"]),
    (420, &["GMB"]),
    (432, &["MLI"]),
    (433, &["SEN"]),
    (434, &["BEN"]),
    (435, &["MRT"]),
    (436, &["NER"]),
    (437, &["CIV"]),
    (438, &["GIN"]),
    (439, &["BFA", "HVO"]),
    (450, &["LBR"]),
    (451, &["SLE"]),
    (452, &["GHA"]),
    (461, &["TGO"]),
    (471, &["CMR"]),
    (475, &["NGA"]),
    (481, &["GAB"]),
    (482, &["CAF"]),
    (483, &["TCD"]),
    (484, &["COG"]),
    (490, &["COD", "ZAR"]),
    (500, &["UGA"]),
    (501, &["KEN"]),
    (510, &["TZA"]),
    (516, &["BDI"]),
    (517, &["RWA"]),
    (520, &["SOM"]),
    (522, &["DJI"]),
    (530, &["ETH"]),
    (531, &["ERI"]),
    (540, &["AGO"]),
    (541, &["MOZ"]),
    (551, &["ZMB"]),
    (552, &["ZWE", "RHO"]),
    (553, &["MWI"]),
    (560, &["ZAF"]),
    (565, &["NAM"]),
    (570, &["LSO"]),
    (571, &["BWA"]),
    (572, &["SWZ"]),
    (580, &["MDG"]),
    (581, &["COM"]),
    (590, &["MUS"]),
    (591, &["SYC"]),
    (600, &["MAR"]),
    (615, &["DZA"]),
    (616, &["TUN"]),
    (620, &["LBY"]),
    (625, &["SDN"]),
    (626, &["SSD"]),
    (630, &["IRN"]),
    (640, &["TUR"]),
    (645, &["IRQ"]),
    (651, &["EGY"]),
    (652, &["SYR"]),
    (660, &["LBN"]),
    (663, &["JOR"]),
    (666, &["ISR"]),
    (670, &["SAU"]),
    (678, &["YEM"]),
    (679, &["YEM"]),
    (680, &["YMD"]),
    (690, &["KWT"]),
    (692, &["BHR"]),
    (694, &["QAT"]),
    (696, &["ARE"]),
    (698, &["OMN"]),
    (700, &["AFG"]),
    (701, &["TKM"]),
    (702, &["TJK"]),
    (703, &["KGZ"]),
    (704, &["UZB"]),
    (705, &["KAZ"]),
    (710, &["CHN"]),
    (712, &["MNG"]),
    (713, &["TWN"]),
    (731, &["PRK"]),
    (732, &["KOR"]),
    (740, &["JPN"]),
    (750, &["IND"]),
    (760, &["BTN"]),
    (770, &["PAK"]),
    (771, &["BGD"]),
    (775, &["MMR", "BUR"]),
    (780, &["LKA"]),
    (781, &["MDV"]),
    (790, &["NPL"]),
    (800, &["THA"]),
    (811, &["KHM"]),
    (812, &["LAO"]),
    (816, &["VNM", "VDR"]),
    (820, &["MYS"]),
    (830, &["SGP"]),
    (835, &["BRN"]),
    (840, &["PHL"]),
    (850, &["IDN"]),
    (860, &["TLS"]),
    (900, &["AUS"]),
    (910, &["PNG"]),
    (920, &["NZL"]),
    (935, &["VUT"]),
    (940, &["SLB"]),
    (946, &["KIR"]),
    (947, &["TUV"]),
    (950, &["FJI"]),
    (955, &["TON"]),
    (983, &["MHL"]),
    (986, &["PLW"]),
    (987, &["FSM"]),
    (990, &["WSM"]),
];

/// The ISO codes of the state with this COW number, when the table knows it.
fn iso_codes(cow: u16) -> Option<&'static [&'static str]> {
    COW_ISO.binary_search_by_key(&cow, |(c, _)| *c).ok().and_then(|i| COW_ISO.get(i)).map(|(_, iso)| *iso)
}

/// A well-formed COW state number (`Identifier::is_well_formed` has checked the form).
fn cow_number(value: &str) -> Option<u16> {
    value.parse().ok()
}

/// `country_code_mismatch` and `duplicate_state_code`.
pub(super) fn check(c: &mut Checker<'_>) {
    let d = c.dossier;
    let list = Path::ROOT.key("actors");
    // Per COW number, the state actors with it: (founded, dissolved, actor, identifier).
    type Life = (Option<DayKey>, Option<DayKey>, usize, usize);
    let mut states: FastMap<u16, Vec<Life>> = FastMap::default();
    for (i, actor) in d.actors.iter().enumerate() {
        let at = list.index(i);
        for (j, id) in actor.identifiers.iter().enumerate() {
            if id.scheme.as_str() != "cow" || !id.is_well_formed() {
                continue;
            }
            let Some(number) = cow_number(&id.value) else { continue };
            if let (Some(country), Some(iso)) = (actor.country, iso_codes(number)) {
                if !iso.contains(&country.as_str()) {
                    c.issue(
                        &at.key("country"),
                        Code::CountryCodeMismatch,
                        format!(
                            "'{}' is coded {} but its COW code {number} is {}",
                            actor.id,
                            country.as_str(),
                            iso.join(" or ")
                        ),
                    );
                }
            }
            if actor.kind == crate::ActorKind::State {
                let founded = actor.founded.as_ref().and_then(|f| f.earliest_key());
                let dissolved = actor.dissolved.as_ref().and_then(|f| f.latest_key());
                states.entry(number).or_default().push((founded, dissolved, i, j));
            }
        }
    }
    // Two states surely exist together when neither has ended, or when both have a founding
    // date and their lifetimes overlap (one that ends on the day the other begins does not).
    // A state with an end beside one with no known beginning may be its predecessor (the USSR
    // and the Russian Federation share 365): not reported. n log n per code.
    let mut clashes: Vec<(usize, usize, u16, usize)> = Vec::new();
    for (number, same) in states {
        if same.len() < 2 {
            continue;
        }
        let mut alive: Vec<(DayKey, usize, usize)> =
            same.iter().filter(|s| s.1.is_none()).map(|&(f, _, i, j)| (f.unwrap_or(DayKey::MIN), i, j)).collect();
        alive.sort_unstable();
        if let Some((&(_, first, _), rest)) = alive.split_first() {
            clashes.extend(rest.iter().map(|&(_, i, j)| (i, j, number, first)));
        }
        let mut dated: Vec<(DayKey, DayKey, usize, usize)> =
            same.iter().filter_map(|&(f, d, i, j)| f.map(|f| (f, d.unwrap_or(DayKey::MAX), i, j))).collect();
        dated.sort_unstable();
        let mut latest: Option<(DayKey, usize)> = None;
        for (founded, dissolved, i, j) in dated {
            match latest {
                Some((end, first)) if founded < end => clashes.push((i, j, number, first)),
                _ => {}
            }
            if latest.is_none_or(|(end, _)| dissolved > end) {
                latest = Some((dissolved, i));
            }
        }
    }
    clashes.sort_unstable();
    clashes.dedup_by_key(|c| (c.0, c.1));
    for (i, j, number, first) in clashes {
        let first_id = d.actors.get(first).map_or("", |a| a.id.as_str());
        c.issue(
            &list.index(i).key("identifiers").index(j).key("value"),
            Code::DuplicateStateCode,
            format!("COW code {number} already names the state '{first_id}' (/actors/{first}) at the same time"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(super::COW_ISO.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
    }
}
