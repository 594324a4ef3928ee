// Which Backstage component and resource types are ML systems, and of which kind.
import { systemKindSchema, type SystemKind } from "@maturity/model";

export interface BackstageMappingOptions {
  /** spec.type → the kind of system it is; the types not listed are not ML systems. */
  types: Readonly<Record<string, SystemKind>>;
}

export const defaultTypes: Readonly<Record<string, SystemKind>> = {
  "ml-model": "classical",
  "ml-service": "classical",
  "llm-service": "llm",
  "llm-app": "llm",
  agent: "agent",
};

export const defaultMappingOptions: BackstageMappingOptions = { types: defaultTypes };

const kinds = systemKindSchema.options.join("|");

/** How a type list is written, for messages that ask for one. */
export const typeMappingFormat = `<spec.type>=<${kinds}>, comma-separated, e.g. ml-model=classical,llm-app=llm`;

/**
 * Reads a type list such as `ml-model=classical,llm-app=llm` (blanks and spaces around items
 * ignored). Throws naming the bad item and what is expected.
 */
export function parseTypeMapping(text: string): Record<string, SystemKind> {
  const types: Record<string, SystemKind> = {};
  for (const item of text.split(",").map((part) => part.trim())) {
    if (item === "") continue;
    const [type, kind, ...rest] = item.split("=").map((part) => part.trim());
    if (type === undefined || type === "" || kind === undefined || rest.length > 0)
      throw new Error(`${JSON.stringify(item)} is not a type=kind pair; expected ${typeMappingFormat}`);
    const parsed = systemKindSchema.safeParse(kind);
    if (!parsed.success)
      throw new Error(`${JSON.stringify(item)}: unknown kind ${JSON.stringify(kind)}; expected ${kinds}`);
    const earlier = types[type];
    if (earlier !== undefined && earlier !== parsed.data)
      throw new Error(`type ${JSON.stringify(type)} is given twice, as ${earlier} and as ${parsed.data}`);
    types[type] = parsed.data;
  }
  return types;
}
