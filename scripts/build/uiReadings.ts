import type { Plugin } from 'vite';
import { furiganaFor } from '../../server/src/i18n/furigana.ts';
import { ja } from '../../client/src/i18n/ja.ts';
import jaEasy from '../../client/src/i18n/dictionaries/ja-easy.json';

const ID = 'virtual:ui-readings';

/**
 * Furigana for the interface, made at build time: `import('virtual:ui-readings')` gives the readings of
 * every Japanese and easy-Japanese dictionary string (the hall plan's names come with the plan:
 * /api/hall/readings). It is its own chunk, fetched only
 * when a resident turns furigana on.
 */
export function uiReadings(): Plugin {
  return {
    name: 'ui-readings',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      const texts = [...Object.values(ja), ...Object.values(jaEasy as Record<string, string>)];
      return `export default ${JSON.stringify(await furiganaFor(texts))};`;
    },
  };
}
