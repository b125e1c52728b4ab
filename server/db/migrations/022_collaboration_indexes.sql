-- 022: the net benefit and costs read a collaboration's agreements and its programme figures by
-- collaboration; EXPLAIN QUERY PLAN showed both scanning their tables.
CREATE INDEX agreements_by_collaboration ON agreements (collaboration_slug);
CREATE INDEX programme_figures_by_collaboration ON programme_figures (collaboration_slug, kind);
