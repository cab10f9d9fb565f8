//! The founding example: the Iran–Syria military agreement of 8 July 2020, built in Rust
//! from a news report, validated, and printed as JSON.
//!
//! Run: `cargo run --example iran_syria_2020`. The JSON goes to standard output, the
//! validation summary to standard error. `examples/data/iran-syria-2020.json` is this output.

use std::error::Error;
use std::io::Write;

use defense_agreements::ids::{
    ActorId, AgreementId, DossierId, PersonId, SourceId, StatementId, SupportId, TroopPresenceId,
};
use defense_agreements::values::{CountryCode, EdtfDate, Estimate, Identifier, LanguageCode, NatoGrade, Place, Rank};
use defense_agreements::{
    Action, ActionType, Actor, ActorKind, Agreement, AgreementKind, Citation, Cooperation, CooperationArea, Dossier,
    HostConsent, NameKind, OtherName, Party, Person, Post, RecordRef, Signature, Source, SourceKind, Statement,
    StatementMode, Support, SupportType, TroopPresence, Url,
};

/// Every quotation below is verbatim from the report
/// (`Iran and Syria Ink A Comprehensive Military Agreement`).
pub fn build() -> Result<Dossier, Box<dyn Error>> {
    let actor = |s: &str| ActorId::new(s);
    let person = |s: &str| PersonId::new(s);
    let country = |s: &str| s.parse::<CountryCode>();
    let date = |s: &str| s.parse::<EdtfDate>();
    let lang = |s: &str| s.parse::<LanguageCode>();
    let identifier = |scheme: &str, value: &str| Identifier::new(scheme, value).ok_or("bad identifier scheme");

    let report = SourceId::new("report")?;
    let ap = SourceId::new("ap-2020-07-10")?;
    let cite = |quote: &str| Citation::of(report.clone()).quoting(quote);

    let mut d = Dossier::new(DossierId::new("iran-syria-2020")?);
    d.title = Some("Iran–Syria comprehensive military agreement, 8 July 2020".into());

    // Actors: the two states, the organs their officials serve, the forces in Syria, and
    // those the officials spoke about.
    let mut iran = Actor::state(actor("iran")?, "Iran", country("IRN")?);
    iran.other_names = vec![
        OtherName::new("Islamic Republic of Iran").with(None, NameKind::Alias),
        OtherName::new("Tehran").with(None, NameKind::Alias),
    ];
    iran.identifiers = vec![identifier("cow", "630")?, identifier("wikidata", "Q794")?];
    let mut syria = Actor::state(actor("syria")?, "Syria", country("SYR")?);
    syria.other_names = vec![OtherName::new("the Assad regime").with(None, NameKind::Alias)];
    syria.identifiers = vec![identifier("cow", "652")?, identifier("wikidata", "Q858")?];
    let mut armed_forces =
        Actor::new(actor("iran-armed-forces")?, "Armed Forces of the Islamic Republic of Iran", ActorKind::ArmedForces);
    armed_forces.country = Some(country("IRN")?);
    armed_forces.parent = Some(actor("iran")?);
    let mut irgc = Actor::new(actor("irgc")?, "Islamic Revolutionary Guard Corps", ActorKind::StateOrgan);
    irgc.other_names = vec![
        OtherName::new("IRGC").with(None, NameKind::Abbreviation),
        OtherName::new("سپاه پاسداران انقلاب اسلامی").with(Some(lang("fa")?), NameKind::Native),
    ];
    irgc.country = Some(country("IRN")?);
    irgc.parent = Some(actor("iran")?);
    let mut syrian_mod = Actor::new(actor("syria-mod")?, "Ministry of Defense of Syria", ActorKind::StateOrgan);
    syrian_mod.country = Some(country("SYR")?);
    syrian_mod.parent = Some(actor("syria")?);
    let mut hezbollah = Actor::new(actor("hezbollah")?, "Hezbollah", ActorKind::NonStateArmedGroup);
    hezbollah.other_names = vec![OtherName::new("حزب الله").with(Some(lang("ar")?), NameKind::Native)];
    hezbollah.country = Some(country("LBN")?);
    let shia_militias = Actor::new(actor("shia-militias")?, "Other Shi’a militia groups", ActorKind::Militia);
    let axis = Actor::new(actor("axis-of-resistance")?, "Axis of Resistance", ActorKind::Coalition);
    let mut turkey = Actor::state(actor("turkey")?, "Turkey", country("TUR")?);
    turkey.identifiers = vec![identifier("cow", "640")?, identifier("wikidata", "Q43")?];
    let mut us = Actor::state(actor("united-states")?, "United States", country("USA")?);
    us.identifiers = vec![identifier("cow", "2")?, identifier("wikidata", "Q30")?];
    d.actors = vec![iran, syria, armed_forces, irgc, syrian_mod, hezbollah, shia_militias, axis, turkey, us];

    // People: both signers as the report names them, and the president AP names instead.
    let mut bagheri = Person::new(person("bagheri")?, "Mohammad Bagheri");
    bagheri.other_names = vec![
        OtherName::new("Mohammad Baqeri").with(Some(lang("en")?), NameKind::Transliteration),
        OtherName::new("Mohammad Hossein Bagheri").with(None, NameKind::Alias),
        OtherName::new("محمد باقری").with(Some(lang("fa")?), NameKind::Native),
    ];
    let mut chief_of_staff =
        Post::new("Chief of Staff for the Armed Forces of the Islamic Republic of Iran", actor("iran-armed-forces")?);
    chief_of_staff.rank = Some({
        let mut r = Rank::new("Major General");
        r.nato_grade = Some(NatoGrade::Of7);
        r
    });
    chief_of_staff.citations = vec![cite("Major General Mohammad Bagheri – Chief of Staff, Iranian Armed Forces")];
    bagheri.posts = vec![chief_of_staff];

    let mut ayyoub = Person::new(person("ayyoub")?, "Ali Abdullah Ayyoub");
    ayyoub.other_names = vec![
        OtherName::new("Abdullah Ayoub").with(Some(lang("en")?), NameKind::Transliteration),
        OtherName::new("علي عبد الله أيوب").with(Some(lang("ar")?), NameKind::Native),
    ];
    let mut minister = Post::new("Defense Minister", actor("syria-mod")?);
    minister.rank = Some({
        let mut r = Rank::new("General");
        r.nato_grade = Some(NatoGrade::Of9);
        r
    });
    minister.citations = vec![cite("Syrian Defense Minister General Abdullah Ayoub")];
    ayyoub.posts = vec![minister];

    let mut assad = Person::new(person("assad")?, "Bashar al-Assad");
    assad.other_names = vec![OtherName::new("Bashar Assad").with(Some(lang("en")?), NameKind::Transliteration)];
    let mut president = Post::new("President", actor("syria")?);
    president.citations = vec![Citation::of(ap.clone()).quoting("Syria President Bashar Assad")];
    assad.posts = vec![president];
    d.people = vec![bagheri, ayyoub, assad];

    // The agreement: what was signed, by whom, and what it provides.
    let (iran_id, syria_id) = (actor("iran")?, actor("syria")?);
    let mut agreement = Agreement::new(
        AgreementId::new("iran-syria-2020")?,
        "Comprehensive agreement on military cooperation between Iran and Syria",
        AgreementKind::MilitaryCooperation,
        vec![Party::full(iran_id.clone()), Party::full(syria_id.clone())],
    );
    agreement.other_titles = vec![OtherName::new("Comprehensive Military Agreement").with(None, NameKind::Alias)];
    let mut talks = Action::new(ActionType::Negotiation, date("../2020-07-08")?);
    talks.text = Some("several rounds of discussion".into());
    talks.citations = vec![cite("After several rounds of discussion between the two countries")];
    let mut signing = Action::new(ActionType::Signature, date("2020-07-08")?);
    signing.citations = vec![cite(
        "has signed a comprehensive agreement on military cooperation between the two allies in the Syrian capital Damascus on 8th July",
    )];
    agreement.actions = vec![talks, signing];

    let mut damascus = Place::new("Damascus");
    damascus.country = Some(country("SYR")?);
    let signed = "the Chief of Staff for the Armed Forces of the Islamic Republic of Iran Mohammad Bagheri and Syrian Defense Minister Ali Abdullah Ayyoub has signed a comprehensive agreement";
    let mut by_bagheri = Signature::new(iran_id.clone(), person("bagheri")?);
    by_bagheri.date = Some(date("2020-07-08")?);
    by_bagheri.place = Some(damascus.clone());
    by_bagheri.citations = vec![cite(signed)];
    let mut by_ayyoub = Signature::new(syria_id.clone(), person("ayyoub")?);
    by_ayyoub.date = Some(date("2020-07-08")?);
    by_ayyoub.place = Some(damascus.clone());
    by_ayyoub.citations = vec![cite(signed)];
    // AP's competing account: the same signing, with Syria's president as the Syrian signer.
    let mut by_assad = Signature::new(syria_id.clone(), person("assad")?);
    by_assad.citations = vec![Citation::of(ap.clone()).quoting(
        "Iran's military chief has signed an agreement with Syria's president to reinforce Syria's air defense systems as part of a military cooperation agreement, Iranian state TV reported Friday.",
    )];
    agreement.signatures = vec![by_bagheri, by_ayyoub, by_assad];

    let mut air_defense = Cooperation::mutual(CooperationArea::AirDefense);
    air_defense.providers = vec![iran_id.clone()];
    air_defense.recipients = vec![syria_id.clone()];
    air_defense.text = Some("Iran will strengthen the Syrian air defense systems".into());
    air_defense.citations = vec![cite(
        "Iran will strengthen the Syrian air defense systems within the framework of strengthening military relations between the two countries",
    )];
    let provides = "The agreement provides for the expansion of military and security cooperation and the continuation of coordination between the Armed Forces of the two countries.";
    let mut military = Cooperation::mutual(CooperationArea::MilitaryCooperation);
    military.text = Some("expansion of military cooperation".into());
    military.citations = vec![cite(provides)];
    let mut security = Cooperation::mutual(CooperationArea::SecurityCooperation);
    security.text = Some("expansion of security cooperation".into());
    security.citations = vec![cite(provides)];
    let mut coordination = Cooperation::mutual(CooperationArea::Coordination);
    coordination.text = Some("continuation of coordination between the Armed Forces of the two countries".into());
    coordination.citations = vec![cite(provides)];
    agreement.cooperation = vec![air_defense, military, security, coordination];
    agreement.citations = vec![cite(signed)];

    // The Astana understandings, known here only because Bagheri named Turkey's commitment to them.
    let mut astana = Agreement::new(
        AgreementId::new("astana-understandings")?,
        "Astana understandings",
        AgreementKind::Ceasefire,
        vec![Party::full(actor("turkey")?), Party::full(iran_id.clone())],
    );
    astana.citations =
        vec![cite("Turkey is a little late in implementing its commitment to the Astana understandings")];
    d.agreements = vec![agreement, astana];

    // Forces on the ground, as the report estimates them.
    let on_the_ground = "There are as many as 2,500 Iranian (Islamic Revolutionary Guard Corps) soldiers and 8,000 to 12,000 Shi’a foreign fighters of Hezbollah and other militia groups on the ground in Syria to prevent the overthrow of the Assad regime.";
    let purpose = "to prevent the overthrow of the Assad regime";
    let mut irgc_in_syria = TroopPresence::new(
        TroopPresenceId::new("irgc-in-syria")?,
        vec![actor("irgc")?],
        country("SYR")?,
        Estimate::at_most(2500),
        HostConsent::Unknown,
    );
    irgc_in_syria.description = Some("Iranian (Islamic Revolutionary Guard Corps) soldiers".into());
    irgc_in_syria.as_of = Some(date("2020-07")?);
    irgc_in_syria.purpose = Some(purpose.into());
    irgc_in_syria.citations = vec![cite(on_the_ground)];
    let mut militias_in_syria = TroopPresence::new(
        TroopPresenceId::new("militias-in-syria")?,
        vec![actor("hezbollah")?, actor("shia-militias")?],
        country("SYR")?,
        Estimate::range(8000, 12000),
        HostConsent::Unknown,
    );
    militias_in_syria.description = Some("Shi’a foreign fighters of Hezbollah and other militia groups".into());
    militias_in_syria.as_of = Some(date("2020-07")?);
    militias_in_syria.purpose = Some(purpose.into());
    militias_in_syria.citations = vec![cite(on_the_ground)];
    d.troop_presences = vec![irgc_in_syria, militias_in_syria];

    let mut support = Support::new(
        SupportId::new("iran-supports-syria")?,
        iran_id.clone(),
        syria_id.clone(),
        vec![SupportType::Political, SupportType::Financial, SupportType::Cyber, SupportType::Military],
    );
    support.period = Some(date("2011/..")?);
    support.description =
        Some("an unprecedented level of political, financial, cyber, and military support to the Assad regime".into());
    support.citations = vec![cite(
        "Iran has been a major ally of the Assad regime in its fight against the armed rebels and terror groups since 2011. For the past 9 years, Tehran has provided an unprecedented level of political, financial, cyber, and military support to the Assad regime.",
    )];
    d.supports = vec![support];

    // Statements, verbatim where the report quotes and paraphrased where it reports.
    let agreement_ref = || -> Result<RecordRef, Box<dyn Error>> {
        Ok(RecordRef::Agreement { id: AgreementId::new("iran-syria-2020")? })
    };
    let actor_ref = |s: &str| -> Result<RecordRef, Box<dyn Error>> { Ok(RecordRef::Actor { id: actor(s)? }) };
    let statement = |id: &str, text: &str, mode: StatementMode| -> Result<Statement, Box<dyn Error>> {
        let mut s = Statement::new(StatementId::new(id)?, text, mode);
        s.language = Some(lang("en")?);
        Ok(s)
    };

    let mut foreign_troops = statement(
        "foreign-troops-must-leave",
        "the necessity for the exit of foreign troops who are illegally present in Syria without the consent of the Syrian government",
        StatementMode::Paraphrase,
    )?;
    foreign_troops.speakers = vec![person("bagheri")?, person("ayyoub")?];
    foreign_troops.on_behalf_of = vec![iran_id.clone(), syria_id.clone()];
    foreign_troops.date = Some(date("2020-07-08")?);
    foreign_troops.place = Some(damascus.clone());
    foreign_troops.about = vec![actor_ref("syria")?];
    foreign_troops.citations = vec![cite(
        "Prior to the signing of the agreement, the two sides met to discuss developments in Syria and the necessity for the exit of foreign troops who are illegally present in Syria without the consent of the Syrian government.",
    )];

    let mut air_defense_quote = statement(
        "bagheri-air-defense",
        "We will strengthen Syria’s air defense systems within the framework of strengthening military cooperation between the two countries",
        StatementMode::DirectQuote,
    )?;
    air_defense_quote.speakers = vec![person("bagheri")?];
    air_defense_quote.on_behalf_of = vec![iran_id.clone()];
    air_defense_quote.about = vec![agreement_ref()?];
    air_defense_quote.citations = vec![cite(
        "“We will strengthen Syria’s air defense systems within the framework of strengthening military cooperation between the two countries”",
    )];

    let mut strategic = statement(
        "ayyoub-strategic-relations",
        "described the Syrian-Iranian relation as firm strategic relations",
        StatementMode::Paraphrase,
    )?;
    strategic.speakers = vec![person("ayyoub")?];
    strategic.on_behalf_of = vec![syria_id.clone()];
    strategic.about = vec![actor_ref("iran")?, actor_ref("syria")?];
    strategic.citations = vec![cite(
        "Syrian Defense Minister General Abdullah Ayoub described the Syrian-Iranian relation as firm strategic relations.",
    )];

    let mut cooperation_continues = statement(
        "ayyoub-cooperation-continues",
        "Bilateral military and security cooperation will continue and it includes all fields despite the increasing pressures and threats",
        StatementMode::DirectQuote,
    )?;
    cooperation_continues.speakers = vec![person("ayyoub")?];
    cooperation_continues.on_behalf_of = vec![syria_id.clone()];
    cooperation_continues.about = vec![agreement_ref()?];
    cooperation_continues.citations = vec![cite(
        "“Bilateral military and security cooperation will continue and it includes all fields despite the increasing pressures and threats,” he said.",
    )];

    let mut ceremony = statement(
        "joint-statement-at-signing",
        "both sides agreed that the signing of the new agreement will help in developing the defensive capabilities of both armies to face any foreign attacks",
        StatementMode::Paraphrase,
    )?;
    ceremony.on_behalf_of = vec![iran_id.clone(), syria_id.clone()];
    ceremony.date = Some(date("2020-07-08")?);
    ceremony.place = Some(damascus);
    ceremony.about = vec![agreement_ref()?];
    ceremony.citations = vec![cite(
        "In a statement read at the signing ceremony, both sides agreed that the signing of the new agreement will help in developing the defensive capabilities of both armies to face any foreign attacks.",
    )];

    let mut american_pressure = statement(
        "bagheri-american-pressure",
        "the people of the region, the axis of resistance, Iran and Syria are determined to develop and strengthen military, security and defense relations. The signed agreement reinforces our will and our determination to cooperate against the American pressure.",
        StatementMode::DirectQuote,
    )?;
    american_pressure.speakers = vec![person("bagheri")?];
    american_pressure.on_behalf_of = vec![iran_id.clone()];
    american_pressure.about = vec![agreement_ref()?, actor_ref("axis-of-resistance")?, actor_ref("united-states")?];
    american_pressure.citations = vec![cite(
        "“the people of the region, the axis of resistance, Iran and Syria are determined to develop and strengthen military, security and defense relations. The signed agreement reinforces our will and our determination to cooperate against the American pressure.”",
    )];

    let mut on_turkey = statement(
        "bagheri-on-turkey",
        "Turkey is a little late in implementing its commitment to the Astana understandings to get terrorist groups out of Syria and must realize that the solution to any of its security problems is not by being on Syrian soil.",
        StatementMode::DirectQuote,
    )?;
    on_turkey.speakers = vec![person("bagheri")?];
    on_turkey.on_behalf_of = vec![iran_id];
    on_turkey.about =
        vec![actor_ref("turkey")?, RecordRef::Agreement { id: AgreementId::new("astana-understandings")? }];
    on_turkey.citations = vec![cite(
        "Criticizing Turkey Major General Baqeri added that, “Turkey is a little late in implementing its commitment to the Astana understandings to get terrorist groups out of Syria and must realize that the solution to any of its security problems is not by being on Syrian soil.”",
    )];

    d.statements = vec![
        foreign_troops,
        air_defense_quote,
        strategic,
        cooperation_continues,
        ceremony,
        american_pressure,
        on_turkey,
    ];

    // Sources: the report, and AP's account that disagrees on the Syrian signer.
    let mut report_source = Source::new(report, "Iran and Syria Ink A Comprehensive Military Agreement");
    report_source.kind = Some(SourceKind::NewsReport);
    report_source.published = Some(date("2020-07?")?);
    report_source.language = Some(lang("en")?);
    let mut ap_source = Source::new(ap, "Iran signs agreement to bolster Syria's air defence systems");
    ap_source.kind = Some(SourceKind::NewsReport);
    ap_source.publisher = Some("Associated Press".into());
    ap_source.url = Some(Url::new(
        "https://www.thestar.com/news/world/middleeast/2020/07/10/iran-signs-agreement-to-bolster-syrias-air-defence-systems.html",
    )?);
    ap_source.published = Some(date("2020-07-10")?);
    ap_source.language = Some(lang("en")?);
    d.sources = vec![report_source, ap_source];

    Ok(d)
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn Error>> {
    let dossier = build()?;
    let report = dossier.validate();
    eprintln!("{}: {} error(s), {} warning(s)", dossier.id, report.errors().count(), report.warnings().count());
    for issue in &report {
        eprintln!("  {issue}");
    }
    // writeln! rather than println!: a closed pipe (`| head`) is an error to return, not a panic.
    writeln!(std::io::stdout().lock(), "{}", dossier.to_json_pretty())?;
    report.into_result()?;
    Ok(())
}
