-- The matter list filtered by town (镇街: the first 9 digits of the region code), newest first, at the volume of the
-- mediation line (12,000 cases a year in a district). With only matters_region (region_code, line) the planner
-- fetched every matter of the town and sorted them to keep 20; these indexes give a town's matters of a line (and
-- of a kind and state) in id order, so the page reads 20 rows. listMatters adds the town equality beside its
-- region prefix when the region is a town or a village.
CREATE INDEX matters_town_list ON matters (line, left(region_code, 9), id DESC);
CREATE INDEX matters_town_kind_state ON matters (line, kind, state, left(region_code, 9), id DESC);
-- A line's matters all sit in its own kinds and states, and a town's in few of them: estimated as independent
-- columns, a town's closed mediation cases came to 25 rows instead of 21,000 and the planner sorted them all rather
-- than walk an index in id order. Statistics on the columns together give the real counts.
CREATE STATISTICS matters_line_kind_state_town (mcv, dependencies) ON line, kind, state, left(region_code, 9)
  FROM matters;
-- No ANALYZE here: on a new database it would record an empty table, and the planner would believe it until the
-- next autovacuum; the statistics are built at the table's next (auto)analyze.
