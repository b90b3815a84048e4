/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (which
 * may hold commas, line breaks and doubled quotes), CRLF or LF line ends.
 * Each record keeps the line it starts on, for error messages.
 */
import { ParseError } from '../core/errors.ts';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

/**
 * @example
 * parseCsv('a,b\n"x, y",2\n', 'users.csv') // [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', '2'] }]
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  let afterQuote = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !wasQuoted)) records.push({ line: start, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (afterQuote && ch !== ',' && ch !== '\n' && !(ch === '\r' && text[i + 1] === '\n')) {
      throw new ParseError(file, line, 'text after a closing quote; a quoted field must end at a comma or line end');
    }
    afterQuote = false;
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new ParseError(file, line, 'a quote inside an unquoted field; quote the whole field and double inner quotes');
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new ParseError(file, start, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return records;
}
