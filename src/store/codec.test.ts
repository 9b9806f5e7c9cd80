import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../pipeline/index.ts';
import { packArticle, unpackArticle } from './codec.ts';

const article = prepareArticle(
  {
    id: 'harbour',
    source: { url: 'https://coast.example/harbour' },
    format: 'html',
    content: `<html><head><title>Harbour reopens</title></head><body><article>
      <p>Harbour minister Amara Okafor said the port would reopen on Friday after 3 days.</p>
      <p>"Ships can dock again," Okafor told reporters.</p>
      <div class="share">Share 12</div></article></body></html>`,
    meta: { outlet: 'Coast Times' },
  },
  { id: 'harbour' },
);

describe('packed articles', () => {
  it('carry the layers as one compressed string and come back whole', () => {
    const packed = packArticle(article);
    expect(Object.keys(packed)).not.toContain('annotations');
    expect(Object.keys(packed)).not.toContain('removed');
    expect(typeof packed.layers).toBe('string');
    expect(packed.text).toBe(article.text);
    expect(unpackArticle(packed)).toEqual(JSON.parse(JSON.stringify(article)));
  });

  it('leave an article that was never packed as it is', () => {
    expect(unpackArticle(article)).toBe(article);
  });
});
