// The encoders of the Node server: brotli first (smaller), then gzip. Brotli through node:zlib
// at quality 5, because the platform's CompressionStream('brotli') uses quality 11, which costs
// about 30 ms of CPU per 20 KB script on every request (quality 5: about 2 ms, 10 % larger).
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress } from 'node:zlib';
import { gzipEncoder, type Encoder } from '../http/middleware/compression.ts';

const BROTLI_QUALITY = 5;

const brotliEncoder: Encoder = {
  name: 'br',
  stream: () => Duplex.toWeb(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })) as ReadableWritablePair<Uint8Array, Uint8Array>,
};

export const NODE_ENCODERS: Encoder[] = [brotliEncoder, gzipEncoder];
