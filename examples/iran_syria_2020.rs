//! The founding example: the Iran–Syria military agreement of 8 July 2020, built in Rust
//! from a news report, validated, and printed as JSON.
//!
//! Run: `cargo run --example iran_syria_2020`. The JSON goes to standard output, the
//! validation summary to standard error. `examples/data/iran-syria-2020.json` is this output.
//!
//! Records are built as `new(required fields)` followed by `with_*` setters for the optional
//! ones; every checking constructor's error converts into the crate's `Error`, so `?` works
//! throughout.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::io::Write;

use defense_agreements::prelude::*;

/// Every quotation below is verbatim from the report
/// (`Iran and Syria Ink A Comprehensive Military Agreement`).
pub(crate) fn build() -> Result<Dossier, Error> {
    let actor = |s: &str| ActorId::new(s);
    let person = |s: &str| PersonId::new(s);
    let country = |s: &str| CountryCode::new(s);
    let date = |s: &str| s.parse::<EdtfDate>();
    let en: LanguageCode = "en".parse()?;
    let (fa, ar): (LanguageCode, LanguageCode) = ("fa".parse()?, "ar".parse()?);
    let alias = |name: &str| OtherName::new(name).with_kind(NameKind::Alias);
    let native =
        |name: &str, language: LanguageCode| OtherName::new(name).with_language(language).with_kind(NameKind::Native);
    let romanized = |name: &str| OtherName::new(name).with_language(en).with_kind(NameKind::Transliteration);
    let ids = |cow: &str, wikidata: &str| -> Result<_, Error> {
        Ok([Identifier::new("cow", cow)?, Identifier::new("wikidata", wikidata)?])
    };

    let report = SourceId::new("report")?;
    let ap = SourceId::new("ap-2020-07-10")?;
    let cite = |quote: &str| Citation::new(report.clone()).with_quote(quote);

    // Actors: the two states, the organs their officials serve, the forces in Syria, and
    // those the officials spoke about.
    let actors = vec![
        Actor::state(actor("iran")?, "Iran", country("IRN")?)
            .with_other_names([alias("Islamic Republic of Iran"), alias("Tehran")])
            .with_identifiers(ids("630", "Q794")?),
        Actor::state(actor("syria")?, "Syria", country("SYR")?)
            .with_other_names([alias("the Assad regime")])
            .with_identifiers(ids("652", "Q858")?),
        Actor::new(actor("iran-armed-forces")?, "Armed Forces of the Islamic Republic of Iran", ActorKind::ArmedForces)
            .with_country(country("IRN")?)
            .with_parent(actor("iran")?),
        Actor::new(actor("irgc")?, "Islamic Revolutionary Guard Corps", ActorKind::StateOrgan)
            .with_other_names([
                OtherName::new("IRGC").with_kind(NameKind::Abbreviation),
                native("سپاه پاسداران انقلاب اسلامی", fa),
            ])
            .with_country(country("IRN")?)
            .with_parent(actor("iran")?),
        Actor::new(actor("syria-mod")?, "Ministry of Defense of Syria", ActorKind::StateOrgan)
            .with_country(country("SYR")?)
            .with_parent(actor("syria")?),
        Actor::new(actor("hezbollah")?, "Hezbollah", ActorKind::NonStateArmedGroup)
            .with_other_names([native("حزب الله", ar)])
            .with_country(country("LBN")?),
        Actor::new(actor("shia-militias")?, "Other Shi’a militia groups", ActorKind::Militia),
        Actor::new(actor("axis-of-resistance")?, "Axis of Resistance", ActorKind::Coalition),
        Actor::state(actor("turkey")?, "Turkey", country("TUR")?).with_identifiers(ids("640", "Q43")?),
        Actor::state(actor("united-states")?, "United States", country("USA")?).with_identifiers(ids("2", "Q30")?),
    ];

    // People: both signers as the report names them, and the president AP names instead.
    let people = vec![
        Person::new(person("bagheri")?, "Mohammad Bagheri")
            .with_other_names([
                romanized("Mohammad Baqeri"),
                alias("Mohammad Hossein Bagheri"),
                native("محمد باقری", fa),
            ])
            .with_posts([Post::new(
                "Chief of Staff for the Armed Forces of the Islamic Republic of Iran",
                actor("iran-armed-forces")?,
            )
            .with_rank(Rank::new("Major General").with_nato_grade(NatoGrade::Of7))
            .with_citations([cite("Major General Mohammad Bagheri – Chief of Staff, Iranian Armed Forces")])]),
        Person::new(person("ayyoub")?, "Ali Abdullah Ayyoub")
            .with_other_names([romanized("Abdullah Ayoub"), native("علي عبد الله أيوب", ar)])
            .with_posts([Post::new("Defense Minister", actor("syria-mod")?)
                .with_rank(Rank::new("General").with_nato_grade(NatoGrade::Of9))
                .with_citations([cite("Syrian Defense Minister General Abdullah Ayoub")])]),
        Person::new(person("assad")?, "Bashar al-Assad")
            .with_other_names([romanized("Bashar Assad")])
            .with_posts([Post::new("President", actor("syria")?)
                .with_citations([Citation::new(ap.clone()).with_quote("Syria President Bashar Assad")])]),
    ];

    // The agreement: what was signed, by whom, and what it provides.
    let (iran_id, syria_id) = (actor("iran")?, actor("syria")?);
    let damascus = Place::new("Damascus").with_country(country("SYR")?);
    let who_signed = DisputeId::new("syrian-signer")?;
    let signed = "the Chief of Staff for the Armed Forces of the Islamic Republic of Iran Mohammad Bagheri and Syrian Defense Minister Ali Abdullah Ayyoub has signed a comprehensive agreement";
    let provides = "The agreement provides for the expansion of military and security cooperation and the continuation of coordination between the Armed Forces of the two countries.";
    let agreement = Agreement::new(
        AgreementId::new("iran-syria-2020")?,
        "Comprehensive agreement on military cooperation between Iran and Syria",
        AgreementKind::MilitaryCooperation,
        vec![Party::full(iran_id.clone()), Party::full(syria_id.clone())],
    )
    .with_other_titles([alias("Comprehensive Military Agreement")])
    .with_actions([
        Action::new(ActionType::Negotiation, date("../2020-07-08")?)
            .with_text("several rounds of discussion")
            .with_citations([cite("After several rounds of discussion between the two countries")]),
        Action::new(ActionType::Signature, date("2020-07-08")?).with_citations([cite(
            "has signed a comprehensive agreement on military cooperation between the two allies in the Syrian capital Damascus on 8th July",
        )]),
    ])
    .with_signatures([
        Signature::new(iran_id.clone(), person("bagheri")?)
            .with_date(date("2020-07-08")?)
            .with_place(damascus.clone())
            .with_citations([cite(signed)]),
        Signature::new(syria_id.clone(), person("ayyoub")?)
            .with_date(date("2020-07-08")?)
            .with_place(damascus.clone())
            .with_citations([cite(signed)])
            .with_dispute(who_signed.clone()),
        // AP's competing account: the same signing, with Syria's president as the Syrian signer.
        // The two Syrian signatures are alternatives (at most one is true), not co-signers.
        Signature::new(syria_id.clone(), person("assad")?)
            .with_citations([Citation::new(ap.clone()).with_quote(
                "Iran's military chief has signed an agreement with Syria's president to reinforce Syria's air defense systems as part of a military cooperation agreement, Iranian state TV reported Friday.",
            )])
            .with_dispute(who_signed.clone()),
    ])
    .with_cooperation([
        Cooperation::new(CooperationArea::AirDefense)
            .with_providers([iran_id.clone()])
            .with_recipients([syria_id.clone()])
            .with_text("Iran will strengthen the Syrian air defense systems")
            .with_citations([cite(
                "Iran will strengthen the Syrian air defense systems within the framework of strengthening military relations between the two countries",
            )]),
        Cooperation::new(CooperationArea::MilitaryCooperation)
            .with_text("expansion of military cooperation")
            .with_citations([cite(provides)]),
        Cooperation::new(CooperationArea::SecurityCooperation)
            .with_text("expansion of security cooperation")
            .with_citations([cite(provides)]),
        Cooperation::new(CooperationArea::Coordination)
            .with_text("continuation of coordination between the Armed Forces of the two countries")
            .with_citations([cite(provides)]),
    ])
    .with_citations([cite(signed)]);

    // The Astana understandings, known here only because Bagheri named Turkey's commitment to them.
    let astana = Agreement::new(
        AgreementId::new("astana-understandings")?,
        "Astana understandings",
        AgreementKind::Ceasefire,
        vec![Party::full(actor("turkey")?), Party::full(iran_id.clone())],
    )
    .with_citations([cite("Turkey is a little late in implementing its commitment to the Astana understandings")]);

    // Forces on the ground, as the report estimates them.
    let on_the_ground = "There are as many as 2,500 Iranian (Islamic Revolutionary Guard Corps) soldiers and 8,000 to 12,000 Shi’a foreign fighters of Hezbollah and other militia groups on the ground in Syria to prevent the overthrow of the Assad regime.";
    let purpose = "to prevent the overthrow of the Assad regime";
    let troop_presences = vec![
        TroopPresence::new(
            TroopPresenceId::new("irgc-in-syria")?,
            vec![actor("irgc")?],
            country("SYR")?,
            Estimate::at_most(2500),
            HostConsent::Unknown,
        )
        .with_description("Iranian (Islamic Revolutionary Guard Corps) soldiers")
        .with_as_of(date("2020-07")?)
        .with_purpose(purpose)
        .with_citations([cite(on_the_ground)]),
        TroopPresence::new(
            TroopPresenceId::new("militias-in-syria")?,
            vec![actor("hezbollah")?, actor("shia-militias")?],
            country("SYR")?,
            Estimate::range(8000, 12000),
            HostConsent::Unknown,
        )
        .with_description("Shi’a foreign fighters of Hezbollah and other militia groups")
        .with_as_of(date("2020-07")?)
        .with_purpose(purpose)
        .with_citations([cite(on_the_ground)]),
    ];

    let support = Support::new(
        SupportId::new("iran-supports-syria")?,
        iran_id.clone(),
        syria_id.clone(),
        vec![SupportType::Political, SupportType::Financial, SupportType::Cyber, SupportType::Military],
    )
    .with_period(date("2011/..")?)
    .with_description("an unprecedented level of political, financial, cyber, and military support to the Assad regime")
    .with_citations([cite(
        "Iran has been a major ally of the Assad regime in its fight against the armed rebels and terror groups since 2011. For the past 9 years, Tehran has provided an unprecedented level of political, financial, cyber, and military support to the Assad regime.",
    )]);

    // Statements, verbatim where the report quotes and paraphrased where it reports.
    let this_agreement = RecordRef::from(AgreementId::new("iran-syria-2020")?);
    let about = |id: &str| actor(id).map(RecordRef::from);
    let statement = |id: &str, mode: StatementMode, text: &str| -> Result<Statement, Error> {
        Ok(Statement::new(StatementId::new(id)?, text, mode).with_language(en))
    };
    let (bagheri, ayyoub) = (person("bagheri")?, person("ayyoub")?);
    let statements = vec![
        statement(
            "foreign-troops-must-leave",
            StatementMode::Paraphrase,
            "the necessity for the exit of foreign troops who are illegally present in Syria without the consent of the Syrian government",
        )?
        .with_speakers([bagheri.clone(), ayyoub.clone()])
        .with_on_behalf_of([iran_id.clone(), syria_id.clone()])
        .with_date(date("2020-07-08")?)
        .with_place(damascus.clone())
        .with_about([about("syria")?])
        .with_citations([cite(
            "Prior to the signing of the agreement, the two sides met to discuss developments in Syria and the necessity for the exit of foreign troops who are illegally present in Syria without the consent of the Syrian government.",
        )]),
        statement(
            "bagheri-air-defense",
            StatementMode::DirectQuote,
            "We will strengthen Syria’s air defense systems within the framework of strengthening military cooperation between the two countries",
        )?
        .with_speakers([bagheri.clone()])
        .with_on_behalf_of([iran_id.clone()])
        .with_about([this_agreement.clone()])
        .with_citations([cite(
            "“We will strengthen Syria’s air defense systems within the framework of strengthening military cooperation between the two countries”",
        )]),
        statement(
            "ayyoub-strategic-relations",
            StatementMode::Paraphrase,
            "described the Syrian-Iranian relation as firm strategic relations",
        )?
        .with_speakers([ayyoub.clone()])
        .with_on_behalf_of([syria_id.clone()])
        .with_about([about("iran")?, about("syria")?])
        .with_citations([cite(
            "Syrian Defense Minister General Abdullah Ayoub described the Syrian-Iranian relation as firm strategic relations.",
        )]),
        statement(
            "ayyoub-cooperation-continues",
            StatementMode::DirectQuote,
            "Bilateral military and security cooperation will continue and it includes all fields despite the increasing pressures and threats",
        )?
        .with_speakers([ayyoub])
        .with_on_behalf_of([syria_id.clone()])
        .with_about([this_agreement.clone()])
        .with_citations([cite(
            "“Bilateral military and security cooperation will continue and it includes all fields despite the increasing pressures and threats,” he said.",
        )]),
        statement(
            "joint-statement-at-signing",
            StatementMode::Paraphrase,
            "both sides agreed that the signing of the new agreement will help in developing the defensive capabilities of both armies to face any foreign attacks",
        )?
        .with_on_behalf_of([iran_id.clone(), syria_id])
        .with_date(date("2020-07-08")?)
        .with_place(damascus)
        .with_about([this_agreement.clone()])
        .with_citations([cite(
            "In a statement read at the signing ceremony, both sides agreed that the signing of the new agreement will help in developing the defensive capabilities of both armies to face any foreign attacks.",
        )]),
        statement(
            "bagheri-american-pressure",
            StatementMode::DirectQuote,
            "the people of the region, the axis of resistance, Iran and Syria are determined to develop and strengthen military, security and defense relations. The signed agreement reinforces our will and our determination to cooperate against the American pressure.",
        )?
        .with_speakers([bagheri.clone()])
        .with_on_behalf_of([iran_id.clone()])
        .with_about([this_agreement, about("axis-of-resistance")?, about("united-states")?])
        .with_citations([cite(
            "“the people of the region, the axis of resistance, Iran and Syria are determined to develop and strengthen military, security and defense relations. The signed agreement reinforces our will and our determination to cooperate against the American pressure.”",
        )]),
        statement(
            "bagheri-on-turkey",
            StatementMode::DirectQuote,
            "Turkey is a little late in implementing its commitment to the Astana understandings to get terrorist groups out of Syria and must realize that the solution to any of its security problems is not by being on Syrian soil.",
        )?
        .with_speakers([bagheri])
        .with_on_behalf_of([iran_id])
        .with_about([about("turkey")?, AgreementId::new("astana-understandings")?.into()])
        .with_citations([cite(
            "Criticizing Turkey Major General Baqeri added that, “Turkey is a little late in implementing its commitment to the Astana understandings to get terrorist groups out of Syria and must realize that the solution to any of its security problems is not by being on Syrian soil.”",
        )]),
    ];

    // Sources: the report, and AP's account that disagrees on the Syrian signer.
    let sources = vec![
        Source::new(report, "Iran and Syria Ink A Comprehensive Military Agreement")
            .with_kind(SourceKind::NewsReport)
            .with_published(date("2020-07?")?)
            .with_language(en),
        Source::new(ap, "Iran signs agreement to bolster Syria's air defence systems")
            .with_kind(SourceKind::NewsReport)
            .with_publisher("Associated Press")
            .with_url(Url::new(
                "https://www.thestar.com/news/world/middleeast/2020/07/10/iran-signs-agreement-to-bolster-syrias-air-defence-systems.html",
            )?)
            .with_published(date("2020-07-10")?)
            .with_language(en),
    ];
    let disputes = vec![
        Dispute::new(who_signed)
            .with_question("Who signed for Syria: the defense minister (the report) or the president (AP)?"),
    ];

    Ok(Dossier::new(DossierId::new("iran-syria-2020")?)
        .with_title("Iran–Syria comprehensive military agreement, 8 July 2020")
        .with_actors(actors)
        .with_people(people)
        .with_agreements([agreement, astana])
        .with_troop_presences(troop_presences)
        .with_supports([support])
        .with_statements(statements)
        .with_sources(sources)
        .with_disputes(disputes))
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
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
