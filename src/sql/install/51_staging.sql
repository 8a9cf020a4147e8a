-- ---------------------------------------------------------------------------
-- Staging: downloaded files are copied into a staging table of the session
-- ---------------------------------------------------------------------------
-- Each record type below is the layout of one downloaded file.  stage(source)
-- (51_staging_table.sql) creates the session's own staging table of that
-- type (a temporary table, pg_temp.<source>_raw), so two sessions loading at
-- once never see, load or delete each other's rows (a shared staging table
-- lost rows that way).
-- Every column is text: a downloaded file always copies in (no cast can fail
-- during \copy) and each loader validates and converts the values, sending
-- what it cannot use to load_rejects with the reason.

-- UN Comtrade API v1 records, the 47 columns in the order of the API's CSV
-- and bulk files (comtradeapi.un.org, "data/v1/get" and the public preview;
-- the order is that of the downloaded header line), so that
--   SELECT rareearth.stage('comtrade');
--   \copy pg_temp.comtrade_raw FROM 'file.csv' WITH (FORMAT csv, HEADER match)
-- checks the header and loads the file as downloaded.
CREATE TYPE @extschema@.comtrade_record AS (
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
COMMENT ON TYPE @extschema@.comtrade_record IS 'layout of a UN Comtrade API v1 download (47 columns in the API''s order, all text): the row type of the session''s staging table pg_temp.comtrade_raw made by stage(''comtrade''), which load_comtrade() moves into trade_flow';
COMMENT ON COLUMN @extschema@.comtrade_record."typeCode" IS 'C goods, S services (only C is loaded)';
COMMENT ON COLUMN @extschema@.comtrade_record."freqCode" IS 'A annual, M monthly';
COMMENT ON COLUMN @extschema@.comtrade_record."refPeriodId" IS 'period as a date yyyymmdd';
COMMENT ON COLUMN @extschema@.comtrade_record."refYear" IS 'reference year';
COMMENT ON COLUMN @extschema@.comtrade_record."refMonth" IS 'reference month 1-12; 52 for annual records';
COMMENT ON COLUMN @extschema@.comtrade_record."period" IS 'period as printed: yyyy or yyyymm';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterCode" IS 'UN Comtrade reporter code (M49-based)';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterISO" IS 'reporter ISO 3166-1 alpha-3 (empty when descriptions were not requested)';
COMMENT ON COLUMN @extschema@.comtrade_record."reporterDesc" IS 'reporter name';
COMMENT ON COLUMN @extschema@.comtrade_record."flowCode" IS 'M import, X export, RM re-import, RX re-export (others are not loaded)';
COMMENT ON COLUMN @extschema@.comtrade_record."flowDesc" IS 'flow name';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerCode" IS 'UN Comtrade partner code; 0 = World';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerISO" IS 'partner alpha-3 or a pseudo code such as W00';
COMMENT ON COLUMN @extschema@.comtrade_record."partnerDesc" IS 'partner name';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2Code" IS 'second partner (consignment); 0 = World, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2ISO" IS 'second partner alpha-3';
COMMENT ON COLUMN @extschema@.comtrade_record."partner2Desc" IS 'second partner name';
COMMENT ON COLUMN @extschema@.comtrade_record."classificationCode" IS 'HS edition as reported: H0 (HS1992) ... H6 (HS2022)';
COMMENT ON COLUMN @extschema@.comtrade_record."classificationSearchCode" IS 'classification family (HS)';
COMMENT ON COLUMN @extschema@.comtrade_record."isOriginalClassification" IS 'true when reported in this classification';
COMMENT ON COLUMN @extschema@.comtrade_record."cmdCode" IS 'commodity code (HS 2, 4 or 6 digits, or TOTAL)';
COMMENT ON COLUMN @extschema@.comtrade_record."cmdDesc" IS 'commodity description';
COMMENT ON COLUMN @extschema@.comtrade_record."aggrLevel" IS 'number of digits of the commodity code';
COMMENT ON COLUMN @extschema@.comtrade_record."isLeaf" IS 'true for the most detailed code';
COMMENT ON COLUMN @extschema@.comtrade_record."customsCode" IS 'customs procedure; C00 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."customsDesc" IS 'customs procedure name';
COMMENT ON COLUMN @extschema@.comtrade_record."mosCode" IS 'mode of supply (services)';
COMMENT ON COLUMN @extschema@.comtrade_record."motCode" IS 'mode of transport; 0 = total, the only breakdown loaded';
COMMENT ON COLUMN @extschema@.comtrade_record."motDesc" IS 'mode of transport name';
COMMENT ON COLUMN @extschema@.comtrade_record."qtyUnitCode" IS 'unit of qty; -1 = not available';
COMMENT ON COLUMN @extschema@.comtrade_record."qtyUnitAbbr" IS 'unit of qty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_record."qty" IS 'quantity in qtyUnitCode units';
COMMENT ON COLUMN @extschema@.comtrade_record."isQtyEstimated" IS 'true when UN Comtrade estimated qty';
COMMENT ON COLUMN @extschema@.comtrade_record."altQtyUnitCode" IS 'unit of altQty';
COMMENT ON COLUMN @extschema@.comtrade_record."altQtyUnitAbbr" IS 'unit of altQty, abbreviated';
COMMENT ON COLUMN @extschema@.comtrade_record."altQty" IS 'alternative quantity';
COMMENT ON COLUMN @extschema@.comtrade_record."isAltQtyEstimated" IS 'true when altQty was estimated';
COMMENT ON COLUMN @extschema@.comtrade_record."netWgt" IS 'net weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_record."isNetWgtEstimated" IS 'true when UN Comtrade estimated the net weight';
COMMENT ON COLUMN @extschema@.comtrade_record."grossWgt" IS 'gross weight, kg';
COMMENT ON COLUMN @extschema@.comtrade_record."isGrossWgtEstimated" IS 'true when the gross weight was estimated';
COMMENT ON COLUMN @extschema@.comtrade_record."cifvalue" IS 'CIF value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_record."fobvalue" IS 'FOB value, US dollars';
COMMENT ON COLUMN @extschema@.comtrade_record."primaryValue" IS 'the value UN Comtrade publishes for the flow, US dollars (CIF for most imports, FOB for exports)';
COMMENT ON COLUMN @extschema@.comtrade_record."legacyEstimationFlag" IS 'estimation flag of the legacy Comtrade';
COMMENT ON COLUMN @extschema@.comtrade_record."isReported" IS 'true when the record was reported, not derived';
COMMENT ON COLUMN @extschema@.comtrade_record."isAggregate" IS 'true when UN Comtrade aggregated the record';

-- CEPII BACI (www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37):
-- one CSV per year, header t,i,j,k,v,q; v in thousands of US dollars FOB, q
-- in metric tons; missing quantities are printed NA (padded with spaces).
CREATE TYPE @extschema@.baci_record AS (
	t text,
	i text,
	j text,
	k text,
	v text,
	q text
);
COMMENT ON TYPE @extschema@.baci_record IS 'layout of a CEPII BACI file (t,i,j,k,v,q, all text): the row type of the session''s staging table pg_temp.baci_raw made by stage(''baci''), which load_baci(release) moves into trade_flow';
COMMENT ON COLUMN @extschema@.baci_record.t IS 'year';
COMMENT ON COLUMN @extschema@.baci_record.i IS 'exporter, BACI country code';
COMMENT ON COLUMN @extschema@.baci_record.j IS 'importer, BACI country code';
COMMENT ON COLUMN @extschema@.baci_record.k IS 'product, HS 6-digit code (text: leading zeros matter)';
COMMENT ON COLUMN @extschema@.baci_record.v IS 'value, thousands of US dollars, FOB';
COMMENT ON COLUMN @extschema@.baci_record.q IS 'quantity, metric tons (NA when unknown)';

-- USGS Mineral Commodity Summaries data release, one long CSV for all
-- commodities (format A of data/usgs/usgs_mcs_format.md; the 2026 edition,
-- doi:10.5066/P1WKQ63T).  The file is Windows-1252:
--   SELECT rareearth.stage('usgs_mcs');
--   \copy pg_temp.usgs_mcs_raw FROM 'mcs2026.csv' CSV HEADER ENCODING 'WIN1252'
CREATE TYPE @extschema@.usgs_mcs_record AS (
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
COMMENT ON TYPE @extschema@.usgs_mcs_record IS 'layout of the USGS MCS data-release CSV (12 columns, all text; read it with ENCODING ''WIN1252''): the row type of the session''s staging table pg_temp.usgs_mcs_raw made by stage(''usgs_mcs''), which load_usgs_mcs(edition) moves into production and reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."MCS chapter" IS 'chapter, e.g. RARE EARTHS';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Section" IS 'table of the chapter, e.g. World Mine Production and Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Commodity" IS 'commodity of the row (element names for prices)';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Country" IS 'USGS country name; World total and Other countries are rows too';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Statistics" IS 'statistic, e.g. Production, Reserves';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Statistics_detail" IS 'detail, e.g. Mine production, Reserves: rounded';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Unit" IS 'unit, e.g. metric tons, percent';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Year" IS 'year, or a period such as 2021–24';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Value" IS 'the cell as printed (see parse_usgs_value)';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Notes" IS 'notes; Estimated. or Reported. first';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Is critical mineral 2025" IS 'Yes/No';
COMMENT ON COLUMN @extschema@.usgs_mcs_record."Other notes" IS 'chapter notes';
