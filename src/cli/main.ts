/**
 * The `corroborate` command line. Each sub-command lives in its own module under `commands/` and
 * registers itself on the program; this file only wires them and maps failures to exit codes.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('corroborate')
    .description(
      'Compare many outlets\u2019 coverage of the same news: agreement, conflicts, quotes, copies.',
    )
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  for (const register of commands) register(program, setExitCode);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(`corroborate: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return exitCode;
}
