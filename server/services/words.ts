// How a status reads in every download, the same words the screens use beside their shapes.

export const RAG_WORDS: Record<string, string> = { green: 'On track', amber: 'At risk', red: 'Off track', none: 'No actual yet' };
export const BENEFIT_RAG_WORDS: Record<string, string> = { ...RAG_WORDS, 'not-measured': 'Not yet measured', 'no-target': 'Measured, no target' };
export const fiscalYearWords = (year: string | null) => (year === null ? 'Not profiled by year' : `FY ${year.replace('-', '/')}`);
