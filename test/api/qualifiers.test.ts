import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededApp } from './seeded-app';

// Paper 004, 4.8: Firearms Licensing has delivered "over £200k" against £110k predicted. Wherever
// the figure goes, "over" goes with it, and the variance resting on it is "at least £90k ahead".

const { app } = seededApp({ now: () => new Date('2026-11-25T09:00:00Z') });

describe('the papers’ qualifiers, wherever the figure goes', () => {
  it('in the API: the function, its period, and the portfolio that adds it in', async () => {
    const detail = (await (await app.request('/api/functions/firearms-licensing')).json()) as any;
    expect(detail.function).toMatchObject({ deliveredPence: 20_000_000, deliveredQualifier: 'over', gapPence: -9_000_000, gapQualifier: 'at least' });
    expect(detail.years[0]).toMatchObject({ deliveredQualifier: 'over', varianceQualifier: 'at least', targetQualifier: 'originally predicted' });
    expect(detail.lines[0].inPeriod).toEqual({
      targetPence: 11_000_000,
      deliveredPence: 20_000_000,
      forecastPence: null,
      variancePence: 9_000_000,
      rag: 'green',
      deliveredQualifier: 'over',
      varianceQualifier: 'at least',
      forecastFrom: null,
    });
    const portfolio = (await (await app.request('/api/functions')).json()) as any;
    expect(portfolio.functions.find((f: any) => f.slug === 'firearms-licensing').deliveredQualifier).toBe('over');
    // ICT's £0.626m is exact, Firearms' is "over": together, at least £826k.
    expect(portfolio.totals).toMatchObject({ deliveredPence: 82_600_000, deliveredQualifier: 'at least' });
  });

  it('in the CSV and .xlsx downloads', async () => {
    const csv = await (await app.request('/api/export/portfolio?format=csv')).text();
    const functions = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').split('\r\n\r\n')[0]!.replace(/^Functions\r\n/, ''), { skipEmptyLines: true }).data;
    const header = functions[0]!;
    const firearms = functions.find((r) => r[0]!.startsWith('Firearms'))!;
    expect(firearms[header.indexOf('Delivered (£)')]).toBe('200000.00');
    expect(firearms[header.indexOf('Delivered, as the papers word it')]).toBe('over');
    expect(firearms[header.indexOf('Gap rests on')]).toBe('at least');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await app.request('/api/export/functions/firearms-licensing?format=xlsx')).arrayBuffer());
    const byYear = workbook.getWorksheet('By year')!;
    const headers = (byYear.getRow(1).values as unknown[]).slice(1);
    const row = (byYear.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => row[headers.indexOf(name)];
    expect(cell('Delivered')).toBe(200_000);
    expect(cell('Delivered, as the papers word it')).toBe('over');
    expect(cell('Variance')).toBe(90_000);
    expect(cell('Variance rests on')).toBe('at least');
  });

  it('in the six-monthly report’s PDF', async () => {
    const response = await app.request('/api/reports/draft/export?collaboration=bch&half=2017-18-H1&format=pdf');
    expect(response.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'realise-qualified-')), 'draft.pdf');
    writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('over £200,000');
    expect(text).toContain('at least £90,000');
  });
});
