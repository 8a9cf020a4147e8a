-- rareearth 0.2.0 -> 0.3.0.  The Makefile assembles the update script from
-- this file and the install parts listed in UPGRADE_0_3_0_PARTS (new in
-- 0.3.0, or replaced as a whole).  Every change to an install part comes
-- with its change here, in the same commit: test/scripts/upgrade.sh updates
-- 0.1.0 and 0.2.0 to 0.3.0 and compares the catalog with a fresh install.
-- 52_store.sql, 54_load_trade.sql, 56_store_views.sql and 58_load_trade_file.sql
-- follow this file whole (their functions are CREATE OR REPLACE); this file carries the changes of every other part,
-- one section per change, functions as CREATE OR REPLACE.  The update does
-- not touch the store (it belongs to its owner, not to the extension): the
-- owner runs create_store() after it, which adds what is missing and
-- redefines the views.

\echo Use "ALTER EXTENSION rareearth UPDATE TO '0.3.0'" to load this file. \quit

-- files: 54_load_trade.sql (the trade loaders: booleans in any spelling, the
-- net weight's source, comtrade_load_rows shared with load_comtrade_file) is
-- replayed whole after this file (Makefile UPGRADE_0_3_0_PARTS)

-- files: 58_load_trade_file.sql (load_comtrade_file, new) is replayed whole
-- after this file (Makefile UPGRADE_0_3_0_PARTS)
