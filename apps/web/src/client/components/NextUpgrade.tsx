import type { Risk } from "../lib/api-types.ts";
import { nextStepFor } from "../lib/upgrade-path.ts";

interface Props {
  levels: readonly number[];
  risks: readonly Risk[];
}

/** The single most useful next step: the top risk's advice, and the general step for the weakest level. */
export function NextUpgrade({ levels, risks }: Props) {
  const step = nextStepFor(levels);
  const top = risks[0];
  return (
    <div className="next-step">
      {top ? (
        <p>
          <strong>For this system:</strong> {top.nextUpgrade}
        </p>
      ) : null}
      {step ? (
        <p>
          <strong>{step.title}</strong> (its weakest axis): {step.advice}
        </p>
      ) : (
        <p>Every axis is at level 5: keep the evidence fresh.</p>
      )}
    </div>
  );
}
