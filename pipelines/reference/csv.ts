/**
 * Minimal RFC 4180 reading and writing for the reference build. The inputs are small (a few MB at most),
 * so a whole-file parser is fine; it accepts a UTF-8 BOM, CRLF or LF line endings and quoted fields.
 */

/** Parse CSV text into records of fields. A trailing line break does not create an empty record. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let inQuotes = false;
  let fieldStarted = false; // the current record has at least one character or separator
  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field at end of input');
  if (fieldStarted || field !== '') {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Parse CSV text with a header row into objects keyed by header name (exact header text). */
export function parseCsvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new Error('CSV: empty input (no header row)');
  const rows = body.map((fields) => {
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      row[name] = fields[i] ?? '';
    });
    return row;
  });
  return { header, rows };
}

/** Quote a field only when RFC 4180 requires it (comma, double quote, CR or LF). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Serialise a header and rows: comma separated, LF line endings, final LF, no BOM. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((fields, n) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV: record ${n} has ${fields.length} fields, header has ${header.length}`);
    }
    return fields.map(csvField).join(',');
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Format a number with `digits` significant digits as a plain decimal (never exponent notation), trailing
 * zeros after the decimal point dropped. Number.prototype.toPrecision is exactly specified by ECMAScript, so
 * the result is the same on every engine and platform.
 */
export function formatSignificant(x: number, digits: number): string {
  if (!Number.isFinite(x)) throw new Error(`formatSignificant: not a finite number: ${x}`);
  const p = x.toPrecision(digits);
  let out = p;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(p);
  if (m) {
    const sign = m[1] ?? '';
    const allDigits = `${m[2] ?? ''}${m[3] ?? ''}`;
    const pointAt = 1 + Number(m[4]); // position of the decimal point within allDigits
    if (pointAt <= 0) out = `${sign}0.${'0'.repeat(-pointAt)}${allDigits}`;
    else if (pointAt >= allDigits.length) out = `${sign}${allDigits}${'0'.repeat(pointAt - allDigits.length)}`;
    else out = `${sign}${allDigits.slice(0, pointAt)}.${allDigits.slice(pointAt)}`;
  }
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return out === '-0' ? '0' : out;
}
