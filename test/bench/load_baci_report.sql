-- The table of test/bench/load_baci.sh: best of the repetitions of each step
--   copy_ms        \copy of the rows as trade_flow rows into an empty table
--                  LIKE trade_flow INCLUDING ALL (key, indexes, checks)
--   stage_ms       stage('baci') + \copy of the BACI file into pg_temp.baci_raw
--   load_ms        load_baci() from the staged rows into the empty store
--   x_load         load_ms / copy_ms
--   x_end_to_end   (stage_ms + load_ms) / copy_ms
--   file_ms        load_baci_file() of the file's bytes into the empty store
--   x_file         file_ms / copy_ms
--   rows/s         rows / (stage_ms + load_ms)
--   peak_anon_MB   the loading backend's peak private memory (RssAnon)
\set ON_ERROR_STOP on
\pset footer off
WITH best AS (
	SELECT rows, min(ms) FILTER (WHERE step = 'copy') AS copy_ms, min(ms) FILTER (WHERE step = 'stage') AS stage_ms,
	       min(ms) FILTER (WHERE step = 'load') AS load_ms, min(ms) FILTER (WHERE step = 'file') AS file_ms,
	       max(peak_anon_kb) AS peak_kb
	FROM bench_baci_times GROUP BY rows)
SELECT rows, round(copy_ms) AS copy_ms, round(stage_ms) AS stage_ms, round(load_ms) AS load_ms,
       round((load_ms / copy_ms)::numeric, 2) AS x_load,
       round(((stage_ms + load_ms) / copy_ms)::numeric, 2) AS x_end_to_end,
       round(file_ms) AS file_ms, round((file_ms / copy_ms)::numeric, 2) AS x_file,
       round(rows / ((stage_ms + load_ms) / 1000)) AS "rows/s",
       round(rows / (copy_ms / 1000)) AS "copy rows/s",
       round(peak_kb / 1024.0, 1) AS peak_anon_mb
FROM best ORDER BY rows;
