/**
 * Reads an amount a person types, in pounds ("£54,500", "54500.00", "1.5m", "200k"), into whole
 * pence, exactly: by string, never through a float. Returns the pence or what is wrong, in words.
 */
export function parsePoundsInput(text: string): { pence: number } | { problem: string } {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '').replace(/\s+/g, '').toLowerCase();
  const match = /^(\d+)(?:\.(\d+))?(k|m)?$/.exec(cleaned);
  if (!match) return { problem: 'Write the amount in pounds, like 54,500 or 54500.50 (or 200k, 1.5m)' };
  const [, whole = '', fraction = '', suffix] = match;
  const scale = suffix === 'm' ? 8 : suffix === 'k' ? 5 : 2; // digits of pence in a unit
  if (fraction.length > scale) return { problem: 'That is a fraction of a penny: give at most whole pence' };
  const digits = `${whole}${fraction.padEnd(scale, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { problem: 'That amount is larger than Realise can hold' };
  return { pence: Number(digits) };
}
