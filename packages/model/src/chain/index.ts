// The canonical form of an event (and of any JSON document) and the per-system hash chain over
// it: one definition for the event store, the chain check, policy content hashes and audit packs.
// Node only (node:crypto): a subpath of its own, so the portal's browser bundle never loads it.
export { canonicalJson, chainHash, genesisHash } from "./chain.ts";
