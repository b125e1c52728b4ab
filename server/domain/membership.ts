// Who was a member of a collaboration when: one rule for recording, My figures, new functions'
// shares, programme costs and a force leaving. A force's spell covers a period it overlaps at all:
// joined by the period's end and not left by its start (the day it joins is its first day in, the
// day it leaves its first day out). Dates are ISO; a paper's "2013-12" compares as its month.

export type Spell = { force: string; joinedOn: string; leftOn: string | null };

export const spellCovers = (spell: Spell, start: string, end: string) => spell.joinedOn <= end && (spell.leftOn === null || spell.leftOn > start);

export const wasMemberDuring = (spells: readonly Spell[], force: string, start: string, end: string) => spells.some((s) => s.force === force && spellCovers(s, start, end));

/** The members at some time in the period, each once, in the order given. */
export function membersDuring<S extends Spell>(spells: readonly S[], start: string, end: string): S[] {
  const seen = new Set<string>();
  return spells.filter((s) => {
    if (!spellCovers(s, start, end) || seen.has(s.force)) return false;
    seen.add(s.force);
    return true;
  });
}
