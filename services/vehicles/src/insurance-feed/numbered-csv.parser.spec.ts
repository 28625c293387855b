import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { NumberedCsvParser, type NumberedRecord } from './numbered-csv.parser';

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true } as const;

const numbered = async (chunks: string[]): Promise<NumberedRecord[]> => {
  const out: NumberedRecord[] = [];
  for await (const r of Readable.from(chunks).pipe(new NumberedCsvParser(OPTIONS))) out.push(r as NumberedRecord);
  return out;
};

// csv-parse's own `info.lines`, the reference the cheaper numbering must equal.
const withInfo = async (chunks: string[]): Promise<NumberedRecord[]> => {
  const out: NumberedRecord[] = [];
  for await (const r of Readable.from(chunks).pipe(parse({ ...OPTIONS, info: true }))) {
    const { record, info } = r as { record: string[]; info: { lines: number } };
    out.push({ record, line: info.lines });
  }
  return out;
};

describe('NumberedCsvParser', () => {
  const csv = [
    '\ufeffa,b,c',
    '1,2,3',
    '',
    '"multi',
    'line",5,6',
    '7,"8 ""quoted""",9',
    'short,row',
    'last,row,without-newline',
  ].join('\n');

  it('numbers each record with the line it ends on, blank lines and quoted line breaks counted', async () => {
    expect((await numbered([csv])).map((r) => r.line)).toEqual([1, 2, 5, 6, 7, 8]);
  });

  it('numbers exactly as csv-parse info.lines does, wherever the chunks split the text', async () => {
    const reference = await withInfo([csv]);
    for (const size of [1, 2, 3, 7, 16]) {
      const chunks = Array.from({ length: Math.ceil(csv.length / size) }, (_, i) =>
        csv.slice(i * size, (i + 1) * size),
      );
      expect(await numbered(chunks)).toEqual(reference);
    }
  });

  it('fails on broken CSV as csv-parse does (an unclosed quote)', async () => {
    await expect(numbered(['a,b\n"open,2\n'])).rejects.toMatchObject({ code: 'CSV_QUOTE_NOT_CLOSED' });
  });
});
