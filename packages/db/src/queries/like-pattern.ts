/** `%text%` for (I)LIKE, with LIKE's own wildcards in the text matched literally. */
export function containingPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
