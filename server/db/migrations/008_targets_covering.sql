-- 008: the portfolio reads the current targets of every function at once; this index holds all
-- it reads of them, so it never visits the table (at national scale, thousands of targets a view).
CREATE INDEX targets_of_baseline ON targets (baseline_id, savings_line_id, fiscal_year, amount_pence, qualifier, source_id, as_written, period_note);
