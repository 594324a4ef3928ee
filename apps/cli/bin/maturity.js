#!/usr/bin/env node
// The CLI is TypeScript source; tsx compiles it on the fly so `npm ci` is enough to run it.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
