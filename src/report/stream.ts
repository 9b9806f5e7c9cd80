/**
 * A report's JSON in pieces. A big pile's report (every article's layers, every story's findings, every
 * reused passage) can pass the longest string the JavaScript engine makes, some 512 MiB, and
 * `JSON.stringify` then fails with nothing written. Written piece by piece, the outer levels one element
 * at a time, it is the same text, byte for byte, as `JSON.stringify(value, null, 2)`.
 */
const INDENT = '  ';

/** A value as `JSON.stringify` sees it under a key: after its `toJSON`, if it has one. */
function resolved(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The pieces of `JSON.stringify(value, null, 2)`, the first `levels` levels of nesting split up. */
export function* jsonPieces(value: unknown, levels = 2): Generator<string> {
  const top = resolved(value, '');
  if (omitted(top)) throw new TypeError('no JSON for undefined, a function or a symbol');
  yield* pieces(top, 0, levels);
}

/** A JSON document as the commands print it: the value's pieces, then a line break. */
export function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonPieces(value);
  yield '\n';
}

function* pieces(value: unknown, depth: number, levels: number): Generator<string> {
  const indent = INDENT.repeat(depth);
  if (depth >= levels || typeof value !== 'object' || value === null) {
    // Deeper levels whole; their line breaks are all formatting (a string's own are escaped).
    const text = JSON.stringify(value, null, 2)!;
    yield depth ? text.replaceAll('\n', `\n${indent}`) : text;
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (!value.length) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : '['}\n${inner}`;
      const item = resolved(value[i], String(i));
      if (omitted(item)) yield 'null';
      else yield* pieces(item, depth + 1, levels);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = resolved((value as Record<string, unknown>)[key], key);
    if (omitted(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(item, depth + 1, levels);
  }
  yield first ? '{}' : `\n${indent}}`;
}
