// A pack that fails part-way (a stored chain that does not hold), run as a process of its own by
// write-pack.test.ts: the process must then end by itself, no deflating thread left running.
import { StoredChainError } from "../events-pass.ts";
import { writeAuditPack } from "../write-pack.ts";
import { fixtureEvents, packOptions, storedSource } from "./fixture.ts";

try {
  await writeAuditPack(storedSource(fixtureEvents, { tamper: 3 }), packOptions(), () => undefined);
  console.log("the pack was written");
} catch (error) {
  console.log(error instanceof StoredChainError ? "StoredChainError" : String(error));
}
