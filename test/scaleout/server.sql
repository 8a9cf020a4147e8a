-- On the coordinator: the foreign server for node :n (psql variables n and
-- host, its socket folder or host name) and the current user's mapping.
--   extensions 'rareearth'  rareearth's functions, operators and types may be
--                           shipped (without it no rareearth aggregate is)
--   fetch_size '1000'       rows per round trip (default 100)
--   async_capable 'true'    the shards of one Append run at the same time
\set ON_ERROR_STOP on
SELECT format('CREATE SERVER node%s FOREIGN DATA WRAPPER postgres_fdw OPTIONS '
              '(host %L, port ''5432'', dbname ''shard'', extensions ''rareearth'', '
              'fetch_size ''1000'', async_capable ''true'')', :n, :'host'),
       format('CREATE USER MAPPING FOR CURRENT_USER SERVER node%s OPTIONS (user %L)', :n, current_user) \gexec
