-- usgs_mcs_file: load_usgs_mcs_file on small files written here, in the
-- layouts of the real releases (test/scripts/usgs_mcs_files.sh loads the
-- shipped files themselves): the encodings, the layouts, the edition check,
-- the commodity selection, every row accounted for, and the errors with
-- their SQLSTATE.
\set VERBOSITY terse
-- errors are shown as SQLSTATE: message by error_of (sql/setup.sql)

-- the CSV reader: quotes, CRLF, a quoted line break, an empty line
SELECT * FROM read_csv(E'a,"b,c"\r\n"x ""y""",\r\n\r\n"1\r\n2",z');
SELECT error_of($q$SELECT * FROM read_csv(E'a,"b\n')$q$) AS unterminated;
-- a record longer than max_record_bytes (line end included) is refused, naming its line
SELECT * FROM read_csv(E'ab,c\nabc\n', 5);
SELECT error_of($q$SELECT * FROM read_csv(E'ab,c\nabcde\n', 5, 'file "x.csv"')$q$) AS too_long;
SELECT error_of($q$SELECT * FROM read_csv('a', -1)$q$) AS negative_bound;
SELECT count(*) AS no_records FROM read_csv(NULL);

-- an MCS2023-style world file (UTF-8 with BOM, CRLF; header with units, est
-- and years; a quoted thousands separator; a footnote on a country; a glued
-- estimate e; NA; a word; an all-empty row; trailing empty columns)
CREATE TEMP TABLE world AS SELECT '\xefbbbf'::bytea || convert_to(
	E'Source,Country,Type,Prod_t_2021,Prod_t_est_2022,Prod_notes,Reserves_kt,Reserves_notes,,\r\n'
	'MCS2023,United States,"Mine production, lithium content",W,W,,1000,,,\r\n'
	'MCS2023,Argentinae,"Mine production, lithium content","5,970",6200,,2700,,,\r\n'
	'MCS2023,Chile,"Mine production, lithium content",28300,39000,Production in 2021 is also estimated.,Large,,,\r\n'
	'MCS2023,China6,"Mine production, lithium content",14000,19000,,NA,,,\r\n'
	'MCS2023,United States and Canada,"Mine production, lithium content",1,1,,,,,\r\n'
	',,,,,,,,,\r\n'
	'MCS2023,World total (rounded),"Mine production, lithium content",107000,130000,,26000,,,\r\n', 'UTF8') AS content;
CREATE TEMP TABLE world_load AS
SELECT * FROM load_usgs_mcs_file((SELECT content FROM world), 'mcs2023-lithi_world.csv');
SELECT * FROM world_load;
-- every data row counted once (7 after the header)
SELECT rows_loaded + rows_rejected + rows_out_of_scope = 7 AS every_row_counted FROM world_load;
-- thousand metric tons into t; est in the header, "also estimated" notes and a glued e make e
SELECT country, year, quantity_t, qualifier, unit, published_unit, edition FROM production
WHERE edition = 'MCS2023' ORDER BY country::text, year;
SELECT country, as_of_year, quantity_t, qualifier, unit, published_unit FROM reserves
WHERE edition = 'MCS2023' ORDER BY country::text;
-- what was not loaded, and why, with file and line
SELECT file, line, severity, reason, record->>'column' AS column_name FROM load_rejects
WHERE release = 'MCS2023' ORDER BY line, reason, column_name;
-- loading it again replaces its own rejects, nothing doubles
SELECT * FROM load_usgs_mcs_file((SELECT content FROM world), 'mcs2023-lithi_world.csv');
SELECT count(*) AS rejects_once FROM load_rejects WHERE file = 'mcs2023-lithi_world.csv';

-- the MCS2022 world layout (format doc: no notes, no reserves, "Est"
-- capitalised, "Type " with a trailing space), UTF-8 without BOM, LF
SELECT * FROM load_usgs_mcs_file(convert_to(E'Source,Country,Type ,Prod_t_2020,Prod_t_Est_2021\n'
	'MCS2022,China,Mine production,140000,168000\nMCS2022,World total (rounded),Mine production,240000,280000\n', 'UTF8'),
	'mcs2022-raree_world.csv');
SELECT country, year, quantity_t, qualifier FROM production WHERE edition = 'MCS2022' ORDER BY country::text, year;

-- the MCS2026 long table (Windows-1252: em dash = zero), two commodities,
-- one selected; a US salient row is a published statistic
CREATE TEMP TABLE long AS SELECT convert_to(
	E'MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,Is critical mineral 2025,Other notes\r\n'
	'RARE EARTHS,World Mine Production and Reserves,Rare Earths,Canada,Production,Mine production,metric tons,2024,\u2014,,Yes,\r\n'
	'RARE EARTHS,World Mine Production and Reserves,Rare Earths,China,Production,Mine production,metric tons,2025,"270,000",Estimated.,Yes,\r\n'
	'COBALT,World Mine Production and Reserves,Cobalt,"Congo (Kinshasa)",Production,Mine production,metric tons,2025,"170,000",Estimated.,Yes,\r\n'
	'RARE EARTHS,Salient Statistics\u2014United States,Rare Earths,United States,Net import reliance,Net import reliance,percent,2025,>95,,Yes,\r\n',
	'WIN1252') AS content;
SELECT * FROM load_usgs_mcs_file((SELECT content FROM long), 'usgs_mcs2026_commodities_data.csv', 'MCS2026', ARRAY['rare earths']);
SELECT country, year, commodity, quantity_t, qualifier FROM production WHERE edition = 'MCS2026' ORDER BY country::text;
SELECT line, severity, reason FROM load_rejects WHERE file = 'usgs_mcs2026_commodities_data.csv' ORDER BY line;
SELECT country::text, commodity, statistic, year, value, unit, qualifier, estimated FROM published_statistic
WHERE edition = 'MCS2026' AND source LIKE '%load_usgs_mcs_file%';
-- the other file's rejects are still there
SELECT count(*) AS world_rejects_kept FROM load_rejects WHERE file = 'mcs2023-lithi_world.csv';

-- errors, each loading nothing
CREATE TEMP TABLE before AS SELECT (SELECT count(*) FROM production) + (SELECT count(*) FROM reserves) AS n;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM world), 'mcs2023-lithi_world.csv', 'MCS2024')$q$) AS wrong_edition;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM world), 'mcs2024-lithi_world.csv')$q$) AS name_says_other_edition;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM long))$q$) AS long_table_without_edition;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM long), 'x.csv', 'MCS2019')$q$) AS years_of_another_edition;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM world))$q$) AS world_file_without_name;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM world), 'mcs2023-nosuch_world.csv')$q$) AS unknown_file_code;
SELECT error_of($q$SELECT load_usgs_mcs_file(''::bytea, 'empty.csv', 'MCS2026')$q$) AS empty_file;
SELECT error_of($q$SELECT load_usgs_mcs_file(convert_to(E'Year,Value\r\n2024,1\r\n', 'UTF8'), 'other.csv', 'MCS2026')$q$) AS unknown_layout;
SELECT error_of($q$SELECT load_usgs_mcs_file(convert_to(E'Source,Country,Type,Prod_2021\r\nMCS2023,China,x,1\r\n', 'UTF8'), 'mcs2023-lithi_world.csv')$q$) AS column_without_unit;
SELECT error_of($q$SELECT load_usgs_mcs_file('\x81ff'::bytea, 'bad.csv', 'MCS2026')$q$) AS neither_utf8_nor_win1252;
SELECT error_of($q$SELECT load_usgs_mcs_file(convert_to(E'Source,Country\r\n"MCS2023', 'UTF8'), 'mcs2023-lithi_world.csv')$q$) AS unterminated_quote;
-- a line past 1 MB is refused before it is read whole (54000), naming file and line
SELECT error_of($q$SELECT load_usgs_mcs_file(convert_to(E'Source,Country,Type,Prod_t_2021\r\nMCS2023,Chile,x,' || repeat('9', 1048576), 'UTF8'), 'mcs2023-lithi_world.csv')$q$) AS line_too_long;
SELECT error_of($q$SELECT load_usgs_mcs_file(NULL::bytea)$q$) AS null_content;
SELECT error_of($q$SELECT load_usgs_mcs_file((SELECT content FROM long), 'usgs_mcs2026_commodities_data.csv', commodity => ARRAY['unobtainium'])$q$) AS unknown_commodity;
SELECT (SELECT count(*) FROM production) + (SELECT count(*) FROM reserves) = b.n AS errors_loaded_nothing FROM before b;

-- a US salient file: each cell a figure of published_statistic as printed
-- (NIR and USprod columns under the names the views read; an E only in NIR;
-- years the edition's five; the latest, 2022, estimated, as the release's
-- metadata say of every salient file)
SELECT * FROM load_usgs_mcs_file(convert_to(
	E'DataSource,Commodity,Year,USprod_t,Imports_t,Price_dt,NIR_pct,Employment_num\r\n'
	'MCS2023,Lithium,2022,W,"3,700",E,>25,\r\n'
	'MCS2023,Lithium,2021,W,2600,12000,E,70\r\n'
	'MCS2023,Lithium,2010,1,1,1,1,1\r\n'
	'MCS2023,Lithium,2020,,,,,\r\n', 'UTF8'), 'mcs2023-lithi_salient.csv');
SELECT country, commodity, statistic, year, value, unit, qualifier, estimated FROM published_statistic
WHERE source LIKE '%mcs2023-lithi_salient.csv%' ORDER BY year, statistic;
SELECT line, severity, reason, record->>'column' AS column_name FROM load_rejects
WHERE file = 'mcs2023-lithi_salient.csv' ORDER BY line, column_name;

-- the country names of the MCS files
SELECT n, (usgs_mcs_country(n)).* FROM unnest(ARRAY['China6', 'Argentinae', 'Korea, Republic ofe', 'Korea, North',
	'Congo (Kinshasa)', 'Congo (Brazzaville)', E'C\u00f4te d\u2019Ivoire', 'Brazil (crude and beneficiated)9', 'Argentina, crude ore',
	'World total (ilmenite, rounded)', 'World total, natural', 'Other countries10', 'Other', E'Vietnam\u00a0',
	'United States and Canada']) n;

DELETE FROM production WHERE source LIKE '%load_usgs_mcs_file%';
DELETE FROM reserves WHERE source LIKE '%load_usgs_mcs_file%';
DELETE FROM published_statistic WHERE source LIKE '%load_usgs_mcs_file%';
DELETE FROM load_rejects;
