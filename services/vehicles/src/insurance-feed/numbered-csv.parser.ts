import { Parser, type Options } from 'csv-parse';

/** A record of the CSV with the line it ends on (the header row is line 1). */
export interface NumberedRecord {
  record: string[];
  line: number;
}

// csv-parse's `info: true` gives every record its line, but builds a fresh info object per record
// (spreading the parser's whole state): measured, that was ~40% of parsing a 100,000-row feed
// (825 ms against 470 ms without it). The parser's own counter, read as each record is pushed
// (synchronously, right after the record ended), is the same line for the price of one object.
export class NumberedCsvParser extends Parser {
  constructor(options: Omit<Options, 'info' | 'raw' | 'columns' | 'objname' | 'on_record'>) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    const numbered: NumberedRecord = { record: record as string[], line: this.info.lines };
    return super.push(numbered, encoding);
  }
}
