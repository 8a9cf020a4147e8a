-- The US salient statistics of the shipped MCS2026 long
-- table (data/usgs/mcs2026, every commodity) loaded by load_usgs_mcs_file,
-- and USGS's printed net import reliance through usgs_net_import_reliance,
-- each figure checked against the raw file read on its own (a plain \copy
-- of the CSV into text columns, no rareearth function) and against the
-- figures of the printed MCS2026 chapters; then the MCS2024 rare-earths
-- salient file, whose reliance must carry the same statistic names.
SET client_min_messages = warning;
CREATE ROLE salient_owner LOGIN;
CREATE DATABASE rareearth_salient OWNER salient_owner;
\c rareearth_salient salient_owner
SET client_min_messages = warning;
CREATE EXTENSION rareearth;
SELECT rareearth.create_store() \gset
SET search_path = rareearth, public;

-- the raw file, as text
CREATE TEMP TABLE raw (chapter text, section text, commodity text, country text, statistics text, detail text,
	unit text, year text, value text, notes text, critical text, other_notes text);
\copy raw FROM 'data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv' CSV HEADER ENCODING 'WIN1252'

\set content `base64 -w0 data/usgs/mcs2026/usgs_mcs2026_commodities_data.csv`
CREATE TEMP TABLE counts AS
SELECT * FROM load_usgs_mcs_file(decode(:'content', 'base64'), 'usgs_mcs2026_commodities_data.csv');

-- every record accounted for; the salient section is no longer out of scope
SELECT c.rows_loaded + c.rows_rejected + c.rows_out_of_scope = (SELECT count(*) FROM raw) AS every_record_counted,
       c.rows_out_of_scope = (SELECT count(*) FROM raw WHERE section = 'Import Sources') AS only_import_sources_out_of_scope,
       (SELECT count(*) FROM raw WHERE section LIKE 'Salient Statistics%')
         = (SELECT count(*) FROM published_statistic WHERE edition = 'MCS2026' AND statistic NOT LIKE 'capacity: %')
           + (SELECT count(*) FROM load_rejects WHERE record->>'Section' LIKE 'Salient Statistics%')
         AS salient_rows_loaded_or_rejected
FROM counts c;

-- the figures: the raw file's cell, and the view's reading of it
CREATE TEMP TABLE nir AS
SELECT * FROM usgs_net_import_reliance WHERE edition = 'MCS2026';
SELECT (SELECT value FROM raw WHERE chapter = 'COBALT' AND section LIKE 'Salient%' AND statistics = 'Net import reliance' AND year = '2025') = '79'
         AS raw_cobalt_2025_79,
       (SELECT (nir_pct, qualifier, label, estimated) = (79::float8, 'e', '79', true) FROM nir
        WHERE commodity = 'cobalt' AND statistic = 'net_import_reliance' AND year = 2025) AS cobalt_2025_79_estimated,
       (SELECT value FROM raw WHERE chapter = 'LITHIUM' AND section LIKE 'Salient%' AND statistics = 'Net import reliance' AND year = '2024') = '>50'
         AS raw_lithium_2024_over_50,
       (SELECT (nir_pct, qualifier, label) = (50::float8, '>', '>50') FROM nir
        WHERE commodity = 'lithium' AND statistic = 'net_import_reliance' AND year = 2024) AS lithium_2024_over_50,
       (SELECT value FROM raw WHERE chapter = 'RARE EARTHS' AND statistics = 'Net import reliance' AND year = '2024'
          AND detail LIKE '%: Compounds and metals') = '53' AS raw_ree_compounds_metals_2024_53,
       (SELECT (nir_pct, qualifier IS NULL, label, stage) = (53::float8, true, '53', 'compounds and metals') FROM nir
        WHERE commodity = 'rare earths' AND statistic = 'net_import_reliance_compounds_and_metals' AND year = 2024) AS ree_compounds_metals_2024_53,
       (SELECT value FROM raw WHERE chapter = 'RARE EARTHS' AND statistics = 'Net import reliance' AND year = '2024'
          AND detail LIKE '%: Mineral concentrates') = 'E' AS raw_ree_concentrates_2024_e,
       (SELECT (nir_pct IS NULL, qualifier, label) = (true, 'E', 'E') FROM nir
        WHERE commodity = 'rare earths' AND statistic = 'net_import_reliance_mineral_concentrates' AND year = 2024) AS ree_concentrates_2024_net_exporter;

-- every printed reliance of the section is in the view, as printed: the
-- label against the raw cell, for every row whose Commodity is one of
-- commodities; the only labels that differ are MICA (NATURAL)'s sheet-mica
-- table, printed under the same Commodity and details as scrap and flake
-- and refused as a duplicate
SELECT count(*) AS nir_cells,
       count(*) FILTER (WHERE n.label IS NOT NULL) AS in_view,
       count(*) FILTER (WHERE n.label = r.value) AS label_as_printed,
       array_agg(DISTINCT r.chapter) FILTER (WHERE n.label <> r.value) AS chapters_differing,
       count(*) FILTER (WHERE n.label <> r.value) = (SELECT count(*) FROM load_rejects WHERE record->>'Statistics' = 'Net import reliance'
                                                      AND reason LIKE 'duplicate of an earlier row%') AS differing_are_the_duplicates
FROM raw r
LEFT JOIN nir n ON n.year = r.year::int AND n.statistic = usgs_mcs_statistic_name(r.statistics, r.detail)
 AND n.commodity = (SELECT c.name FROM commodities c WHERE c.usgs_chapter = r.chapter AND lower(c.usgs_name) = lower(r.commodity))
WHERE r.section LIKE 'Salient%' AND r.statistics = 'Net import reliance'
  AND EXISTS (SELECT FROM commodities c WHERE c.usgs_chapter = r.chapter AND lower(c.usgs_name) = lower(r.commodity))
  AND r.value ~ '^([<>]?[0-9]+|E|W|NA)$';

-- an element's price row is its chapter's commodity (Cerium -> rare earths),
-- never dropped; a Commodity of a chapter of several (Argon) is refused with why
SELECT (SELECT value FROM raw WHERE commodity = 'Cerium' AND year = '2024') AS raw_cerium_2024,
       (SELECT value FROM published_statistic WHERE commodity = 'rare earths' AND edition = 'MCS2026' AND year = 2024
          AND statistic = 'price_average_dollars_per_kilogram_cerium_oxide_99_5_percent_minimum') AS cerium_oxide_price_2024,
       (SELECT count(*) FROM raw WHERE commodity = 'Argon' AND section LIKE 'Salient%') AS raw_argon_salient_rows,
       (SELECT count(*) FROM load_rejects WHERE record->>'Commodity' = 'Argon'
          AND reason = 'commodity "Argon" of chapter "HELIUM AND RARE GASES" is none of the chapter''s commodities (helium, krypton, neon, xenon), and the chapter has several')
         AS argon_rejected_with_reason;

-- MCS2024's per-commodity salient file of rare earths: the same reliance names
\set content `base64 -w0 data/usgs/mcs2024/salient/mcs2024-raree_salient.csv`
SELECT * FROM load_usgs_mcs_file(decode(:'content', 'base64'), 'mcs2024-raree_salient.csv');
SELECT edition, statistic, count(*) AS years FROM usgs_net_import_reliance WHERE commodity = 'rare earths' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT (SELECT array_agg(DISTINCT statistic ORDER BY statistic) FROM usgs_net_import_reliance WHERE commodity = 'rare earths' AND edition = 'MCS2024')
     = (SELECT array_agg(DISTINCT statistic ORDER BY statistic) FROM usgs_net_import_reliance WHERE commodity = 'rare earths' AND edition = 'MCS2026')
       AS same_names_mcs2024_mcs2026;
-- 2022 is in both editions (MCS2024 printed >95 for compounds and metals,
-- MCS2026 too): latest marks MCS2026's
SELECT edition, label, latest FROM usgs_net_import_reliance
WHERE commodity = 'rare earths' AND statistic = 'net_import_reliance_compounds_and_metals' AND year = 2022 ORDER BY edition;

\c contrib_regression postgres
DROP DATABASE rareearth_salient;
DROP ROLE salient_owner;
