import { describe, expect, it } from 'vitest';
import { type LineEvent, splitLines } from './lines.ts';

async function collect(chunks: (Buffer | string)[], max = 1000): Promise<LineEvent[]> {
  async function* source() {
    yield* chunks;
  }
  const out: LineEvent[] = [];
  for await (const event of splitLines(source(), max)) out.push(event);
  return out;
}

describe('splitLines', () => {
  it('joins a character whose bytes are split between chunks', async () => {
    const bytes = Buffer.from('Zürich\nKöln\n', 'utf8');
    // Cut inside the two bytes of "ü" and of "ö".
    const events = await collect([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]);
    expect(events).toEqual([
      { line: 'Zürich', number: 1 },
      { line: 'Köln', number: 2 },
    ]);
  });

  it('drops a leading byte order mark, so the first JSON line still parses', async () => {
    const events = await collect([Buffer.from('\ufeff{"id":"a"}\r\n{"id":"b"}', 'utf8')]);
    const lines = events.map((e) => ('line' in e ? JSON.parse(e.line).id : null));
    expect(lines).toEqual(['a', 'b']);
  });

  it('reports an overlong line by number and goes on with the next', async () => {
    const events = await collect(['short\n', 'x'.repeat(30), 'y'.repeat(30), '\nnext'], 40);
    expect(events).toEqual([
      { line: 'short', number: 1 },
      { tooLong: true, number: 2 },
      { line: 'next', number: 3 },
    ]);
  });

  it('replaces bytes that are not UTF-8 instead of failing', async () => {
    const events = await collect([Buffer.from([0x61, 0xff, 0x62, 0x0a])]);
    expect(events).toEqual([{ line: 'a\ufffdb', number: 1 }]);
  });
});
