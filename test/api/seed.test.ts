import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMoneyToPence } from '../../server/domain/money';
import { loadPaperData, papersDir } from '../../server/db/seed';
import { seededApp } from './seeded-app';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the seed data set from the papers', () => {
  const data = loadPaperData();
  const documents = new Map(
    data.papers.papers.map((paper) => [paper.id, normalise(readFileSync(join(papersDir, 'documents', paper.file), 'utf8'))]),
  );

  it('quotes each paper word for word', () => {
    for (const source of data.papers.sources) {
      const text = documents.get(source.paper);
      expect(text, `paper ${source.paper}`).toBeDefined();
      for (const fragment of source.quote.split('…').map(normalise).filter(Boolean)) {
        expect(text!.includes(fragment), `${source.id}: "${fragment}" is not in paper ${source.paper}`).toBe(true);
      }
    }
  });

  it('writes every figure as the paper writes it, and the paper says it in the cited passage', () => {
    const sources = new Map(data.papers.sources.map((s) => [s.id, s]));
    const figures = data.functions.functions.flatMap((fn) => [
      ...(fn.headline ? [fn.headline] : []),
      ...fn.baselines.flatMap((b) => b.targets),
      ...fn.actuals,
      ...fn.statedTotals,
    ]);
    expect(figures.length).toBe(20);
    for (const figure of figures) {
      expect(parseMoneyToPence(figure.asWritten)).toBe(figure.amountPence);
      const quote = sources.get(figure.source)!.quote.toLowerCase();
      expect(quote, `${figure.asWritten} in ${figure.source}`).toContain(figure.asWritten.toLowerCase());
    }
  });

  it('holds every saving and target of figures.md, in pence', () => {
    const pence = data.functions.functions.flatMap((fn) => [
      ...fn.baselines.flatMap((b) => b.targets.map((t) => `${fn.slug} target ${t.fiscalYear} ${t.amountPence}`)),
      ...fn.actuals.map((a) => `${fn.slug} actual ${a.fiscalYear} ${a.amountPence}`),
    ]);
    expect(pence.sort()).toEqual(
      [
        'ict target 2014-15 62600000',
        'ict target 2015-16 92000000',
        'ict target 2016-17 22700000',
        'ict target 2016-17 15800000',
        'ict target 2016-17 150700000',
        'ict target 2017-18 10000000',
        'ict target 2017-18 90000000',
        'ict actual 2014-15 62600000',
        'aoj target 2017-18 65400000',
        'firearms-licensing target null 11000000',
        'firearms-licensing actual null 20000000',
        'ctc target 2019-20 40000000',
      ].sort(),
    );
  });

  it('marks every per-force share illustrative, since the papers give none', () => {
    for (const fn of data.functions.functions) {
      for (const shares of fn.shares) expect(shares.illustrative, `${fn.slug} ${shares.fiscalYear}`).toBe(true);
    }
  });

  it('refuses to seed a figure whose pence do not match how the paper writes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realise-papers-'));
    cpSync(papersDir, dir, { recursive: true });
    const file = join(dir, 'functions.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"amountPence": 65400000', '"amountPence": 65400001'));
    expect(() => loadPaperData(dir)).toThrow(/£654K is 65400000 pence, not 65400001/);
  });

  it('refuses shares that do not add up to 100.0%', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realise-papers-'));
    cpSync(papersDir, dir, { recursive: true });
    const file = join(dir, 'functions.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"thames-valley": 250', '"thames-valley": 249'));
    expect(() => loadPaperData(dir)).toThrow(/99\.9%/);
  });

  it('refuses a citation of a source that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realise-papers-'));
    cpSync(papersDir, dir, { recursive: true });
    const file = join(dir, 'functions.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"source": "000-5.3"', '"source": "000-9.9"'));
    expect(() => loadPaperData(dir)).toThrow(/unknown source 000-9\.9/);
  });

  it('ships the papers it cites', () => {
    const shipped = readdirSync(join(papersDir, 'documents')).sort();
    expect(shipped).toEqual(data.papers.papers.map((p) => p.file).sort());
  });

  it('seeds in one transaction and records it in the audit log', () => {
    const { db } = seededApp();
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: data.papers.sources.length });
  });
});
