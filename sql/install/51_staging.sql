-- ---------------------------------------------------------------------------
-- Staging tables for downloaded files, and the rows loaders could not use
-- ---------------------------------------------------------------------------
-- Every staging column is text: a downloaded file always copies in (no cast
-- can fail during \copy) and each loader validates and converts the values,
-- sending what it cannot use to load_rejects with the reason.

-- UN Comtrade API v1 records, the 47 columns in the order of the API's CSV
-- and bulk files (comtradeapi.un.org, "data/v1/get" and the public preview;
-- the order is that of the downloaded header line), so that
--   \copy rareearth.comtrade_raw FROM 'file.csv' WITH (FORMAT csv, HEADER match)
-- checks the header and loads the file as downloaded.
CREATE TABLE @extschema@.comtrade_raw (
	"typeCode" text,
	"freqCode" text,
	"refPeriodId" text,
	"refYear" text,
	"refMonth" text,
	"period" text,
	"reporterCode" text,
	"reporterISO" text,
	"reporterDesc" text,
	"flowCode" text,
	"flowDesc" text,
	"partnerCode" text,
	"partnerISO" text,
	"partnerDesc" text,
	"partner2Code" text,
	"partner2ISO" text,
	"partner2Desc" text,
	"classificationCode" text,
	"classificationSearchCode" text,
	"isOriginalClassification" text,
	"cmdCode" text,
	"cmdDesc" text,
	"aggrLevel" text,
	"isLeaf" text,
	"customsCode" text,
	"customsDesc" text,
	"mosCode" text,
	"motCode" text,
	"motDesc" text,
	"qtyUnitCode" text,
	"qtyUnitAbbr" text,
	"qty" text,
	"isQtyEstimated" text,
	"altQtyUnitCode" text,
	"altQtyUnitAbbr" text,
	"altQty" text,
	"isAltQtyEstimated" text,
	"netWgt" text,
	"isNetWgtEstimated" text,
	"grossWgt" text,
	"isGrossWgtEstimated" text,
	"cifvalue" text,
	"fobvalue" text,
	"primaryValue" text,
	"legacyEstimationFlag" text,
	"isReported" text,
	"isAggregate" text
);
COMMENT ON TABLE @extschema@.comtrade_raw IS 'staging: UN Comtrade API v1 records as downloaded (47 columns in the API''s order, all text); load_comtrade() moves them into trade_flow and empties this table';
COMMENT ON COLUMN @extschema@.comtrade_raw."typeCode" IS 'C goods, S services (only C is loaded)';
COMMENT ON COLUMN @extschema@.comtrade_raw."freqCode" IS 'A annual, M monthly';
COMMENT ON COLUMN @extschema@.comtrade_raw."refPeriodId" IS 'period as a date yyyymmdd';
COMMENT ON COLUMN @extschema@.comtrade_raw."refYear" IS 'reference year';
COMMENT ON COLUMN @extschema@.comtrade_raw."refMonth" IS 'reference month 1-12; 52 for annual records';
COMMENT ON COLUMN @extschema@.comtrade_raw."period" IS 'period as printed: yyyy or yyyymm';
COMMENT ON COLUMN @extschema@.comtrade_raw."reporterCode" IS 'UN Comtrade reporter code (M49-based)';
COMMENT ON COLUMN @extschema@.comtrade_raw."reporterISO" IS 'reporter ISO 3166-1 alpha-3 (empty when descriptions were not requested)';
COMMENT ON COLUMN @extschema@.comtrade_raw."reporterDesc" IS 'reporter name';
COMMENT ON COLUMN @extschema@.comtrade_raw."flowCode" IS 'M import, X export, RM re-import, RX re-export (others are not loaded)';
COMMENT ON COLUMN @extschema@.comtrade_raw."flowDesc" IS 'flow name';
COMMENT ON COLUMN @extschema@.comtrade_raw."partnerCode" IS 'UN Comtrade partner code; 0 = World';
COMMENT ON COLUMN @extschema@.comtrade_raw."partnerISO" IS 'partner alpha-3 or a pseudo code such as W00';
COMMENT ON COLUMN @extschema@.comtrade_raw."partnerDesc" IS 'partner name';
COMMENT ON COLUMN @extschema@.comtrade_raw."partner2Code" IS 'second partner (consignment); 0 = World, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_raw."partner2ISO" IS 'second partner alpha-3';
COMMENT ON COLUMN @extschema@.comtrade_raw."partner2Desc" IS 'second partner name';
COMMENT ON COLUMN @extschema@.comtrade_raw."classificationCode" IS 'HS edition as reported: H0 (HS1992) ... H6 (HS2022)';
COMMENT ON COLUMN @extschema@.comtrade_raw."classificationSearchCode" IS 'classification family (HS)';
COMMENT ON COLUMN @extschema@.comtrade_raw."isOriginalClassification" IS 'true when reported in this classification';
COMMENT ON COLUMN @extschema@.comtrade_raw."cmdCode" IS 'commodity code (HS 2, 4 or 6 digits, or TOTAL)';
COMMENT ON COLUMN @extschema@.comtrade_raw."cmdDesc" IS 'commodity description';
COMMENT ON COLUMN @extschema@.comtrade_raw."aggrLevel" IS 'number of digits of the commodity code';
COMMENT ON COLUMN @extschema@.comtrade_raw."isLeaf" IS 'true for the most detailed code';
COMMENT ON COLUMN @extschema@.comtrade_raw."customsCode" IS 'customs procedure; C00 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_raw."customsDesc" IS 'customs procedure name';
COMMENT ON COLUMN @extschema@.comtrade_raw."mosCode" IS 'mode of supply (services)';
COMMENT ON COLUMN @extschema@.comtrade_raw."motCode" IS 'mode of transport; 0 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_raw."motDesc" IS 'mode of transport name';
COMMENT ON COLUMN @extschema@.comtrade_raw."qtyUnitCode" IS 'unit of qty; -1 = not available';
COMMENT ON COLUMN @extschema@.comtrade_raw."qtyUnitAbbr" IS 'unit of qty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_raw."qty" IS 'quantity in qtyUnitCode units';
COMMENT ON COLUMN @extschema@.comtrade_raw."isQtyEstimated" IS 'true when UN Comtrade estimated qty';
COMMENT ON COLUMN @extschema@.comtrade_raw."altQtyUnitCode" IS 'unit of altQty';
COMMENT ON COLUMN @extschema@.comtrade_raw."altQtyUnitAbbr" IS 'unit of altQty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_raw."altQty" IS 'alternative quantity';
COMMENT ON COLUMN @extschema@.comtrade_raw."isAltQtyEstimated" IS 'true when altQty was estimated';
COMMENT ON COLUMN @extschema@.comtrade_raw."netWgt" IS 'net weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_raw."isNetWgtEstimated" IS 'true when UN Comtrade estimated the net weight';
COMMENT ON COLUMN @extschema@.comtrade_raw."grossWgt" IS 'gross weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_raw."isGrossWgtEstimated" IS 'true when the gross weight was estimated';
COMMENT ON COLUMN @extschema@.comtrade_raw."cifvalue" IS 'CIF value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_raw."fobvalue" IS 'FOB value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_raw."primaryValue" IS 'the value UN Comtrade publishes for the flow, US dollars (CIF for most imports, FOB for exports)';
COMMENT ON COLUMN @extschema@.comtrade_raw."legacyEstimationFlag" IS 'estimation flag of the legacy Comtrade';
COMMENT ON COLUMN @extschema@.comtrade_raw."isReported" IS 'true when the record was reported, not derived';
COMMENT ON COLUMN @extschema@.comtrade_raw."isAggregate" IS 'true when UN Comtrade aggregated the record';

-- CEPII BACI (www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37):
-- one CSV per year, header t,i,j,k,v,q; v in thousands of US dollars FOB, q
-- in metric tons; missing quantities are printed NA (padded with spaces).
CREATE TABLE @extschema@.baci_raw (
	t text,
	i text,
	j text,
	k text,
	v text,
	q text
);
COMMENT ON TABLE @extschema@.baci_raw IS 'staging: CEPII BACI records as downloaded (all text, so HS codes keep their leading zeros); load_baci(release) moves them into trade_flow and empties this table';
COMMENT ON COLUMN @extschema@.baci_raw.t IS 'year';
COMMENT ON COLUMN @extschema@.baci_raw.i IS 'exporter, BACI country code';
COMMENT ON COLUMN @extschema@.baci_raw.j IS 'importer, BACI country code';
COMMENT ON COLUMN @extschema@.baci_raw.k IS 'product, HS 6-digit code (text: leading zeros matter)';
COMMENT ON COLUMN @extschema@.baci_raw.v IS 'value, thousands of US dollars, FOB';
COMMENT ON COLUMN @extschema@.baci_raw.q IS 'quantity, metric tons (NA when unknown)';

-- USGS Mineral Commodity Summaries data release, one long CSV for all
-- commodities (format A of data/usgs/usgs_mcs_format.md; the 2026 edition,
-- doi:10.5066/P1WKQ63T).  The file is Windows-1252:
--   \copy rareearth.usgs_mcs_raw FROM 'mcs2026.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TABLE @extschema@.usgs_mcs_raw (
	"MCS chapter" text,
	"Section" text,
	"Commodity" text,
	"Country" text,
	"Statistics" text,
	"Statistics_detail" text,
	"Unit" text,
	"Year" text,
	"Value" text,
	"Notes" text,
	"Is critical mineral 2025" text,
	"Other notes" text
);
COMMENT ON TABLE @extschema@.usgs_mcs_raw IS 'staging: the USGS MCS data-release CSV as downloaded (12 columns, all text; read it with ENCODING ''WIN1252''); load_usgs_mcs(edition) moves rare-earth production and reserves rows into production and reserves and empties this table';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."MCS chapter" IS 'chapter, e.g. RARE EARTHS';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Section" IS 'table of the chapter, e.g. World Mine Production and Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Commodity" IS 'commodity of the row (element names for prices)';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Country" IS 'USGS country name; World total and Other countries are rows too';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Statistics" IS 'statistic, e.g. Production, Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Statistics_detail" IS 'detail, e.g. Mine production, Reserves: rounded';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Unit" IS 'unit, e.g. metric tons, percent';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Year" IS 'year, or a period such as 2021–24';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Value" IS 'the cell as printed (see parse_usgs_value)';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Notes" IS 'notes; Estimated. or Reported. first';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Is critical mineral 2025" IS 'Yes/No';
COMMENT ON COLUMN @extschema@.usgs_mcs_raw."Other notes" IS 'chapter notes';

-- what no loader could use, with the reason: nothing is dropped silently
CREATE TABLE @extschema@.load_rejects (
	source text NOT NULL CHECK (source IN ('comtrade', 'baci', 'usgs_mcs')),
	release text,
	reason text NOT NULL,
	record jsonb NOT NULL,
	rejected_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE INDEX load_rejects_source_idx ON @extschema@.load_rejects (source, release);
COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use, each with the reason; a record already rejected for the same reason is not added again, so loading a file twice adds nothing';
COMMENT ON COLUMN @extschema@.load_rejects.source IS 'comtrade, baci or usgs_mcs';
COMMENT ON COLUMN @extschema@.load_rejects.release IS 'release or edition given to the loader';
COMMENT ON COLUMN @extschema@.load_rejects.reason IS 'why the row was not loaded (unknown country code, malformed HS code, negative quantity, ...)';
COMMENT ON COLUMN @extschema@.load_rejects.record IS 'the staging row as jsonb, column name: text as downloaded';
COMMENT ON COLUMN @extschema@.load_rejects.rejected_at IS 'when the loader first rejected it';
COMMENT ON INDEX @extschema@.load_rejects_source_idx IS 'rejects by source and release';
