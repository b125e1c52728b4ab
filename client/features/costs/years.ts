import { fiscalYearFromStartYear } from '../../../server/domain/fiscal';

/** The financial years the costs page offers, for its year and for a recorded cost's. */
export const PROGRAMME_YEARS = Array.from({ length: 12 }, (_, i) => fiscalYearFromStartYear(2015 + i));
