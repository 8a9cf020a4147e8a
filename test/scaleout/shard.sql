-- On every node, database "shard": the extension and this node's part of
-- the trade rows (the rows of the reporters its partition lists).
CREATE EXTENSION rareearth;
CREATE TABLE trade (
	year int NOT NULL,
	reporter rareearth.country NOT NULL,
	partner rareearth.country NOT NULL,
	partner_code int NOT NULL,
	partner_iso text NOT NULL,
	flow text NOT NULL,
	product rareearth.hscode NOT NULL,
	qty float8 NOT NULL
);
