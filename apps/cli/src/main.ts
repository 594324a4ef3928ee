// The `maturity` command line.
import { Command } from "commander";
import { deadLettersCommand } from "./commands/dead-letters.ts";
import { demoCommand } from "./commands/demo.ts";
import { replayCommand } from "./commands/replay.ts";
import { scoreCommand } from "./commands/score.ts";
import { verifyChainCommand } from "./commands/verify-chain.ts";

// A reader that stops early (`maturity demo | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of dying on the EPIPE with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command("maturity")
  .description("Evidence-backed AI/MLOps maturity scores for ML, LLM and agent systems.")
  .showHelpAfterError()
  .addCommand(scoreCommand())
  .addCommand(demoCommand())
  .addCommand(replayCommand())
  .addCommand(verifyChainCommand())
  .addCommand(deadLettersCommand());

await program.parseAsync(process.argv);
