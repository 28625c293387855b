import { FLAG_REASONS } from './flag-reasons';

/**
 * FLAG_REASONS as the Markdown table of docs/domain/compliance-flags.md; a unit test keeps the
 * document equal to it, so the table is never edited by hand out of step with the code.
 */
export const flagReasonsMarkdown = (): string => {
  const rows = Object.entries(FLAG_REASONS).map(
    ([code, r]) =>
      `| \`${code}\` | ${r.program} | ${r.severity} | ${r.visibility} | ${r.summary} | ${r.raisedBy} | ${r.clearedBy} |`,
  );
  return [
    '| code | program | severity | visibility | what it says | raised by | cleared by |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
};
