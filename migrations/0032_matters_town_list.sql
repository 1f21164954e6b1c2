-- The matter list filtered by town (镇街: the first 9 digits of the region code), newest first, at the volume of the
-- mediation line (12,000 cases a year in a district). With only matters_region (region_code, line) the planner
-- fetched every matter of the town and sorted them to keep 20; these indexes give a town's matters of a line (and
-- of a kind and state) in id order, so the page reads 20 rows. listMatters adds the town equality beside its
-- region prefix when the region is a town or a village.
CREATE INDEX matters_town_list ON matters (line, left(region_code, 9), id DESC);
CREATE INDEX matters_town_kind_state ON matters (line, kind, state, left(region_code, 9), id DESC);
