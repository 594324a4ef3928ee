import { useLiveScoreChanges } from "../hooks/useLiveScoreChanges.ts";

const labels = {
  pending: "Live: pages update as scores change",
  connecting: "Connecting to live updates…",
  idle: "Live updates off",
  error: "Live updates lost: reload the page to reconnect",
} as const;

/** Whether open pages follow score changes, said in words (and politely announced when it changes). */
export function LiveStatus() {
  const status = useLiveScoreChanges();
  return (
    <span className="live-status" role="status" data-live={status}>
      <span aria-hidden="true">{status === "pending" ? "● " : "○ "}</span>
      {labels[status]}
    </span>
  );
}
