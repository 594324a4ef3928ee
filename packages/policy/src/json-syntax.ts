// The first syntax error of a JSON text and where it is. A .json file is read as YAML (JSON is
// YAML), but YAML would accept comments, trailing commas and unquoted keys, and would describe a
// missing comma in YAML's terms; JSON.parse names no position on every Node version. Hence this.

export interface JsonSyntaxError {
  /** Offset into the text. */
  offset: number;
  message: string;
}

// Far deeper than any rubric; keeps a hostile file from exhausting the stack.
const maxDepth = 64;

class Failure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  let depth = 0;
  const fail = (message: string): never => {
    throw new Failure(at, at >= text.length ? `unexpected end of the file: ${message}` : message);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at] as string)) at++;
  };
  const close = () => {
    at++;
    depth--;
  };
  const string = () => {
    at++; // the opening quote
    for (;;) {
      if (at >= text.length) fail("unterminated string");
      const c = text.charCodeAt(at);
      if (c === 0x22) return void at++;
      if (c < 0x20) fail("control character in a string; write it as an escape such as \\n");
      if (c === 0x5c) {
        const escape = text[at + 1];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)))
            fail("\\u must be followed by four hex digits");
          at += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else fail("invalid escape in a string");
      } else at++;
    }
  };
  const value = (): void => {
    space();
    const c = text[at];
    if ((c === "{" || c === "[") && ++depth > maxDepth) fail(`nested more than ${maxDepth} levels deep`);
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    const literal = /^(true|false|null)/.exec(text.slice(at, at + 5));
    if (literal) return void (at += (literal[1] as string).length);
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (number) return void (at += number[0].length);
    fail("expected a value: a string in double quotes, a number, true, false, null, [ or {");
  };
  const object = () => {
    at++;
    space();
    if (text[at] === "}") return close();
    for (;;) {
      space();
      if (text[at] !== '"') fail("expected a property name in double quotes");
      string();
      space();
      if (text[at] !== ":") fail("expected : after the property name");
      at++;
      value();
      space();
      if (text[at] === ",") at++;
      else if (text[at] === "}") return close();
      else fail("expected , or } after the property's value");
    }
  };
  const array = () => {
    at++;
    space();
    if (text[at] === "]") return close();
    for (;;) {
      value();
      space();
      if (text[at] === ",") at++;
      else if (text[at] === "]") return close();
      else fail("expected , or ] after the item");
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) at = 1; // a byte order mark
    value();
    space();
    if (at < text.length) fail("unexpected text after the end of the JSON document");
    return undefined;
  } catch (error) {
    if (error instanceof Failure) return { offset: error.offset, message: `JSON syntax: ${error.message}` };
    throw error;
  }
}
