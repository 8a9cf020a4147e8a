-- The table of test/bench/loaders.sh: per loader and size, best of the
-- repetitions of each step
--   copy_ms     \copy of the loaded rows, as typed rows, into empty tables
--               LIKE the store's (key, indexes, checks): the floor
--   stage_ms    stage() + \copy of the file into the staging table
--   load_ms     the row loader (load_baci, load_comtrade, load_usgs_mcs)
--   x_load      load_ms / copy_ms
--   x_staged    (stage_ms + load_ms) / copy_ms
--   file_ms     the file loader (load_baci_file, ...) of the file's bytes
--   x_file      file_ms / copy_ms
--   us_per_row  microseconds a row: the row loader, the file loader, the copy
--   peak_anon_MB  the load_baci backend's peak private memory (RssAnon)
\set ON_ERROR_STOP on
\pset footer off
WITH best AS (
	SELECT loader, rows, min(ms) FILTER (WHERE step = 'copy') AS copy_ms, min(ms) FILTER (WHERE step = 'stage') AS stage_ms,
	       min(ms) FILTER (WHERE step = 'load') AS load_ms, min(ms) FILTER (WHERE step = 'file') AS file_ms,
	       max(peak_anon_kb) AS peak_kb
	FROM bench_load_times GROUP BY loader, rows)
SELECT loader, rows, round(copy_ms) AS copy_ms, round(stage_ms) AS stage_ms, round(load_ms) AS load_ms,
       round((load_ms / copy_ms)::numeric, 2) AS x_load,
       round(((stage_ms + load_ms) / copy_ms)::numeric, 2) AS x_staged,
       round(file_ms) AS file_ms, round((file_ms / copy_ms)::numeric, 2) AS x_file,
       round((1000 * load_ms / rows)::numeric, 2) AS us_row_load,
       round((1000 * file_ms / rows)::numeric, 2) AS us_row_file,
       round((1000 * copy_ms / rows)::numeric, 2) AS us_row_copy,
       round(peak_kb / 1024.0, 1) AS peak_anon_mb
FROM best ORDER BY loader, rows;
