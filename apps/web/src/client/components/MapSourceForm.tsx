import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { trpc } from "../trpc.ts";

interface Props {
  sourceRef: string;
  systems: readonly { systemId: string; name: string | null; team: string | null }[];
}

/** Admin action: attach an unmapped native id to a system; its waiting events then count for it. */
export function MapSourceForm({ sourceRef, systems }: Props) {
  const id = useId();
  const [systemId, setSystemId] = useState("");
  const queryClient = useQueryClient();
  const map = useMutation(
    trpc.sources.map.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sources.unmapped.queryKey() }),
    }),
  );
  return (
    <form
      className="map-form"
      aria-label={`Map ${sourceRef} to a system`}
      onSubmit={(event) => {
        event.preventDefault();
        if (systemId !== "") map.mutate({ ref: sourceRef, systemId });
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        System for {sourceRef}
      </label>
      <select id={id} value={systemId} onChange={(event) => setSystemId(event.target.value)} required>
        <option value="">Choose a system…</option>
        {systems.map((system) => (
          <option key={system.systemId} value={system.systemId}>
            {system.name ?? system.systemId}
            {system.team ? ` (${system.team})` : ""}
          </option>
        ))}
      </select>
      <button type="submit" disabled={systemId === "" || map.isPending}>
        {map.isPending ? "Mapping…" : "Map"}
      </button>
      {map.isSuccess ? (
        <span role="status" className="small">
          Mapped to {map.data.systemId}; its events count for it once the worker has applied the mapping.
        </span>
      ) : null}
      {map.isError ? (
        <span role="alert" className="error small">
          Could not map: {map.error.message}
          {map.error.data?.code === "FORBIDDEN"
            ? " Ask an admin to do it."
            : " Check the choice and try again."}
        </span>
      ) : null}
    </form>
  );
}
