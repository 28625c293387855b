/** The first line of a generated file, as a comment of its language. */
export const generatedNotice = (comment: string): string =>
  `${comment} Generated from the service registry (libs/registry) by \`npx ofm registry generate\`: edit the registry, not this file.`;
