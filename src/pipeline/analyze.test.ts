import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFindings } from '../model/index.ts';
import { reportJson, validateReportSchema } from '../report/index.ts';
import { analyze } from './analyze.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('analyze on the bundled examples', async () => {
  const analysis = await analyze([examples]);

  it('reads every example with its metadata', () => {
    expect(analysis.problems).toEqual([]);
    expect(analysis.articles.map((a) => a.id).sort()).toEqual([
      'dailybrief-aggregator',
      'kestrel-observer',
      'lakeshore-radio',
      'meridian-followup',
      'meridian-wire',
      'valdoria-state-news',
    ]);
    const state = analysis.articles.find((a) => a.id === 'valdoria-state-news')!;
    expect(state.meta).toMatchObject({
      outlet: 'Valdoria State News',
      published: '2026-03-03T06:00:00Z',
      language: 'en',
    });
    const observer = analysis.articles.find((a) => a.id === 'kestrel-observer')!;
    expect(observer.meta.outlet).toBe('The Kestrel Observer');
    const radio = analysis.articles.find((a) => a.id === 'lakeshore-radio')!;
    expect(radio.text).toContain('bakery and caf\u00e9');
  });

  it('segments every article into paragraphs and sentences', () => {
    for (const a of analysis.articles) {
      expect(a.annotations.paragraphs.length).toBeGreaterThan(0);
      expect(a.annotations.sentences.length).toBeGreaterThanOrEqual(a.annotations.paragraphs.length);
    }
  });

  it('keeps every span and citation true to the text it names', () => {
    expect(validateFindings(analysis)).toEqual([]);
  });

  it('produces JSON that validates against the published schema', () => {
    const json = JSON.parse(JSON.stringify(reportJson(analysis)));
    expect(validateReportSchema(json)).toEqual([]);
    expect(json.stories.length).toBeGreaterThan(0);
    expect(validateReportSchema({ ...json, articles: [{ id: 'x' }] }).length).toBeGreaterThan(0);
  });
});
