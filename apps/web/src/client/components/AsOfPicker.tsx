import { useId } from "react";

interface Props {
  /** The chosen day (YYYY-MM-DD), or undefined for "now". */
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  /** How the past view is made, for the hint under the picker. */
  hint?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Picks the day to view the system as it was at that day's end (UTC); empty means now. */
export function AsOfPicker({
  value,
  onChange,
  hint = "Scores recomputed from the events stored up to the end of that day (UTC).",
}: Props) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="as-of">
      <label htmlFor={id}>As of</label>
      <input
        id={id}
        type="date"
        max={today()}
        value={value ?? ""}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value || undefined)}
      />
      {value ? (
        <button type="button" className="secondary" onClick={() => onChange(undefined)}>
          Back to now
        </button>
      ) : null}
      <span id={hintId} className="muted small">
        {hint}
      </span>
    </div>
  );
}

/** The end of a picked day, as the ISO instant system.report expects. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

export function isDay(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
