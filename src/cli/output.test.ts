import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonDocument } from '../report/index.ts';
import { writeOutput } from './output.ts';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('writes a text given in pieces as one file, in order', async () => {
    const report = {
      reuse: Array.from({ length: 5000 }, (_, i) => ({ a: `a${i}`, text: 'passage '.repeat(20) })),
    };
    const file = join(dir, 'report.json');
    await writeOutput(jsonDocument(report), file);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('fails with the file system’s error when the file cannot be written', async () => {
    await expect(writeOutput(jsonDocument({ a: 1 }), join(dir, 'missing', 'report.json'))).rejects.toThrow(
      /ENOENT/,
    );
    await expect(writeOutput('text', join(dir, 'missing', 'report.txt'))).rejects.toThrow(/ENOENT/);
  });
});
