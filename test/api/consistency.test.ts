import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatPounds } from '../../server/domain/money';
import { RAG_WORDS } from '../../server/contracts/words';
import { seededApp } from './seeded-app';

// One figure, one value, wherever it is read: on the demo data set, every function's target,
// delivered, forecast and status agree between the API, the portfolio's and the function's .xlsx
// and CSV, and the six-monthly report (its JSON, against the function view of the same period,
// and its PDF's text).

const { app } = seededApp({ demo: true, now: () => new Date('2026-11-25T09:00:00Z') });
const json = async (path: string) => (await (await app.request(path)).json()) as any;
const pounds = (pence: number | null) => (pence === null ? null : pence / 100);
const status = (f: { years: unknown[]; rag: string }) => (f.years.length === 0 ? 'Nothing due' : RAG_WORDS[f.rag]);

async function sheet(path: string, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await (await app.request(path)).arrayBuffer());
  const rows = workbook.getWorksheet(name)!.getSheetValues().slice(1) as unknown[][];
  const header = (rows[0] ?? []).slice(1) as string[];
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i + 1] ?? null])));
}

describe('every output agrees with the API, on the demo data set', () => {
  for (const period of ['all', '2017-18', '2017-18-H1', '2019-20']) {
    it(`the portfolio and each function's downloads, for ${period}`, async () => {
      const portfolio = await json(`/api/functions?period=${period}`);
      const xlsx = await sheet(`/api/export/portfolio?format=xlsx&period=${period}`, 'Functions');
      const csv = await (await app.request(`/api/export/portfolio?format=csv&period=${period}`)).text();
      const csvRows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, '').split('\r\n\r\n')[0]!.replace(/^Functions\r\n/, ''), { header: true, skipEmptyLines: true }).data;
      expect(portfolio.functions.length).toBeGreaterThan(0);
      for (const f of portfolio.functions) {
        const delivered = f.periodsWithActual === 0 ? null : f.deliveredPence;
        const inXlsx = xlsx.find((r) => r.Function === f.name)!;
        expect([inXlsx.Target, inXlsx.Delivered, inXlsx.Forecast, inXlsx.Status], `${f.slug} .xlsx`).toEqual([pounds(f.targetPence), pounds(delivered), pounds(f.forecastPence), status(f)]);
        const inCsv = csvRows.find((r) => r.Function === f.name)!;
        expect([inCsv['Target (£)'], inCsv['Delivered (£)'], inCsv['Forecast (£)'], inCsv.Status], `${f.slug} CSV`).toEqual([
          (f.targetPence / 100).toFixed(2),
          delivered === null ? '' : (delivered / 100).toFixed(2),
          f.forecastPence === null ? '' : (f.forecastPence / 100).toFixed(2),
          status(f),
        ]);

        const detail = await json(`/api/functions/${f.slug}?period=${period}`);
        expect(detail.function).toMatchObject({ targetPence: f.targetPence, deliveredPence: f.deliveredPence, forecastPence: f.forecastPence, rag: f.rag });
        const years = await sheet(`/api/export/functions/${f.slug}?format=xlsx&period=${period}`, 'By year');
        expect(years.map((y) => [y.Target, y.Delivered, y.Forecast, y.Status]), `${f.slug} by year`).toEqual(
          detail.years.map((y: any) => [pounds(y.targetPence), pounds(y.deliveredPence), pounds(y.forecastPence), RAG_WORDS[y.rag]]),
        );
      }
    });
  }

  for (const [collaboration, half] of [
    ['bch', '2017-18-H1'],
    ['ctc', '2019-20-H2'],
  ] as const) {
    it(`the six-monthly report of ${collaboration} for ${half}, and its PDF`, async () => {
      const report = await json(`/api/reports/draft?collaboration=${collaboration}&half=${half}`);
      const response = await app.request(`/api/reports/draft/export?collaboration=${collaboration}&half=${half}&format=pdf`);
      const file = join(mkdtempSync(join(tmpdir(), 'realise-consistency-')), 'report.pdf');
      writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const f of report.functions.filter((r: any) => r.hasSavingsPlan)) {
        for (const [key, period] of [
          ['half', half],
          ['sinceStart', `..${half}`],
        ] as const) {
          const figures = f.figures[key];
          const view = await json(`/api/functions/${f.slug}?period=${period}`);
          expect([figures.targetPence, figures.rag], `${f.slug} ${key}`).toEqual([view.function.targetPence, view.function.rag]);
          expect(figures.deliveredPence, `${f.slug} ${key} delivered`).toBe(view.function.periodsWithActual === 0 ? null : view.function.deliveredPence);
          expect(text, `${f.slug} ${key} target in the PDF`).toContain(formatPounds(figures.targetPence));
          if (figures.deliveredPence !== null) expect(text, `${f.slug} ${key} delivered in the PDF`).toContain(formatPounds(figures.deliveredPence));
        }
      }
    });
  }
});
