import type { MiddlewareHandler } from 'hono';

// Compresses the page, its scripts and styles, the knowledge pages and JSON answers for clients
// that accept it (Accept-Encoding, by q-value, in the order the runtime offers encoders).
// Server-Sent Events are never compressed: a compressor holds bytes back until its buffer fills,
// so an event would wait (a staff answer arriving minutes late). The runtime brings its encoders
// (Node: brotli and gzip); without any nothing is compressed — on Workers, Cloudflare's edge
// compresses, and doing it in the isolate would only cost CPU time.

/** One content coding: its token in Accept-Encoding and a fresh stream compressing one body. */
export type Encoder = { name: string; stream: () => ReadableWritablePair<Uint8Array, Uint8Array> };

/** gzip through the web platform's CompressionStream (Node and workerd alike). */
export const gzipEncoder: Encoder = { name: 'gzip', stream: () => new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array> };

// text/event-stream is text too, and deliberately absent.
const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|markdown|javascript)|application\/(?:json|javascript|manifest\+json|xml)|image\/svg\+xml)\b/i;
/** Below this many bytes the coding's own overhead eats the gain. */
const THRESHOLD_BYTES = 1024;

/** The encoder the client prefers (highest q; ties go to the runtime's order), or none. */
export function chooseEncoder(acceptEncoding: string | undefined, encoders: Encoder[]): Encoder | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const value = weight === undefined ? 1 : Number(weight);
    if (token) q.set(token, Number.isFinite(value) ? value : 0);
  }
  let best: Encoder | undefined;
  let bestQ = 0;
  for (const encoder of encoders) {
    const weight = q.get(encoder.name) ?? q.get('*') ?? 0;
    if (weight > bestQ) [best, bestQ] = [encoder, weight];
  }
  return best;
}

function addVary(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

export function compression(encoders: Encoder[]): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (encoders.length === 0 || c.req.method === 'HEAD' || !res.body) return;
    if (res.status === 204 || res.status === 206 || res.status === 304 || res.headers.has('Content-Encoding')) return;
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    addVary(res.headers);
    const encoder = chooseEncoder(c.req.header('Accept-Encoding'), encoders);
    if (!encoder) return;
    let body: ReadableStream<Uint8Array> = res.body;
    const length = res.headers.get('Content-Length');
    if (length !== null) {
      if (Number(length) < THRESHOLD_BYTES) return;
    } else {
      // JSON answers and generated pages are in memory anyway: measure them first.
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength < THRESHOLD_BYTES) {
        c.res = new Response(bytes, res);
        return;
      }
      body = new Response(bytes).body!;
    }
    c.res = new Response(body.pipeThrough(encoder.stream()), res);
    // Setting c.res copies the old headers over: the length is that of the uncompressed body.
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoder.name);
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
