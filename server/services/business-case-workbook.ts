import ExcelJS from 'exceljs';
import { NewFunction, QUALIFIERS } from '../contracts/portfolio';
import { fiscalYearWords } from '../contracts/words';
import { fiscalYearFromStartYear, fiscalYearsBetween, isFiscalYear } from '../domain/fiscal';
import { readAmount } from '../domain/money';

// A business case as a spreadsheet: the function on one sheet (a field a row), its savings lines
// on another (a line a row, a financial year a column). Read into the same request the screen
// sends, checked by the same rules, every problem named by its sheet and cell; written all at
// once or not at all.

export type CellProblem = { sheet: 'Function' | 'Lines'; cell: string; message: string };
type Cells = Map<string, { sheet: 'Function' | 'Lines'; cell: string }>;
export type WorkbookOutcome =
  | { ok: true; input: NewFunction; lines: number; targets: number; years: string[]; cells: Cells }
  | { ok: false; problems: CellProblem[] };

/** The Function sheet's rows, in order: field, the request's path, and how to fill it in. */
const FIELDS = [
  ['Name', 'name', 'The function’s name, as the business case gives it'],
  ['Id', 'slug', 'Its id in addresses: lower case and hyphens, like joint-protective-services'],
  ['Collaboration', 'collaboration', 'The collaboration’s id (the Collaborations sheet lists them)'],
  ['Lead force', 'leadForce', 'The lead force’s id, or blank where the business case names none'],
  ['Agreement', 'agreement', 'The section 22A agreement’s id, or blank where Realise does not hold it'],
  ['What it does', 'description', 'A sentence or two'],
  ['Amber tolerance (%)', 'toleranceTenthsPercent', 'How far below target is still amber: 5.0 unless the business case says otherwise'],
  ['Business case title', 'businessCase.title', 'The document the targets come from'],
  ['Business case date', 'businessCase.date', 'As precise as it gives: 2018-03-14 or 2018-03'],
  ['Business case paragraph', 'businessCase.paragraph', 'Where the targets are set out, like 5.2'],
  ['Its words for the savings', 'businessCase.quote', 'Quoted as written'],
  ['Headline saving (£)', 'headline.amountPence', 'Blank where the business case states none'],
  ['Headline wording', 'headline.qualifier', `Blank when exact, or one of: ${QUALIFIERS.join(', ')}`],
  ['Headline as written', 'headline.asWritten', 'Like £1.2m'],
  ['Headline paragraph', 'headline.paragraph', 'Where the headline is'],
  ['Headline words', 'headline.quote', 'Quoted as written'],
] as const;
const LINE_COLUMNS = ['Line', 'Category', 'What drives the saving', 'Kind', 'Recurs'] as const;
const CATEGORIES = ['payroll', 'non-payroll', 'unspecified'];
const KINDS = ['cashable', 'non-cashable', 'cost-avoidance'];
const RECURRENCES = ['recurring', 'one-off', 'unspecified'];

const text = (cell: ExcelJS.Cell) => {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result ?? '').trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};

/** The template: the two sheets with their headings, how to fill each in, and drop-downs of the valid codes. */
export async function businessCaseTemplate(choices: { collaborations: string[]; forces: string[]; agreements: string[] }, firstYear = fiscalYearFromStartYear(new Date().getUTCFullYear() - 1)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Realise';
  const fn = workbook.addWorksheet('Function');
  fn.columns = [{ header: 'Field', width: 28 }, { header: 'Value', width: 48 }, { header: 'How to fill it in', width: 70 }];
  fn.getRow(1).font = { bold: true };
  for (const [label, , hint] of FIELDS) fn.addRow([label, null, hint]);
  const lines = workbook.addWorksheet('Lines');
  const years = fiscalYearsBetween(firstYear, fiscalYearFromStartYear(Number(firstYear.slice(0, 4)) + 4));
  lines.columns = [...LINE_COLUMNS.map((header) => ({ header, width: header === 'What drives the saving' ? 40 : 18 })), ...years.map((fy) => ({ header: fiscalYearWords(fy), width: 14 }))];
  lines.getRow(1).font = { bold: true };
  const lists = workbook.addWorksheet('Codes');
  lists.columns = [{ header: 'Collaborations', width: 24 }, { header: 'Forces', width: 24 }, { header: 'Agreements', width: 28 }, { header: 'Categories' }, { header: 'Kinds' }, { header: 'Recurs' }];
  const longest = Math.max(choices.collaborations.length, choices.forces.length, choices.agreements.length, 3);
  for (let i = 0; i < longest; i += 1) lists.addRow([choices.collaborations[i], choices.forces[i], choices.agreements[i], CATEGORIES[i], KINDS[i], RECURRENCES[i]]);
  const list = (column: string, n: number) => [`Codes!$${column}$2:$${column}$${n + 1}`];
  fn.getCell('B3').dataValidation = { type: 'list', allowBlank: false, formulae: list('A', choices.collaborations.length) };
  fn.getCell('B4').dataValidation = { type: 'list', allowBlank: true, formulae: list('B', choices.forces.length) };
  fn.getCell('B5').dataValidation = { type: 'list', allowBlank: true, formulae: list('C', choices.agreements.length) };
  for (let row = 2; row <= 41; row += 1) {
    lines.getCell(`B${row}`).dataValidation = { type: 'list', allowBlank: false, formulae: list('D', 3) };
    lines.getCell(`D${row}`).dataValidation = { type: 'list', allowBlank: false, formulae: list('E', 3) };
    lines.getCell(`E${row}`).dataValidation = { type: 'list', allowBlank: false, formulae: list('F', 3) };
  }
  lines.getCell(`A${43}`).value = 'One line a row. Targets in pounds (300000 or 0.3m) under their financial year; blank where the line has none. Add a year by writing it as a heading (FY 2027/28 or 2027-28).';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a filled template into the request the screen sends, or says what is wrong, by cell. */
export async function readBusinessCase(content: Buffer): Promise<WorkbookOutcome> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ sheet: 'Function', cell: 'A1', message: 'The file is not a readable .xlsx workbook. Fill in the template from this page and save it as .xlsx.' }] };
  }
  const fnSheet = workbook.getWorksheet('Function');
  const linesSheet = workbook.getWorksheet('Lines');
  if (!fnSheet || !linesSheet) return { ok: false, problems: [{ sheet: 'Function', cell: 'A1', message: 'The workbook needs the template’s Function and Lines sheets. Start from the template on this page.' }] };
  const problems: CellProblem[] = [];
  const value = (label: string) => {
    for (let row = 2; row <= fnSheet.rowCount; row += 1) if (text(fnSheet.getCell(`A${row}`)) === label) return { text: text(fnSheet.getCell(`B${row}`)), cell: `B${row}` };
    return { text: '', cell: 'A1' };
  };
  const cellOf: Cells = new Map();
  const field = (label: (typeof FIELDS)[number][0]) => {
    const found = value(label);
    const path = FIELDS.find((f) => f[0] === label)![1];
    cellOf.set(path, { sheet: 'Function', cell: found.cell });
    return found.text;
  };

  const tolerance = field('Amber tolerance (%)') || '5.0';
  if (!/^\d+(\.\d)?$/.test(tolerance)) problems.push({ sheet: 'Function', cell: cellOf.get('toleranceTenthsPercent')!.cell, message: 'Write the tolerance as a percentage with at most one decimal place, like 5.0.' });
  const headlineAmount = field('Headline saving (£)');
  let headline: NewFunction['headline'] = null;
  if (headlineAmount !== '') {
    const read = readAmount(headlineAmount);
    if ('problem' in read) problems.push({ sheet: 'Function', cell: cellOf.get('headline.amountPence')!.cell, message: read.problem });
    headline = {
      amountPence: 'pence' in read ? read.pence : 0,
      qualifier: (field('Headline wording') || null) as NonNullable<NewFunction['headline']>['qualifier'],
      asWritten: field('Headline as written'),
      paragraph: field('Headline paragraph'),
      quote: field('Headline words'),
    };
  }

  // The Lines sheet: its year columns are whatever financial years its headings name.
  const header = linesSheet.getRow(1);
  const yearColumns: { column: number; fy: string }[] = [];
  header.eachCell((cell, column) => {
    if (column <= LINE_COLUMNS.length) return;
    const heading = text(cell).replace(/^FY\s*/i, '').replace('/', '-');
    if (heading === '') return;
    if (isFiscalYear(heading)) yearColumns.push({ column, fy: heading });
    else problems.push({ sheet: 'Lines', cell: cell.address, message: `"${text(cell)}" is not a financial year: write it as FY 2027/28 or 2027-28.` });
  });
  const lines: NewFunction['lines'] = [];
  for (let row = 2; row <= linesSheet.rowCount; row += 1) {
    const r = linesSheet.getRow(row);
    const name = text(r.getCell(1));
    const rest = [2, 3, 4, 5, ...yearColumns.map((y) => y.column)].map((c) => text(r.getCell(c)));
    if (name === '' && rest.every((t) => t === '')) continue;
    if (name.startsWith('One line a row.')) continue;
    const index = lines.length;
    const enumOf = (column: number, allowed: string[], what: string, fallback: string) => {
      const t = text(r.getCell(column)).toLowerCase() || fallback;
      if (!allowed.includes(t)) problems.push({ sheet: 'Lines', cell: r.getCell(column).address, message: `"${text(r.getCell(column))}" is not a ${what}: use one of ${allowed.join(', ')}.` });
      return t;
    };
    const targets: NewFunction['lines'][number]['targets'] = [];
    for (const y of yearColumns) {
      const cell = r.getCell(y.column);
      const t = text(cell);
      if (t === '') continue;
      const read = readAmount(t);
      if ('problem' in read) problems.push({ sheet: 'Lines', cell: cell.address, message: `${name || `Row ${row}`}, ${fiscalYearWords(y.fy)}: ${read.problem}` });
      else {
        cellOf.set(`lines.${index}.targets.${targets.length}.fiscalYear`, { sheet: 'Lines', cell: cell.address });
        targets.push({ fiscalYear: y.fy, amountPence: read.pence });
      }
    }
    cellOf.set(`lines.${index}.name`, { sheet: 'Lines', cell: `A${row}` });
    cellOf.set(`lines.${index}.driver`, { sheet: 'Lines', cell: `C${row}` });
    lines.push({
      name,
      category: enumOf(2, CATEGORIES, 'category', 'unspecified') as NewFunction['lines'][number]['category'],
      driver: text(r.getCell(3)),
      kind: enumOf(4, KINDS, 'kind', 'cashable') as NewFunction['lines'][number]['kind'],
      recurrence: enumOf(5, RECURRENCES, 'recurrence', 'unspecified') as NewFunction['lines'][number]['recurrence'],
      targets,
    });
  }
  cellOf.set('lines', { sheet: 'Lines', cell: 'A2' });

  const draft = {
    slug: field('Id'),
    name: field('Name'),
    collaboration: field('Collaboration'),
    leadForce: field('Lead force') || null,
    agreement: field('Agreement') || null,
    description: field('What it does'),
    toleranceTenthsPercent: Math.round(Number(tolerance) * 10),
    businessCase: { title: field('Business case title'), date: field('Business case date'), paragraph: field('Business case paragraph'), quote: field('Its words for the savings') },
    headline,
    lines,
  };
  const parsed = NewFunction.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const at = cellOf.get(path) ?? cellOf.get(path.split('.').slice(0, 2).join('.')) ?? { sheet: path.startsWith('lines') ? 'Lines' : 'Function', cell: 'A1' };
      problems.push({ sheet: at.sheet as CellProblem['sheet'], cell: at.cell, message: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const years = [...new Set(parsed.data.lines.flatMap((l) => l.targets.map((t) => t.fiscalYear)))].sort();
  return { ok: true, input: parsed.data, lines: parsed.data.lines.length, targets: parsed.data.lines.reduce((n, l) => n + l.targets.length, 0), years, cells: cellOf };
}

/** The service's own problems (a rule of the portfolio, not of the sheet) at the cells they concern. */
export function atCells(problems: readonly { path: string; message: string }[], cells: Cells): CellProblem[] {
  return problems.map((p) => {
    const at = cells.get(p.path) ?? cells.get(p.path.split('.').slice(0, 2).join('.')) ?? { sheet: p.path.startsWith('lines') ? ('Lines' as const) : ('Function' as const), cell: 'A1' };
    return { ...at, message: p.message };
  });
}
