import { describe, expect, it } from 'vitest';
import { dateWords, shareWords } from '../../server/contracts/words';

describe('a share in words, one way on every screen and in the PDF', () => {
  it.each([
    [333, 'equal', 'equal'],
    [334, 'equal', 'equal'],
    [0, 'equal', 'none'],
    [250, 'fixed', '25.0%'],
    [null, 'nre', 'varies'],
  ] as const)('%s tenths on a %s basis reads %s', (tenths, basis, words) => {
    expect(shareWords(tenths, basis)).toBe(words);
  });
});

describe('a date as a board paper writes it', () => {
  it('reads 2026-12-01 as 1 December 2026, whatever the time of day', () => {
    expect(dateWords('2026-12-01')).toBe('1 December 2026');
    expect(dateWords('2026-12-01T23:59:00Z')).toBe('1 December 2026');
  });
});
