import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { trpc } from "../trpc.ts";
import { PolicyErrors, PolicyPreviewResult } from "./PolicyPreviewResult.tsx";

/** What the server takes (apps/web/src/server/routers/policy.ts); checked here before sending. */
const maxPolicyChars = 512 * 1024;

export interface Activation {
  eventId: string;
  name: string;
  version: string;
  contentHash: string;
}

/**
 * The admin's panel: a policy file (uploaded or typed), previewed first (its errors, or what it
 * would change), then activated on confirmation. Editing the text drops the preview, so what is
 * activated is always what was previewed (the server checks the content hash too).
 */
export function PolicyUpload({ onActivated }: { onActivated: (activation: Activation) => void }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("policy.yaml");
  const [confirming, setConfirming] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const preview = useMutation(trpc.policy.preview.mutationOptions());
  const activate = useMutation(
    trpc.policy.activate.mutationOptions({
      onSuccess: (activation) => {
        setConfirming(false);
        onActivated(activation);
      },
    }),
  );
  const fileId = useId();
  const textId = useId();
  const helpId = useId();

  const edit = (next: string, name?: string) => {
    setText(next);
    if (name !== undefined) setFileName(name);
    setConfirming(false);
    preview.reset();
    activate.reset();
  };
  const tooLong = text.length > maxPolicyChars;
  const result = preview.data;
  const valid = result?.ok === true ? result : undefined;

  return (
    <>
      <p id={helpId} className="small">
        A policy file extends the built-in rubric (<code>extends: builtin@…</code>): it overrides or turns off
        criteria, adds its own and sets the waiver rules. Preview shows what it would change before anything
        does; activating it puts it in force for every system.
      </p>
      <form
        className="policy-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === "" || tooLong) return;
          setConfirming(false);
          activate.reset();
          preview.mutate({ text, fileName });
        }}
      >
        <div className="filter">
          <label htmlFor={fileId}>Policy file (YAML or JSON)</label>
          <input
            id={fileId}
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            aria-describedby={helpId}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file === undefined) return;
              setReadError(null);
              file.text().then(
                (content) => edit(content, file.name),
                (error: unknown) => setReadError(`Could not read ${file.name}: ${String(error)}`),
              );
            }}
          />
        </div>
        <div className="filter policy-text">
          <label htmlFor={textId}>Policy text</label>
          <textarea
            id={textId}
            value={text}
            rows={14}
            spellCheck={false}
            aria-invalid={tooLong || undefined}
            onChange={(event) => edit(event.target.value)}
          />
          <span className="small muted">
            {fileName} · {text.length.toLocaleString("en-GB")} characters
            {tooLong ? (
              <span className="error">
                {" "}
                — over the {maxPolicyChars.toLocaleString("en-GB")}-character limit
              </span>
            ) : null}
          </span>
        </div>
        <div>
          <button type="submit" disabled={text.trim() === "" || tooLong || preview.isPending}>
            Preview
          </button>
        </div>
      </form>
      {readError ? (
        <p role="alert" className="error small">
          {readError}
        </p>
      ) : null}
      {preview.isPending ? (
        <p role="status" className="small">
          Reading the file and scoring every system under it…
        </p>
      ) : null}
      {preview.isError ? (
        <p role="alert" className="error small">
          Could not preview: {preview.error.message}
        </p>
      ) : null}
      {result?.ok === false ? <PolicyErrors errors={result.errors} fileName={fileName} /> : null}
      {valid ? (
        <>
          <PolicyPreviewResult result={valid} />
          <section aria-labelledby="activate-heading" className="activate-step">
            <h3 id="activate-heading">Activate</h3>
            {!valid.activatable.ok ? (
              <p className="banner" data-testid="not-activatable">
                {valid.candidate.name} {valid.candidate.version} cannot be activated:{" "}
                {valid.activatable.reason}.
              </p>
            ) : activate.isSuccess ? null : confirming ? (
              <div className="confirm" role="group" aria-labelledby="confirm-text">
                <p id="confirm-text">
                  Put{" "}
                  <strong>
                    {valid.candidate.name} {valid.candidate.version}
                  </strong>{" "}
                  in force instead of {valid.inForce.name} {valid.inForce.version}? Every system is re-scored
                  under it, and its score history records the change as caused by this policy. The activation
                  is recorded with your name.
                </p>
                <button
                  type="button"
                  disabled={activate.isPending}
                  onClick={() =>
                    activate.mutate({
                      text,
                      fileName,
                      contentHash: valid.candidate.contentHash,
                      basedOn: valid.inForce.contentHash,
                    })
                  }
                >
                  Confirm activation
                </button>{" "}
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                Activate {valid.candidate.name} {valid.candidate.version}…
              </button>
            )}
            {activate.isPending ? (
              <p role="status" className="small">
                Activating…
              </p>
            ) : null}
            {activate.isError ? (
              <p role="alert" className="error small">
                Not activated: {activate.error.message}
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
