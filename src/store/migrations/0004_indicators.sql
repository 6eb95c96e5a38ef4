-- Indicators as data (issue 3, ADR 9): indicators defined by `import indicators` beside the
-- compiled-in catalogue, national values ("Nederland", NL00), and what kind of import a source is
-- and how reliable its publisher's figures are.

-- What kind of import made a source. A re-import replaces, for each area (or the country) and
-- year in the file, the values of earlier sources of the same kind; for 'indicators' only those of
-- the same source title (the GGD monitor does not replace the police figures).
--   cbs-kwb        CBS Kerncijfers wijken en buurten (ImportCbs, LoadDemo)
--   cbs-nabijheid  CBS Nabijheid voorzieningen (ImportCbsNabijheid)
--   indicators     any table of figures (ImportIndicators)
ALTER TABLE areas_source ADD COLUMN kind TEXT NOT NULL DEFAULT 'cbs-kwb'
  CHECK (kind IN ('cbs-kwb', 'cbs-nabijheid', 'indicators'));
-- The reliability grade given on import ('hoog', 'redelijk', 'laag', 'onbekend'), '' = not graded.
ALTER TABLE areas_source ADD COLUMN reliability TEXT NOT NULL DEFAULT '';
-- Every source before this migration came from a CBS kerncijfers import (the default above).
CREATE INDEX areas_source_kind ON areas_source(kind, title);

-- Indicators that are not in the catalogue, defined by the metadata of an `import indicators`
-- file. A later import may redefine one (the newest definition wins); catalogue codes are never
-- stored here.
CREATE TABLE areas_indicator (
  code            TEXT PRIMARY KEY,
  label           TEXT NOT NULL,
  group_name      TEXT NOT NULL DEFAULT '',   -- heading the label belongs under, may be ''
  unit            TEXT NOT NULL,
  theme           TEXT NOT NULL,              -- one of areas::Themes()
  direction       TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'neutral')),
  decimals        INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
  trend_threshold REAL NOT NULL DEFAULT 2,    -- percent
  source_id       INTEGER NOT NULL REFERENCES areas_source(id)  -- the import that defined it
);

-- National values ("Nederland", CBS code NL00) per indicator and year: the national row of a CBS
-- table or of an `import indicators` file. NL00 is no area of the tree, so it has its own table.
-- value NULL = missing, never 0.
CREATE TABLE areas_national_value (
  indicator_code TEXT NOT NULL,
  year           INTEGER NOT NULL,
  value          REAL,
  source_id      INTEGER NOT NULL REFERENCES areas_source(id),
  PRIMARY KEY (year, indicator_code)
) WITHOUT ROWID;
