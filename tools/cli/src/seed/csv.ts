// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Small enough not to
// warrant a dependency.
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
};

// Rows as objects keyed by the header line.
export const parseCsvRecords = (text: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((cells, n) => {
    if (cells.length !== header.length)
      throw new Error(`CSV line ${n + 2}: ${cells.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
};
