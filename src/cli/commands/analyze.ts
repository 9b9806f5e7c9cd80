import type { RegisterCommand } from './index.ts';

export const registerAnalyze: RegisterCommand = (program) => {
  program
    .command('analyze')
    .argument('<inputs...>')
    .action(() => {
      throw new Error('analyze: not wired yet');
    });
};
