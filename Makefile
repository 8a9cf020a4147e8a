# rareearth — PGXS build.
#
#   make            build the extension (needs postgresql-server-dev-15)
#   make install    install it into the PostgreSQL found by PG_CONFIG
#   make demo       install missing packages, build, start a throwaway cluster, run the worked example
#   make test       the same set-up, then every test; ends with "N passed, N failed"
#   make bench      benchmark against plain SQL and the scan floor (a command, not a test)
#   make cluster-demo   three local nodes, trade rows sharded by reporter over postgres_fdw, distributed queries
#   make bench-cluster  the synthetic rows on 1 node and on 3 nodes: time, rows and bytes shipped (a command)
#
# demo/test/bench work on a machine without PostgreSQL's development files:
# test/deps installs what is missing from Debian's packages first, so this
# file must not need PGXS to parse.

EXTENSION = rareearth
.DEFAULT_GOAL := all
# the version has one source: rareearth.control
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
PG_SERVER_HEADER := $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)/postgres.h

MODULE_big = rareearth
CORE_SRCS = $(sort $(wildcard src/core/*.c))
GLUE_SRCS = $(sort $(wildcard src/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

# The install script is assembled from one file per concern, in name order.
# Install scripts of earlier releases are kept, frozen, in sql/released/, so
# that an installed old version can be updated (and the update tested).
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--0.1.0--0.2.0.sql
DATA = $(wildcard sql/released/$(EXTENSION)--*.sql)

# 0.1.0 -> 0.2.0: the hand-written parts (what only an update does: drop the
# shared staging tables, redefine the views, detach the data tables and
# views as the store), then the install parts that changed in 0.2.0, their
# functions as CREATE OR REPLACE.  The upgrade
# test compares the result with a fresh install, so a change to any other
# part must come with its own lines in the prologue.
UPGRADE_0_2_0_FIRST = sql/upgrade/$(EXTENSION)--0.1.0--0.2.0.prologue.sql sql/install/52_store.sql \
	sql/install/56_store_views.sql sql/upgrade/$(EXTENSION)--0.1.0--0.2.0.store.sql
UPGRADE_0_2_0_NEW = sql/install/51_staging.sql
UPGRADE_0_2_0_REPLACED = sql/install/53_loader_common.sql sql/install/54_load_trade.sql sql/install/55_load_usgs_mcs.sql
UPGRADE_0_2_0_AFTER = sql/install/59_grants.sql
$(EXTENSION)--0.1.0--0.2.0.sql: $(UPGRADE_0_2_0_FIRST) $(UPGRADE_0_2_0_NEW) $(UPGRADE_0_2_0_REPLACED) $(UPGRADE_0_2_0_AFTER)
	{ cat $(UPGRADE_0_2_0_FIRST) $(UPGRADE_0_2_0_NEW); \
	  sed 's/^CREATE FUNCTION /CREATE OR REPLACE FUNCTION /' $(UPGRADE_0_2_0_REPLACED); \
	  cat $(UPGRADE_0_2_0_AFTER); } > $@

# pg_regress: sql/NAME.sql -> expected/NAME.out; setup runs first.
REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS := setup $(filter-out setup,$(REGRESS))
REGRESS_OPTS = --inputdir=. --load-extension=plpgsql

# PostgreSQL's headers as system headers: -Wextra then speaks only of our code
PG_CPPFLAGS = -Isrc/core -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wextra  
EXTRA_CLEAN = test/unit/build test/fuzz/build results regression.diffs regression.out

ifneq ($(and $(wildcard $(PGXS)),$(wildcard $(PG_SERVER_HEADER))),)
include $(PGXS)
else
all:
	@echo "PostgreSQL server development files not found (PG_CONFIG=$(PG_CONFIG))."
	@echo "Install them with: apt-get install postgresql-server-dev-15   (or run 'make test' as root)"
	@false
endif

# PGXS tracks no header dependencies: rebuild every object when a header
# changes (a stale enum value in one object is a silent wrong answer).
$(OBJS): $(wildcard src/core/*.h src/*.h)

$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS)
	cat $^ > $@

.PHONY: demo test bench deps unit fuzz cluster-demo bench-cluster
deps:
	test/deps

demo: deps
	$(MAKE) all
	test/demo

test: deps
	test/run

bench: deps
	$(MAKE) all
	test/bench/run

unit:
	$(MAKE) -C test/unit

fuzz:
	$(MAKE) -C test/fuzz

cluster-demo: deps
	$(MAKE) all
	test/scaleout/demo

bench-cluster: deps
	$(MAKE) all
	test/scaleout/bench
