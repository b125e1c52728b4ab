// The one reader of typed money is shared with the server's import, so a figure typed here and the
// same figure in a spreadsheet are read, and refused, alike.
export { readAmount as parsePoundsInput } from '../../server/domain/money';
