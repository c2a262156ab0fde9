// Loads lunr with the German stemmer and stop words from lunr-languages.
//
// lunr-languages is CommonJS and expects lunr as an argument. A default import of the CommonJS
// module yields its `module.exports` both in Node's ESM loader and in esbuild/wrangler bundles,
// so this works on Node and on Cloudflare Workers without `createRequire` (which is Node-only).
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import german from 'lunr-languages/lunr.de.js';

type LunrWithGerman = typeof lunr & {
  de: { stemmer: lunr.PipelineFunction; stopWordFilter: lunr.PipelineFunction };
};

const withGerman = lunr as LunrWithGerman;
// Guard so a second import (e.g. tests with module isolation sharing lunr) does not re-register.
if (!withGerman.de) {
  stemmerSupport(lunr);
  german(lunr);
}

export { lunr };
export const germanStemmer: lunr.PipelineFunction = withGerman.de.stemmer;
export const germanStopWordFilter: lunr.PipelineFunction = withGerman.de.stopWordFilter;
