import type { Command } from 'commander';
import { registerAnalyze } from './analyze.ts';
import { registerAnnotate } from './annotate.ts';
import { registerCluster } from './cluster.ts';
import { registerDedupe } from './dedupe.ts';
import { registerExtract } from './extract.ts';
import { registerIngest } from './ingest.ts';
import { registerServe } from './serve.ts';
import { registerStories } from './stories.ts';
import { registerSummarize } from './summarize.ts';
import { registerWorker } from './worker.ts';

/** A sub-command adds itself to the program; `setExitCode` raises the process exit code. */
export type RegisterCommand = (program: Command, setExitCode: (code: number) => void) => void;

export const commands: RegisterCommand[] = [
  registerAnalyze,
  registerAnnotate,
  registerCluster,
  registerDedupe,
  registerExtract,
  registerIngest,
  registerStories,
  registerSummarize,
  registerServe,
  registerWorker,
];
