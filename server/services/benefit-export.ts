import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { BenefitSummary } from '../contracts/benefits';
import type { Source } from '../contracts/sources';
import { BENEFIT_RAG_WORDS as RAG_WORDS } from '../contracts/words';

// The register as a spreadsheet: CSV (papaparse) for anything, .xlsx (exceljs) with numbers as
// numbers and a sheet a table. Measures go out as decimals of their unit (12.5, not 12500).

const decimal = (milli: number | null) => (milli === null ? null : milli / 1000);

type Column = { header: string; width: number; value: (b: BenefitSummary) => string | number | null; format?: string };

function columns(sources: Map<string, Source>): Column[] {
  const cite = (id: string | null) => {
    const s = id ? sources.get(id) : undefined;
    return s ? `Paper ${s.paperId}, ${s.paragraph}` : null;
  };
  return [
    { header: 'Number', width: 10, value: (b) => b.number },
    { header: 'Function', width: 24, value: (b) => b.functionName },
    { header: 'Benefit', width: 48, value: (b) => b.description },
    { header: 'Dis-benefit', width: 11, value: (b) => (b.isDisbenefit ? 'Yes' : 'No') },
    { header: 'Category', width: 20, value: (b) => (b.category === 'direct-public-sector' ? 'Direct public sector' : 'Wider social') },
    { header: 'Class', width: 20, value: (b) => `${b.cashClass === 'cash-releasing' ? 'Cash-releasing' : 'Non-cash-releasing'}, ${b.measureClass}` },
    { header: 'Feature that gives rise to it', width: 40, value: (b) => b.feature },
    { header: 'Owner (SRO)', width: 18, value: (b) => b.owner ?? 'Not named in the papers' },
    { header: 'Measure', width: 40, value: (b) => b.measure },
    { header: 'Unit', width: 14, value: (b) => b.unit },
    { header: 'Better when', width: 12, value: (b) => (b.direction === 'higher-is-better' ? 'Higher' : 'Lower') },
    { header: 'Baseline', width: 12, value: (b) => decimal(b.baselineMilli), format: '#,##0.###' },
    { header: 'Baseline, as the papers word it', width: 22, value: (b) => b.baselineAsWritten },
    { header: 'Baseline date', width: 13, value: (b) => b.baselineDate },
    { header: 'Baseline data source', width: 36, value: (b) => b.baselineDataSource },
    { header: 'Target', width: 12, value: (b) => decimal(b.targetMilli), format: '#,##0.###' },
    { header: 'Target, as the papers word it', width: 22, value: (b) => b.targetAsWritten },
    { header: 'Target date', width: 12, value: (b) => b.targetDate },
    { header: 'Tolerance', width: 11, value: (b) => decimal(b.toleranceMilli), format: '#,##0.###' },
    { header: 'Full-year value (£)', width: 16, value: (b) => (b.fullYearValuePence === null ? null : b.fullYearValuePence / 100), format: '£#,##0.00' },
    { header: 'Latest measure', width: 14, value: (b) => decimal(b.latest?.valueMilli ?? null), format: '#,##0.###' },
    { header: 'Measured on', width: 12, value: (b) => b.latest?.measuredOn ?? null },
    { header: 'Status', width: 18, value: (b) => RAG_WORDS[b.rag]! },
    { header: 'Source', width: 28, value: (b) => cite(b.sourceId) },
  ];
}

export function benefitsCsv(benefits: readonly BenefitSummary[], sources: Map<string, Source>): string {
  const cols = columns(sources);
  return Papa.unparse({ fields: cols.map((c) => c.header), data: benefits.map((b) => cols.map((c) => c.value(b) ?? '')) });
}

export async function benefitsXlsx(benefits: readonly BenefitSummary[], sources: Map<string, Source>, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Realise';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('Benefits register', { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = columns(sources);
  sheet.columns = cols.map((c) => ({ header: c.header, key: c.header, width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const b of benefits) sheet.addRow(cols.map((c) => c.value(b)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
