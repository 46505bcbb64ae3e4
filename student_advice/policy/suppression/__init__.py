"""Small-number suppression of statistics, joint across every table and period (docs/decisions.md, decision 10).

What is published
-----------------
The statistics count *contacts*: every case, and every enquiry that never became a case (a
converted enquiry counts once, as its case). Each contact has a month and one value on each
of a few dimensions (category, college, faculty, outcome, channel). For one academic year the
reports, charts and cards can only ever show figures of this FAMILY:

    n(B, Q)  =  the number of contacts dated in bucket B that satisfy Q

where B is the year, one of its periods (terms, and "out of term") or one of its months, and
Q fixes the value of at most two dimensions (Q = nothing: the bucket's total; one dimension:
a 1-D count, which is also the row or column total of every cross-table on that dimension;
two: a cell of a cross-table). Months nest in periods and periods in the year (see
policy/periods.py), and nothing else is ever published: no arbitrary date range, no third
dimension, no figure that is not a member of the family (a card or a chart shows family
figures only). Different academic years share no contact, and no figure spans two years.

The guarantee
-------------
Let k be the threshold (settings; never below MIN_THRESHOLD).

1. PRIMARY suppression: no figure with 0 < n < k is published. Zeros are published.
2. No suppressed figure can be calculated from the published ones by any sequence of
   additions and subtractions (formally: it is not a linear combination of published figures),
   whichever figures are combined: totals minus visible cells, a row or column of any table,
   a year minus its terms, a term minus its months, the months of a year against its terms,
   one table against another (a college x category table against a college x faculty table
   share their college totals), the 1-D list against the margins of a cross-table, a chart
   against a report. Structural zeros the reader knows are taken into account: an enquiry that
   never became a case always has a channel, and months that have not begun hold no contact.

3. Nor when the reader also uses what the marks say and that counts cannot be negative: a
   withheld figure below k shows "<k" (0 to k-1), one of k or more shows "[c]". The mark
   follows the value, never the reason, so a zero withheld as a complement also shows "<k".

Proof, by certificate. For every suppressed figure the algorithm keeps a WITNESS: a change
to the underlying records (in whole numbers, touching no structurally impossible combination)
that changes that figure and changes no published figure. Two datasets that agree on every
published figure but differ on the suppressed one show that no arithmetic on published figures
can determine it (2). Each witness also carries an orientation (+1 or -1) in which every figure
it changes stays non-negative and inside the range its mark shows, so the second dataset looks
exactly like the first to the reader (3). The witnesses are products of a change in time and a
change in attributes:

    time:       +1 in month m                    changes m, its period and the year
                +1 in month m, -1 in month m'    changes only the buckets holding exactly one of them
                                                 (two months of one term: just those two months)
    attributes: +1 in one combination z of all   changes the total and every 1-D and 2-D figure of z
                dimensions (a record more)
                +1 at R=r1, -1 at R=r2, both with the other dimensions at z (a record moved)
                                                 changes (r1), (r2) and (r1, z_D), (r2, z_D) for every
                                                 other dimension D; no total, no other 1-D figure
                the 2x2 interaction +(r1,c1) -(r1,c2) -(r2,c1) +(r2,c2)
                                                 changes those four cells of the R x C tables only:
                                                 every row, column and grand total cancels

The figures such a product changes are exactly {buckets changed in time} x {figures changed
in attributes}. For each primary figure not yet covered, the algorithm picks the cheapest
witness that changes it (preferring figures already suppressed, then small non-zero figures,
zeros last; weighting the year's figures above the terms' and the terms' above the months'),
among the range-consistent ones when there are any, and suppresses everything that witness
changes (SECONDARY suppression). The kinds are tried in the order of what they withhold: an
interaction, then a moved record, then a record more or fewer (which withholds the totals of
every bucket it changes), each first over the few time changes cheapest for the figure itself,
then over every time change. So a witness that withholds a bucket's total is used only when the
search finds no range-consistent interaction or move for any time change, and one that withholds
1-D figures only when it finds no interaction. A witness stays valid when more figures are
suppressed later, so at the end every suppressed figure, primary or secondary, has a witness.
In every table this implies the familiar rule: each suppressed cell has another suppressed cell
in its row and in its column, margins included, and the withheld cells never form a pattern one
line can unlock.
When no range-consistent witness exists (a figure of k-1 hemmed in by other figures of k-1 or
by zeros), the linear witness is kept and counted in `range_weak`: guarantee (2) still holds
for that figure, (3) is then not proven (rounding, below, covers it for the viewer).

Rounding
--------
Rounding to the nearest 5 (HESA/Ofqual style; a setting, on by default for the statistics
viewer) is applied AFTER suppression to each published figure independently, totals included:
totals are computed from the unrounded data and rounded themselves, so rounded cells need not
add up to rounded totals. Every published figure is 0 or at least k >= 3, so rounding never
turns a small number into something new, and it blurs every difference an attacker takes.

What this does not claim
------------------------
The guarantee is about the published tables. An attacker reasoning over the full hidden
cross-classification of all dimensions at once (an integer programme over combinations that no
table shows) may narrow some withheld figures further; rounding widens every published figure
by 2 either way. Figures published at different times are different data: comparing last week's
table with this week's reveals what changed (rounding blurs it); the suppression pattern is
recomputed whenever the data change, never frozen.

The package
-----------
  figures    thresholds, marks, rounding; Figure, Table, Witness; the time changes of witnesses
  family     Family: the figures of a year, their aggregation, suppress() and rendered tables
  movements  how figures may move: costs, grids, movement masks, time changes (a Family mixin)
  witnesses  the witness search for cells, 1-D figures and totals (a Family mixin)
Everything a caller needs is imported here.
"""

from student_advice.policy.suppression.family import Family
from student_advice.policy.suppression.figures import (
	DEFAULT_THRESHOLD,
	MIN_THRESHOLD,
	PERIOD,
	PRIMARY,
	PUBLISHED,
	ROUNDING_BASE,
	SECONDARY,
	SECONDARY_MARK,
	Figure,
	Table,
	Witness,
	effective_threshold,
	primary_mark,
	round_to_base,
)

__all__ = [
	"DEFAULT_THRESHOLD",
	"MIN_THRESHOLD",
	"PERIOD",
	"PRIMARY",
	"PUBLISHED",
	"ROUNDING_BASE",
	"SECONDARY",
	"SECONDARY_MARK",
	"Family",
	"Figure",
	"Table",
	"Witness",
	"effective_threshold",
	"primary_mark",
	"round_to_base",
]
