/** Writing command output to a file or stdout. */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

// Pieces gathered to about this size before each write: one write per piece of a big report's JSON
// would cost more in calls than in bytes.
const WRITE_CHUNK = 64 * 1024;

/** Writes a whole text, or one given in pieces (too long, perhaps, for a single string). */
export async function writeOutput(
  content: string | Iterable<string>,
  out: string | undefined,
): Promise<void> {
  if (typeof content === 'string') {
    if (out && out !== '-') await writeFile(out, content);
    else
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(content, (error) => (error ? reject(error) : resolve())),
      );
    return;
  }
  const toFile = out && out !== '-';
  const stream: Writable = toFile ? createWriteStream(out) : process.stdout;
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  let pending = '';
  const flush = async () => {
    const chunk = pending;
    pending = '';
    if (!stream.write(chunk)) await Promise.race([new Promise((r) => stream.once('drain', r)), failed]);
  };
  for (const piece of content) {
    pending += piece;
    if (pending.length >= WRITE_CHUNK) await flush();
  }
  if (pending) await flush();
  if (toFile) {
    stream.end();
    await Promise.race([finished(stream), failed]);
  } else await Promise.race([new Promise<void>((r) => stream.write('', () => r())), failed]);
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
