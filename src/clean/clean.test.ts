import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.ts';
import { classifyLine } from './rules.ts';

const SCRAPE = [
  'Council votes to close the Marden ferry',
  'By Jonas Pike, Valley Ledger',
  'Oops! Something went wrong.',
  '1,204',
  'Share',
  'The Marden town council voted on Tuesday to close the river ferry at the end of the summer, ending a service that has run since 1921.',
  'Photo: Valley Ledger/Ana Ruiz',
  'The ferry at Marden landing in May.',
  'Councillors said the crossing lost money for the sixth year running.',
  'The ferry at Marden landing in May.',
  'This article has been indexed from our partner feeds and may be updated.',
  'Related Posts',
  'Nouvelles: le marché de Lyon rouvre ses portes',
  'Celebrity chef opens a second restaurant downtown',
  '© 2026 Valley Ledger. All rights reserved.',
].join('\n');

describe('cleanText', () => {
  const result = cleanText(SCRAPE);

  it('keeps every sentence of the article, in order', () => {
    expect(result.text).toContain('The Marden town council voted on Tuesday');
    expect(result.text).toContain('Councillors said the crossing lost money for the sixth year running.');
    expect(result.text.indexOf('voted on Tuesday')).toBeLessThan(result.text.indexOf('Councillors said'));
  });

  it('removes UI errors, counters, disclaimers and the related tail, each with its reason', () => {
    for (const junk of [
      'Oops!',
      '1,204',
      'indexed from our partner',
      'Related Posts',
      'Lyon',
      'Celebrity chef',
      '©',
    ])
      expect(result.text).not.toContain(junk);
    const reasons = new Set(result.removed.map((r) => r.reason));
    expect(reasons.has('byline')).toBe(true);
    expect(result.removed.find((r) => r.text.includes('Lyon'))).toBeDefined();
    expect(result.removed.find((r) => r.text.includes('Oops'))).toBeDefined();
  });

  it('moves the byline to metadata and keeps one copy of a duplicated caption, as a caption', () => {
    expect(result.meta.byline).toContain('Jonas Pike');
    expect(result.text).not.toContain('By Jonas Pike');
    const captions = result.blocks.filter((b) => b.kind === 'caption');
    expect(result.text.split('The ferry at Marden landing in May.').length - 1).toBeLessThanOrEqual(1);
    expect(captions.length + result.captions.length).toBeGreaterThan(0);
  });

  it('keeps sentences that merely open like junk', () => {
    expect(classifyLine('By Monday, the river had risen above the quay.')).toBeNull();
    expect(classifyLine('Police said the photo was taken on Monday near the old ferry landing.')).toBeNull();
    expect(classifyLine('By Lena Varga, Meridian Press Agency')?.reason).toBe('byline');
    expect(
      classifyLine('We use cookies to improve your experience. Accept cookies to continue.')?.reason,
    ).toBe('cookie-notice');
  });

  it('gives blocks whose spans are the text they claim', () => {
    for (const b of result.blocks) expect(b.end).toBeGreaterThan(b.start);
    expect(result.blocks.every((b) => b.end <= result.text.length)).toBe(true);
  });

  it('never drops a marked article line of the fixtures', () => {
    const dir = join(import.meta.dirname, 'fixtures');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const raw = lines.map((l) => l.replace(/^\[\[junk:[\w-]+\]\] /, '')).join('\n');
      const cleaned = cleanText(raw).text;
      for (const line of lines)
        if (line.trim() && !line.startsWith('[[junk:'))
          expect(cleaned, `${file}: ${line}`).toContain(line.trim());
    }
  });
});
