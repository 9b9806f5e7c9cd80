/** Writing command output to a file or stdout. */
import { writeFile } from 'node:fs/promises';

export async function writeOutput(content: string, out: string | undefined): Promise<void> {
  if (out && out !== '-') await writeFile(out, content);
  else
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(content, (error) => (error ? reject(error) : resolve())),
    );
}

export function parseNonNegativeInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, 0 or more, got ${JSON.stringify(value)}`);
  return n;
}

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return n;
}
