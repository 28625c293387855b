import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('splits plain fields and lines (LF and CRLF)', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('city,note\n"Washington, D.C.","say ""hi""\nthere"\n')).toEqual([
      ['city', 'note'],
      ['Washington, D.C.', 'say "hi"\nthere'],
    ]);
  });

  it('keeps empty fields, also at the end of a line without a final newline', () => {
    expect(parseCsv('a,,c,\n1,,,')).toEqual([
      ['a', '', 'c', ''],
      ['1', '', '', ''],
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field/);
  });
});

describe('parseCsvRecords', () => {
  it('keys each row by the header', () => {
    expect(parseCsvRecords('country,city\nFR,"Washington, D.C."\n')).toEqual([
      { country: 'FR', city: 'Washington, D.C.' },
    ]);
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(() => parseCsvRecords('a,b\n1,2\n3\n')).toThrow(/line 3: 1 fields, header has 2/);
  });
});
