// The three frameworks the rubric cites, as the pack names them, and — kept plainly apart — what
// each asks for that no stream of events can show, so a pack never claims more than it holds.
import type { Framework } from "./clause-index.ts";

export interface FrameworkFacts {
  framework: Framework;
  /** For bom-refs and anchors. */
  slug: string;
  /** The edition the rubric's citations follow. */
  edition: string;
  owner: string;
  /** Short headings of the clauses whose headings are public and stable (the EU AI Act's articles). */
  headings: Record<string, string>;
  /** What the framework expects that is a document, a design or a decision, not an event. */
  notShownByEvents: string[];
}

export const frameworks: readonly FrameworkFacts[] = [
  {
    framework: "EU AI Act",
    slug: "eu-ai-act",
    edition: "Regulation (EU) 2024/1689",
    owner: "European Union",
    headings: {
      "Art. 9": "Risk management system",
      "Art. 10": "Data and data governance",
      "Art. 11": "Technical documentation",
      "Art. 12": "Record-keeping",
      "Art. 13": "Transparency and information to deployers",
      "Art. 14": "Human oversight",
      "Art. 15": "Accuracy, robustness and cybersecurity",
      "Art. 17": "Quality management system",
      "Art. 72": "Post-market monitoring",
      "Art. 73": "Reporting of serious incidents",
    },
    notShownByEvents: [
      "The EU declaration of conformity (Art. 47), the CE marking (Art. 48) and registration in the EU database (Art. 49): documents and filings the provider signs.",
      "The conformity assessment itself (Art. 43): a procedure run by the provider or a notified body, which this pack can feed but not replace.",
      "The quality management system (Art. 17): written policies, procedures and responsibilities. Events show practices running, not that the system is documented and approved.",
      "Human oversight measures as designed (Art. 14): who may intervene, how, and with what training. Events show that overrides were documented, not that the design is adequate.",
      "The post-market monitoring plan (Art. 72(3)) as a document: events show monitoring in place and alerts firing, not the plan it should follow.",
      "The content of the technical documentation (Art. 11, Annex IV) and of the instructions for use (Art. 13): events show that documents were generated, not what they say.",
      "A fundamental rights impact assessment where one is required (Art. 27).",
    ],
  },
  {
    framework: "NIST AI RMF",
    slug: "nist-ai-rmf",
    edition: "AI RMF 1.0 (NIST AI 100-1)",
    owner: "National Institute of Standards and Technology",
    headings: {},
    notShownByEvents: [
      "Organisational policies, risk tolerance and accountability structures (GOVERN 1–2) as decided and communicated, beyond a named owner per system.",
      "Workforce diversity, training and a culture of risk awareness (GOVERN 3–4).",
      "Engagement with affected communities and external stakeholders, and the feedback gathered (GOVERN 5, MAP 5.2).",
      "The intended purpose, context of use and known limits of the system (MAP 1) as written down and agreed.",
      "Third-party and supply-chain risk policies (GOVERN 6) beyond what pipeline events record.",
    ],
  },
  {
    framework: "ISO/IEC 42001",
    slug: "iso-iec-42001",
    edition: "ISO/IEC 42001:2023",
    owner: "ISO/IEC JTC 1/SC 42",
    headings: {},
    notShownByEvents: [
      "The AI management system itself (clauses 4–10): its scope, the AI policy, objectives, roles, and the commitment of top management.",
      "The statement of applicability (6.1.3) and the AI system impact assessment (6.1.4, A.5) as approved documents.",
      "Internal audits (9.2), management reviews (9.3) and the handling of nonconformities (10.2).",
      "Competence and awareness of the people involved (7.2, 7.3).",
    ],
  },
];

export function frameworkFacts(framework: Framework): FrameworkFacts {
  return frameworks.find((f) => f.framework === framework)!;
}

/** "Art. 12 — Record-keeping", or the clause alone when it has no heading here. */
export function clauseLabel(framework: Framework, clause: string): string {
  const heading = frameworkFacts(framework).headings[clause];
  return heading === undefined ? clause : `${clause} — ${heading}`;
}
