# rareearth — PGXS build.
#
#   make            build the extension (needs postgresql-server-dev-N; PostgreSQL 15, 17, 18 are tested)
#   make install    install it into the PostgreSQL found by PG_CONFIG
#   make demo       install missing packages, build, start a throwaway cluster, run the worked example
#   make test       the same set-up, then every test; ends with "N passed, N failed"
#   make bench      benchmark against plain SQL and the scan floor (a command, not a test)
#   make sqlsmith   a bounded sqlsmith run restricted to rareearth's functions, failing on a crash
#                   (SQLSMITH_QUERIES, SQLSMITH_SECONDS set the bounds)
#   make dist       rareearth-VERSION.zip of HEAD for PGXN (git archive)
#   make print-version   the version, whose one source is rareearth.control's default_version
#   make cluster-demo   three local nodes, trade rows sharded by reporter over postgres_fdw, distributed queries
#   make bench-cluster  the synthetic rows on 1 node and on 3 nodes: time, rows and bytes shipped (a command)
#
# demo/test/bench work on a machine without PostgreSQL's development files:
# tools/deps installs what is missing from Debian's packages first, so this
# file must not need PGXS to parse.

EXTENSION = rareearth
.DEFAULT_GOAL := all
# One source for the version: rareearth.control's default_version.  META.json
# and CHANGELOG.md repeat it; test/scripts/version.sh checks that they all agree.
EXTVERSION := $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" $(EXTENSION).control)
ifeq ($(EXTVERSION),)
$(error no default_version found in $(EXTENSION).control)
endif
DISTNAME = $(EXTENSION)-$(EXTVERSION)

# PG_CONFIG selects the server; default: the newest installed (test/pg-config)
PG_CONFIG ?= $(shell test/pg-config)
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
PG_SERVER_HEADER := $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)/postgres.h

MODULE_big = rareearth
CORE_SRCS = $(sort $(wildcard src/core/*.c))
GLUE_SRCS = $(sort $(wildcard src/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

# The install script is assembled from one file per concern, in name order.
# Scripts of released versions are kept, frozen as they shipped, in
# src/sql/released/ (RELEASING.md).  Their update scripts ship; their
# install scripts do not: only the current version can be created (an old
# install script would bring back the old version's flaws to anyone allowed
# to install a trusted extension).  The upgrade test installs an old script
# for its own run only.  The version in development is built from its parts.
INSTALL_PARTS = $(sort $(wildcard src/sql/install/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--0.2.0--0.3.0.sql
DATA = $(wildcard src/sql/released/$(EXTENSION)--*--*.sql)
UNSHIPPED = $(filter-out $(DATA) src/sql/released/$(EXTENSION)--$(EXTVERSION).sql,$(wildcard src/sql/released/$(EXTENSION)--*.sql))

# pg_regress: sql/NAME.sql -> expected/NAME.out; setup runs first.
REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS := setup $(filter-out setup,$(REGRESS))
REGRESS_OPTS = --inputdir=. --load-extension=plpgsql

# PostgreSQL's headers as system headers: -Wextra then speaks only of our code
PG_CPPFLAGS = -Isrc/core -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wextra -fno-semantic-interposition
EXTRA_CLEAN = test/unit/build test/fuzz/build results regression.diffs regression.out

ifneq ($(and $(wildcard $(PGXS)),$(wildcard $(PG_SERVER_HEADER))),)
include $(PGXS)
else
all:
	@echo "PostgreSQL server development files not found (PG_CONFIG=$(PG_CONFIG))."
	@echo "Install them with: apt-get install postgresql-server-dev-N, N the server's major version   (or run 'make test' as root)"
	@false
endif

# PGXS tracks no header dependencies: rebuild every object when a header
# changes (a stale enum value in one object is a silent wrong answer).
$(OBJS): $(wildcard src/core/*.h src/*.h)

$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS)
	cat $^ > $@

# 0.2.0 -> 0.3.0 (in development): the hand-written script, then the install
# parts new in 0.3.0 or replaced whole.  The store's parts (create_store(),
# create_store_views()) are replayed whole: their functions are all CREATE OR
# REPLACE, and the store's owner brings an existing store up to date with
# create_store() after the update (RELEASING.md, "The store").  25_trade_catalogue
# is new in 0.3.0: its objects do not exist in 0.2.0, so the update creates them.
# 51_staging_table holds stage() apart from the record types of 51_staging
# (CREATE TYPE cannot run twice).
UPGRADE_0_3_0_PARTS = src/sql/install/25_trade_catalogue.sql src/sql/install/33_geopolrisk.sql src/sql/install/36_origin_chains.sql src/sql/install/51_staging_table.sql \
	src/sql/install/52_store.sql src/sql/install/53_loader_common.sql src/sql/install/54_load_trade.sql \
	src/sql/install/55_load_usgs_mcs.sql src/sql/install/56_store_views.sql src/sql/install/57_load_usgs_mcs_file.sql \
	src/sql/install/58_load_trade_file.sql
$(EXTENSION)--0.2.0--0.3.0.sql: src/sql/upgrade/$(EXTENSION)--0.2.0--0.3.0.sql $(UPGRADE_0_3_0_PARTS)
	cat $^ > $@

# an install over an older build removes the old install scripts it shipped
install: remove-unshipped
.PHONY: remove-unshipped
remove-unshipped:
	rm -f $(addprefix '$(DESTDIR)$(datadir)/extension/,$(addsuffix ',$(notdir $(UNSHIPPED))))

.PHONY: demo test bench deps unit fuzz fresh-check sqlsmith dist print-version cluster-demo bench-cluster
deps:
	tools/deps

demo: deps
	$(MAKE) all
	tools/demo

test: deps
	test/run

bench: deps
	$(MAKE) all
	test/bench/run

unit:
	$(MAKE) -C test/unit

fuzz:
	$(MAKE) -C test/fuzz

# the README's two commands in a debootstrap chroot of Debian 12 (root; ~30 min)
fresh-check:
	test/fresh-check

sqlsmith: deps
	$(MAKE) all
	test/sqlsmith/run

print-version:
	@echo $(EXTVERSION)

# PGXN's format: a zip of the committed tree (HEAD) under rareearth-VERSION/.
dist:
	@git diff --quiet HEAD -- || echo "make dist: uncommitted changes are not in $(DISTNAME).zip (it packs HEAD)" >&2
	git archive --format=zip --prefix=$(DISTNAME)/ -o $(DISTNAME).zip HEAD

cluster-demo: deps
	$(MAKE) all
	test/scaleout/demo

bench-cluster: deps
	$(MAKE) all
	test/scaleout/bench
