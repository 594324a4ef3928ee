// Regenerates apps/cli/examples/scenarios.ndjson from example-scenarios.ts.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exampleScenariosNdjson } from "./example-scenarios.ts";

const target = fileURLToPath(new URL("../examples/scenarios.ndjson", import.meta.url));
writeFileSync(target, exampleScenariosNdjson());
console.log(`wrote ${target}`);
