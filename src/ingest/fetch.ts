/**
 * Fetching URLs from untrusted input without becoming a proxy into the private network. Every hop of a
 * request (the first and each redirect) is resolved first, every resolved address must be public
 * unicast (no loopback, private, link-local, unique-local, multicast or reserved ranges, IPv4 or IPv6,
 * including IPv4-mapped IPv6), and the connection is pinned to the vetted address so a second DNS answer
 * cannot swap it. Timeouts, a body size limit (also after decompression) and a redirect limit bound the
 * cost of every fetch.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { InputError } from './decode.ts';

export interface FetchPolicy {
  /** Allow private, loopback and link-local addresses (`--allow-private`), or only those a predicate accepts. */
  allowPrivate?: boolean | ((address: string) => boolean);
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Extra request headers, e.g. If-None-Match. */
  headers?: Record<string, string>;
  /** Replaces DNS, for tests. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export interface FetchResult {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export const USER_AGENT = 'Corroborate/0.1 (+https://github.com/corroborate/corroborate)';

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

async function vet(url: URL, policy: FetchPolicy): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(url.href, `refused: only http and https URLs are fetched`);
  if (url.username || url.password)
    throw new InputError(url.href, 'refused: URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : policy.resolve
      ? await policy.resolve(host)
      : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  if (addresses.length === 0) throw new InputError(url.href, `cannot resolve ${host}`);
  if (policy.allowPrivate !== true) {
    const allowed = typeof policy.allowPrivate === 'function' ? policy.allowPrivate : () => false;
    const blocked = addresses.find((a) => !isPublicAddress(a) && !allowed(a));
    if (blocked)
      throw new InputError(
        url.href,
        `refused: ${host} resolves to a private, loopback or reserved address (${blocked}); use --allow-private to permit`,
      );
  }
  return addresses[0]!;
}

function decoderFor(encoding: string | undefined) {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return null;
}

function requestOnce(url: URL, address: string, policy: FetchPolicy, deadline: number): Promise<FetchResult> {
  const maxBytes = policy.maxBytes ?? 10 * 1024 * 1024;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = Math.max(deadline - Date.now(), 1);
    const req = client.request(
      url,
      {
        method: 'GET',
        headers: {
          'user-agent': policy.userAgent ?? USER_AGENT,
          'accept-encoding': 'gzip, deflate, br',
          accept: '*/*',
          ...policy.headers,
        },
        // Connect to the address that was vetted, whatever DNS says now.
        lookup: (_host, options, callback) => {
          const family = isIP(address);
          if ((options as { all?: boolean }).all)
            (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
              { address, family },
            ]);
          else callback(null, address, family);
        },
        timeout: remaining,
      },
      (res) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const declared = Number(headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          res.destroy();
          reject(new InputError(url.href, `response is ${declared} bytes, over the ${maxBytes}-byte limit`));
          return;
        }
        const decoder = decoderFor(headers['content-encoding']);
        const stream = decoder ? res.pipe(decoder) : res;
        const chunks: Buffer[] = [];
        let total = 0;
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) {
            res.destroy();
            stream.destroy();
            reject(new InputError(url.href, `response over the ${maxBytes}-byte limit`));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', () =>
          resolve({ url: url.href, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) }),
        );
        stream.on('error', (e) => reject(new InputError(url.href, `bad response body (${e.message})`)));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => reject(e instanceof InputError ? e : new InputError(url.href, e.message)));
    req.end();
  });
}

/** GET with the policy applied on every hop. Non-2xx final statuses are returned, not thrown. */
export async function safeFetch(input: string, policy: FetchPolicy = {}): Promise<FetchResult> {
  const deadline = Date.now() + (policy.timeoutMs ?? 15_000);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InputError(input, 'not a valid URL');
  }
  const maxRedirects = policy.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const address = await vet(url, policy);
    if (Date.now() > deadline) throw new InputError(input, 'timed out');
    const result = await requestOnce(url, address, policy, deadline);
    const location = result.headers.location;
    if (result.status >= 300 && result.status < 400 && location) {
      if (hop >= maxRedirects) throw new InputError(input, `more than ${maxRedirects} redirects`);
      url = new URL(location, url);
      continue;
    }
    return result;
  }
}
