//! The row types. One declaration gives the struct, its columns and their documentation, so
//! the files, the column dictionary and the Rust fields cannot drift apart.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Cell, CellValue, Column, Row};

/// Declares every table: its row type, its columns, and the field of [`Tables`](super::Tables)
/// holding its rows (`in agreements`). Besides the row types it defines `tables!`, the one list
/// of the tables that every per-table list is made from (see `mod.rs`): a new table is an entry
/// here and the code in `build.rs` that fills it.
macro_rules! rows {
    ($(
        $(#[doc = $sdoc:literal])*
        $table:literal => $name:ident in $list:ident {
            $( #[doc = $doc:literal] $field:ident : $ty:ty, )*
        }
    )*) => {
        /// Calls `$callback! { list: RowType, … }` with every table, in file order.
        macro_rules! tables {
            ($callback:ident) => {
                $callback! { $($list: $name,)* }
            };
        }
        pub(crate) use tables;
        $(
        $(#[doc = $sdoc])*
        ///
        /// Produced by [`Tables`](super::Tables); the fields are the table's columns.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[non_exhaustive]
        pub struct $name {
            $( #[doc = $doc] pub $field: $ty, )*
        }

        impl Row for $name {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [Column] = &[ $( Column {
                name: stringify!($field),
                kind: <$ty as CellValue>::KIND,
                nullable: <$ty as CellValue>::NULLABLE,
                int32: <$ty as CellValue>::INT32,
                doc: $doc.trim_ascii(),
            } ),* ];
            fn cells(&self) -> Vec<Cell<'_>> {
                vec![ $( self.$field.cell() ),* ]
            }
            fn year(&self) -> Option<i32> {
                rows!(@year self $($field)*)
            }
        }
    )* };
    (@year $self:ident year $($rest:ident)*) => { Some($self.year) };
    (@year $self:ident $first:ident $($rest:ident)*) => { rows!(@year $self $($rest)*) };
    (@year $self:ident) => { None };
}

rows! {
    /// An agreement (ATOP's alliance level): dates, kind, obligations, COW type, identifiers.
    "agreements" => AgreementRow in agreements {
        /// The dossier's id.
        dossier_id: String,
        /// The agreement's local id.
        agreement_id: String,
        /// The title.
        title: String,
        /// The kind (`defense_pact`, `status_of_forces` …).
        kind: String,
        /// The status after every recorded act (`in_force`, `terminated` …).
        status: String,
        /// The first day in force (entry into force), when it has entered into force.
        begin: Option<NaiveDate>,
        /// The last day in force, when it has ended; empty while in force.
        end: Option<NaiveDate>,
        /// The year of `begin`.
        begin_year: Option<i32>,
        /// The year of `end`.
        end_year: Option<i32>,
        /// The first signature act's date, as recorded (EDTF, may be partial).
        signed_edtf: Option<String>,
        /// The entry into force act's date, as recorded (EDTF, may be partial).
        in_force_edtf: Option<String>,
        /// The termination act's date, as recorded (EDTF, may be partial); empty when no termination act ended it (a fixed term that ran out, the last withdrawal but one): `end` then gives its last day.
        terminated_edtf: Option<String>,
        /// The number of full parties.
        parties: i64,
        /// 1 when any party pledges defense (ATOP `DEFENSE`).
        atop_defense: u8,
        /// 1 when any party pledges offense (ATOP `OFFENSE`).
        atop_offense: u8,
        /// 1 when any party pledges neutrality (ATOP `NEUTRAL`).
        atop_neutral: u8,
        /// 1 when any party pledges non-aggression (ATOP `NONAGG`).
        atop_nonagg: u8,
        /// 1 when any party pledges consultation (ATOP `CONSUL`).
        atop_consul: u8,
        /// 1 when every defense pledge is conditional (ATOP `DEFCON`); empty without one.
        atop_defcon: Option<u8>,
        /// 1 when every offense pledge is conditional (ATOP `OFFCON`); empty without one.
        atop_offcon: Option<u8>,
        /// 1 when every neutrality pledge is conditional (ATOP `NEUCON`); empty without one.
        atop_neucon: Option<u8>,
        /// 1 when every non-aggression pledge is conditional (ATOP `NONAGCON`); empty without one.
        atop_nonagcon: Option<u8>,
        /// The COW alliance type: `I`, `II`, `III`; empty when COW would not code it.
        cow_type: Option<&'static str>,
        /// 1 when ATOP would count it as an alliance (any of the five pledges).
        alliance: u8,
        /// 1 when it is a defense cooperation agreement in DCAD's sense.
        dca: u8,
        /// The ATOP alliance id (identifier scheme `atop`).
        atop_id: Option<i64>,
        /// The COW alliance number (identifier scheme `cow_alliance`).
        cow_alliance_id: Option<i64>,
        /// The UN Treaty Series registration (identifier scheme `unts`).
        unts: Option<String>,
        /// The Wikidata item (identifier scheme `wikidata`).
        wikidata: Option<String>,
        /// 1 when a disputed fact bears on the row: a lifecycle act, obligation, cooperation area or field of the agreement some source disputes, counted or set aside under the dispute policy.
        disputed: u8,
    }

    /// One binding interval of one full party (ATOP's member level): a party that withdraws
    /// and accedes again, or is suspended and resumes, has one row per spell.
    "members" => MemberRow in members {
        /// The dossier's id.
        dossier_id: String,
        /// The agreement's local id.
        agreement_id: String,
        /// The party's local actor id.
        actor_id: String,
        /// The party's name.
        actor_name: Option<String>,
        /// The party's COW country code (actor identifier of scheme `cow`).
        ccode: Option<i64>,
        /// The party's ISO 3166 alpha-3 code (the actor's `country`).
        iso3: Option<&'static str>,
        /// The spell's number for this party in this agreement, from 1.
        spell: i64,
        /// The first day bound.
        start: NaiveDate,
        /// The last day bound; empty while still bound.
        end: Option<NaiveDate>,
        /// The year of `start`.
        start_year: i32,
        /// The year of `end`; empty while still bound.
        end_year: Option<i32>,
        /// The act that began the spell (`entry_into_force`, `ratification`, `accession`, `resumption` …).
        start_act: String,
        /// The date of that act as recorded (EDTF, may be partial).
        start_edtf: Option<String>,
        /// The act that ended the spell (`withdrawal`, `suspension`, `termination` …); empty while bound.
        end_act: Option<String>,
        /// The date of that act's effect as recorded (EDTF, may be partial).
        end_edtf: Option<String>,
        /// 1 when this party pledges defense (ATOP member-level `DEFENSE`).
        atop_defense: u8,
        /// 1 when this party pledges offense.
        atop_offense: u8,
        /// 1 when this party pledges neutrality.
        atop_neutral: u8,
        /// 1 when this party pledges non-aggression.
        atop_nonagg: u8,
        /// 1 when this party pledges consultation.
        atop_consul: u8,
        /// 1 when a disputed fact bears on the row: a lifecycle act of the agreement, or a pledge this party may make, that some source disputes, counted or set aside under the dispute policy.
        disputed: u8,
    }

    /// One actor in one year in which at least one agreement of the dossier binds it on at
    /// least one day (ATOP's state-year).
    "state_years" => StateYearRow in state_years {
        /// The dossier's id.
        dossier_id: String,
        /// The actor's local id.
        actor_id: String,
        /// The actor's COW country code.
        ccode: Option<i64>,
        /// The actor's ISO 3166 alpha-3 code.
        iso3: Option<&'static str>,
        /// The year.
        year: i32,
        /// How many agreements bind it on some day of the year.
        agreements: i64,
        /// How many of them are alliances in ATOP's sense.
        alliances: i64,
        /// 1 when it pledges defense in one of them.
        atop_defense: u8,
        /// 1 when it pledges offense in one of them.
        atop_offense: u8,
        /// 1 when it pledges neutrality in one of them.
        atop_neutral: u8,
        /// 1 when it pledges non-aggression in one of them.
        atop_nonagg: u8,
        /// 1 when it pledges consultation in one of them.
        atop_consul: u8,
        /// 1 when a disputed act or pledge (counted or set aside under the dispute policy) bears on one of the agreements counted: on when it binds, its pledges, or whether it is an alliance.
        disputed: u8,
    }

    /// Two parties of one agreement in one year in which both are bound on a common day,
    /// unordered (`actor1` sorts first by COW code, then by id).
    "dyad_years" => DyadYearRow in dyad_years {
        /// The dossier's id.
        dossier_id: String,
        /// The agreement's local id.
        agreement_id: String,
        /// The first actor's local id.
        actor1: String,
        /// The second actor's local id.
        actor2: String,
        /// The first actor's COW country code.
        ccode1: Option<i64>,
        /// The second actor's COW country code.
        ccode2: Option<i64>,
        /// The first actor's ISO 3166 alpha-3 code.
        iso1: Option<&'static str>,
        /// The second actor's ISO 3166 alpha-3 code.
        iso2: Option<&'static str>,
        /// The year.
        year: i32,
        /// 1 when either pledges defense to the other (ATOP `atop_defense`).
        atop_defense: u8,
        /// 1 when either pledges offense to the other.
        atop_offense: u8,
        /// 1 when either pledges neutrality to the other.
        atop_neutral: u8,
        /// 1 when either pledges non-aggression to the other.
        atop_nonagg: u8,
        /// 1 when either pledges consultation to the other.
        atop_consul: u8,
        /// The agreement's COW type: `I`, `II`, `III`.
        cow_type: Option<&'static str>,
        /// 1 when a disputed act or pledge of the agreement (counted or set aside under the dispute policy) bears on the row's span, flags or COW type.
        disputed: u8,
    }

    /// An ordered pair of parties of one agreement in one year in which both are bound on a
    /// common day; the flags are what `actor1` pledges to `actor2`.
    "directed_dyad_years" => DirectedDyadYearRow in directed_dyad_years {
        /// The dossier's id.
        dossier_id: String,
        /// The agreement's local id.
        agreement_id: String,
        /// The pledging actor's local id.
        actor1: String,
        /// The other actor's local id.
        actor2: String,
        /// `actor1`'s COW country code.
        ccode1: Option<i64>,
        /// `actor2`'s COW country code.
        ccode2: Option<i64>,
        /// `actor1`'s ISO 3166 alpha-3 code.
        iso1: Option<&'static str>,
        /// `actor2`'s ISO 3166 alpha-3 code.
        iso2: Option<&'static str>,
        /// The year.
        year: i32,
        /// 1 when `actor1` pledges defense to `actor2`.
        atop_defense: u8,
        /// 1 when `actor1` pledges offense to `actor2`.
        atop_offense: u8,
        /// 1 when `actor1` pledges neutrality to `actor2`.
        atop_neutral: u8,
        /// 1 when `actor1` pledges non-aggression to `actor2`.
        atop_nonagg: u8,
        /// 1 when `actor1` pledges consultation to `actor2`.
        atop_consul: u8,
        /// The agreement's COW type: `I`, `II`, `III`.
        cow_type: Option<&'static str>,
        /// 1 when a disputed act or pledge of the agreement (counted or set aside under the dispute policy) bears on the row's span, flags or COW type.
        disputed: u8,
    }

    /// An ordered pair of parties of one agreement and a day-precision interval in which both
    /// are bound (finer than any year table: joins and departures mid-year stay exact).
    "directed_dyad_intervals" => DirectedDyadIntervalRow in directed_dyad_intervals {
        /// The dossier's id.
        dossier_id: String,
        /// The agreement's local id.
        agreement_id: String,
        /// The pledging actor's local id.
        actor1: String,
        /// The other actor's local id.
        actor2: String,
        /// `actor1`'s COW country code.
        ccode1: Option<i64>,
        /// `actor2`'s COW country code.
        ccode2: Option<i64>,
        /// `actor1`'s ISO 3166 alpha-3 code.
        iso1: Option<&'static str>,
        /// `actor2`'s ISO 3166 alpha-3 code.
        iso2: Option<&'static str>,
        /// The first day both are bound.
        start: NaiveDate,
        /// The last day both are bound; empty while both still are.
        end: Option<NaiveDate>,
        /// 1 when `actor1` pledges defense to `actor2`.
        atop_defense: u8,
        /// 1 when `actor1` pledges offense to `actor2`.
        atop_offense: u8,
        /// 1 when `actor1` pledges neutrality to `actor2`.
        atop_neutral: u8,
        /// 1 when `actor1` pledges non-aggression to `actor2`.
        atop_nonagg: u8,
        /// 1 when `actor1` pledges consultation to `actor2`.
        atop_consul: u8,
        /// The agreement's COW type: `I`, `II`, `III`.
        cow_type: Option<&'static str>,
        /// 1 when a disputed act or pledge of the agreement (counted or set aside under the dispute policy) bears on the row's span, flags or COW type.
        disputed: u8,
    }

    /// One person signing one agreement for one party.
    "signatures" => SignatureRow in signatures {
        /// The dossier's id.
        dossier_id: String,
        /// The agreement's local id.
        agreement_id: String,
        /// The signature's position in the agreement's list, from 1.
        seq: i64,
        /// The party signed for (local actor id).
        party_id: String,
        /// The party's COW country code.
        ccode: Option<i64>,
        /// The party's ISO 3166 alpha-3 code.
        iso3: Option<&'static str>,
        /// The signer (local person id).
        signer_id: String,
        /// The signer's name.
        signer_name: Option<String>,
        /// The capacity in which they signed.
        capacity: Option<String>,
        /// The date as recorded (EDTF, may be partial).
        date_edtf: Option<String>,
        /// The day, when the date is a single day.
        date: Option<NaiveDate>,
        /// The year of the date, when it names one.
        year_signed: Option<i32>,
        /// The place's name.
        place: Option<String>,
        /// 1 when the signature is one alternative of a dispute, counted under the dispute policy.
        disputed: u8,
    }

    /// One force actor of one troop presence (a presence of several actors gives one row each,
    /// with the same estimate, which is the presence's as a whole).
    "troop_presences" => TroopPresenceRow in troop_presences {
        /// The dossier's id.
        dossier_id: String,
        /// The troop presence's local id.
        troop_presence_id: String,
        /// The force actor's local id.
        actor_id: String,
        /// The force actor's COW country code, or that of the state it belongs to.
        ccode: Option<i64>,
        /// The force actor's ISO 3166 alpha-3 code.
        iso3: Option<&'static str>,
        /// The host country's ISO 3166 alpha-3 code.
        host_iso3: &'static str,
        /// The host's COW country code, when a state actor of the dossier with that country gives one.
        host_ccode: Option<i64>,
        /// The estimate's lowest figure.
        low: Option<i64>,
        /// The estimate's best figure.
        best: Option<i64>,
        /// The estimate's highest figure.
        high: Option<i64>,
        /// How to read the bounds (`exact`, `approximately`, `at_least`, `at_most`, `range`, `unknown`).
        qualifier: String,
        /// What is counted (`personnel`, `aircraft` …).
        unit: String,
        /// Since when they are there, as recorded (EDTF).
        since_edtf: Option<String>,
        /// The date the estimate refers to, as recorded (EDTF).
        as_of_edtf: Option<String>,
        /// The last day the as-of date may denote.
        as_of: Option<NaiveDate>,
        /// The year of `as_of`.
        as_of_year: Option<i32>,
        /// Whether the host consents (`consented`, `not_consented`, `contested`, `unknown`).
        host_consent: String,
        /// The agreement the presence rests on.
        agreement_id: Option<String>,
        /// 1 when the presence, a field of it (its strength …) or a claim about the host's consent to it is disputed (counted or set aside under the dispute policy).
        disputed: u8,
    }
}
