"""Loads the research tables of the example dossiers in DuckDB and checks them.

Usage: python check_duckdb.py DIR

DIR holds three writes of the same dossiers (through 2024): `csv/`, `parquet/` and
`partitioned/` (Parquet, year tables partitioned Hive-style). Checks the row counts, that each
table's key is unique, that CSV, Parquet and the partitioned files hold the same rows, and a
join with a small COW-coded table (cow_states.csv, from the COW State System Membership list).
"""

import pathlib
import sys

import duckdb

HERE = pathlib.Path(__file__).parent

# The example dossiers through 2024. Dyad-years: NATO 66 pairs x 76 years (1949-2024), Greece
# and Turkey with the 12 and each other from 1952 (73 years), the FRG with 14 from 1955; the
# Manila Pact 21 pairs x 70 years (1955-2024) plus Pakistan's 7 pairs x 19 years (1955-1973,
# its denunciation took effect on 1973-11-07); US-Japan treaty and SOFA, 1 pair x 65 years each
# (tests/tables.rs checks these four on their own). The Collective Security Treaty (in force
# 1994-04-20): its 6 lasting members' 15 pairs x 31 years, the 21 other pairs of its 9 members
# x 6 years (Azerbaijan, Georgia and Uzbekistan left in 1999), and Uzbekistan's second spell
# (2006 to its 2012 suspension) with the 6, x 7 years; 10 member spells, 84 directed intervals.
# Russia-DPRK 2024 (in force 2024-12-04): 2 members, 1 pair x 1 year, 2 signatures; the
# Russia-Sudan naval facility agreement of 2020 was never in force: an agreement row only; the
# DPRK troops in Kursk add one troop presence. Iran-Syria 2020's two rival Syrian signers are
# one dispute, which the default dispute policy sets aside: 32 signatures recorded, 30 rows.
FOUR = 66 * 76 + 2 * 12 * 73 + 73 + 14 * 70 + 21 * 70 + 7 * 19 + 2 * 65
CST = 15 * 31 + 21 * 6 + 6 * 7
EXPECTED = {
    "agreements": 6 + 1 + 2,
    "members": 27 + 10 + 2,
    "state_years": 1767 + 211 + 2,
    "dyad_years": FOUR + CST + 1,
    "directed_dyad_years": 2 * (FOUR + CST + 1),
    "directed_dyad_intervals": 270 + 84 + 2,
    "signatures": 30 + 2,
    "troop_presences": 3 + 1,
}

KEYS = {
    "agreements": "dossier_id, agreement_id",
    "members": "dossier_id, agreement_id, actor_id, spell",
    "state_years": "dossier_id, actor_id, year",
    "dyad_years": "dossier_id, agreement_id, actor1, actor2, year",
    "directed_dyad_years": "dossier_id, agreement_id, actor1, actor2, year",
    "directed_dyad_intervals": "dossier_id, agreement_id, actor1, actor2, start",
    "signatures": "dossier_id, agreement_id, seq",
    "troop_presences": "dossier_id, troop_presence_id, actor_id",
}

YEAR_TABLES = {"state_years", "dyad_years", "directed_dyad_years"}

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def main(root):
    con = duckdb.connect()
    for table in EXPECTED:
        con.execute(f"CREATE VIEW csv_{table} AS SELECT * FROM read_csv('{root}/csv/{table}.csv', header = true)")
        con.execute(f"CREATE VIEW pq_{table} AS SELECT * FROM read_parquet('{root}/parquet/{table}.parquet')")
        if table in YEAR_TABLES:
            source = f"read_parquet('{root}/partitioned/{table}/*/*.parquet', hive_partitioning = true)"
        else:
            source = f"read_parquet('{root}/partitioned/{table}.parquet')"
        con.execute(f"CREATE VIEW part_{table} AS SELECT * FROM {source}")

    for table, expected in EXPECTED.items():
        for prefix in ("csv", "pq", "part"):
            (count,) = con.execute(f"SELECT count(*) FROM {prefix}_{table}").fetchone()
            check(count == expected, f"{prefix} {table}: {count} rows (expected {expected})")
        key = KEYS[table]
        (dupes,) = con.execute(
            f"SELECT count(*) FROM (SELECT {key} FROM pq_{table} GROUP BY {key} HAVING count(*) > 1)"
        ).fetchone()
        check(dupes == 0, f"{table}: key ({key}) unique")
        # The same rows in every format (columns by name; CSV dates and numbers typed by sniffing).
        columns = [r[0] for r in con.execute(f"DESCRIBE pq_{table}").fetchall()]
        cols = ", ".join(f'CAST("{c}" AS VARCHAR)' for c in columns)
        for other in ("csv", "part"):
            (diff,) = con.execute(
                f"SELECT count(*) FROM ((SELECT {cols} FROM pq_{table} EXCEPT ALL SELECT {cols} FROM {other}_{table})"
                f" UNION ALL (SELECT {cols} FROM {other}_{table} EXCEPT ALL SELECT {cols} FROM pq_{table}))"
            ).fetchone()
            check(diff == 0, f"{table}: parquet and {other} hold the same rows")

    # Undirected dyads are ordered by COW code.
    (unordered,) = con.execute("SELECT count(*) FROM pq_dyad_years WHERE NOT ccode1 < ccode2").fetchone()
    check(unordered == 0, "dyad_years: ccode1 < ccode2")

    # Join with a COW-coded table: every coded party finds its state, abbreviations come through.
    con.execute(f"CREATE VIEW cow AS SELECT * FROM read_csv('{HERE}/cow_states.csv', header = true)")
    (unmatched,) = con.execute(
        "SELECT count(*) FROM pq_members m LEFT JOIN cow c USING (ccode) WHERE m.ccode IS NOT NULL AND c.ccode IS NULL"
    ).fetchone()
    check(unmatched == 0, "members: every ccode is in the COW state list")
    rows = con.execute(
        "SELECT c1.stateabb, c2.stateabb, max(d.year) FROM pq_dyad_years d "
        "JOIN cow c1 ON d.ccode1 = c1.ccode JOIN cow c2 ON d.ccode2 = c2.ccode "
        "WHERE d.agreement_id = 'manila-pact' AND 'PAK' IN (c1.stateabb, c2.stateabb) "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    check(len(rows) == 7 and all(r[2] == 1973 for r in rows), f"Pakistan's SEATO dyads end in 1973: {rows}")
    (joined,) = con.execute(
        "SELECT count(*) FROM pq_dyad_years d JOIN cow c1 ON d.ccode1 = c1.ccode JOIN cow c2 ON d.ccode2 = c2.ccode"
    ).fetchone()
    check(joined == EXPECTED["dyad_years"], f"dyad_years: all {joined} rows join the COW list on both codes")

    # The ATOP-style aggregate over agreements (peacesciencer's columns) runs on the files.
    (nato_us_uk,) = con.execute(
        "SELECT max(atop_defense) FROM pq_dyad_years WHERE ccode1 = 2 AND ccode2 = 200 AND year = 1960"
    ).fetchone()
    check(nato_us_uk == 1, "USA-UKG 1960: a defense pledge")

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("all table checks passed")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/ci-tables")
