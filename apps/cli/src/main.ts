// The `maturity` command line.
import { unknownSettingMessage } from "@maturity/config";
import { Command } from "commander";
import { auditPackCommand } from "./commands/audit-pack.ts";
import { deadLettersCommand } from "./commands/dead-letters.ts";
import { demoCommand } from "./commands/demo.ts";
import { importCommand } from "./commands/import.ts";
import { mcpCommand } from "./commands/mcp.ts";
import { emitCommand } from "./commands/emit.ts";
import { replayCommand } from "./commands/replay.ts";
import { rubricCommand } from "./commands/rubric.ts";
import { scoreCommand } from "./commands/score.ts";
import { verifyChainCommand } from "./commands/verify-chain.ts";
import { checkCliEnv } from "./env.ts";

// A reader that stops early (`maturity demo | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of dying on the EPIPE with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command("maturity")
  .description("Evidence-backed AI/MLOps maturity scores for ML, LLM and agent systems.")
  .showHelpAfterError()
  // The settings are checked before any command runs (not for --help).
  .hook("preAction", () => {
    let unknown;
    try {
      unknown = checkCliEnv();
    } catch (error) {
      process.stderr.write(`maturity: ${(error as Error).message}\n`);
      process.exit(2);
    }
    for (const setting of unknown)
      process.stderr.write(`maturity: warning: ${unknownSettingMessage(setting)}\n`);
  })
  .addCommand(scoreCommand())
  .addCommand(rubricCommand())
  .addCommand(demoCommand())
  .addCommand(emitCommand())
  .addCommand(replayCommand())
  .addCommand(verifyChainCommand())
  .addCommand(deadLettersCommand())
  .addCommand(auditPackCommand())
  .addCommand(importCommand())
  .addCommand(mcpCommand());

await program.parseAsync(process.argv);
