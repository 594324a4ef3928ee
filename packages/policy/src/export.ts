// The rubric written out as a file an organisation can read, keep and change.
import { rubricVersion as builtinVersion, type Rubric } from "@maturity/model/rubric";
import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import { rubricDocument } from "./read.ts";

/**
 * The rubric as YAML, every threshold written out. Read back (readPolicyText) it gives the same
 * rubric, so scoring with the file scores exactly as the rubric it came from.
 */
export function exportRubricYaml(rubric: Rubric): string {
  const doc = new Document(rubricDocument(rubric));
  doc.commentBefore = header(rubric).join("\n");
  // A blank line before each criterion keeps a long file easy to scan.
  const criteria = isMap(doc.contents) ? doc.contents.get("criteria", true) : undefined;
  if (isSeq(criteria))
    for (const item of criteria.items.slice(1)) (item as { spaceBefore?: boolean }).spaceBefore = true;
  // Lists of plain values (system kinds, allowed values) read best on one line: [classical, llm].
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100, flowCollectionPadding: false });
}

function header(rubric: Rubric): string[] {
  const lines = [
    ` Maturity rubric ${rubric.version}: every criterion, the rule that judges it and the threshold`,
    " at which it is met (docs/rubric.md explains the rules, docs/policy.md this file).",
    "",
    " As it is, this file scores exactly as the rubric it was exported from (maturity score",
    " --policy FILE, or MATURITY_POLICY=FILE). Edited, it is a full rubric of your own: give it a",
    " version of its own. To change a few criteria and keep the rest as built in, write a policy",
    ` instead: a file with extends: builtin@${builtinVersion} and a list of overrides.`,
  ];
  if (rubric.version.startsWith("builtin@"))
    lines.push("", " Its version names a policy; give it one of its own before reading it as a full rubric.");
  return lines;
}
