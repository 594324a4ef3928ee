/**
 * The same text, stored as one flat string. A template literal builds a tree of pieces (V8 "cons
 * strings"); a report keeps its risk texts for its whole life, so the garbage collector would copy
 * every piece of every tree, about three times the text's size. Reading a character makes V8
 * flatten the tree into one string, and the pieces become garbage at once.
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}
