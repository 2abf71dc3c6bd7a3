import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { openDataLicence } from '../../server/src/figures/openDataLicence.ts';

describe('the open data licence', () => {
  it('is CC BY 4.0 by default, crediting the city hall', () => {
    expect(openDataLicence(loadConfig({}))).toEqual({
      id: 'CC-BY-4.0',
      name: 'Creative Commons Attribution 4.0 International',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: 'バーチャル市役所 (Virtual City Hall)',
    });
  });

  it('a known id brings its address; another licence needs one given', () => {
    const cc0 = openDataLicence(loadConfig({ OPEN_DATA_LICENSE: 'CC0-1.0', OPEN_DATA_ATTRIBUTION: '南市' }));
    expect(cc0).toMatchObject({
      url: 'https://creativecommons.org/publicdomain/zero/1.0/',
      attribution: '南市',
    });
    expect(openDataLicence(loadConfig({ OPEN_DATA_LICENSE: '南市オープンデータ利用規約' })).url).toBeNull();
    const own = openDataLicence(
      loadConfig({ OPEN_DATA_LICENSE: '南市利用規約', OPEN_DATA_LICENSE_URL: 'https://city.example/terms' }),
    );
    expect(own).toMatchObject({ name: '南市利用規約', url: 'https://city.example/terms' });
    expect(() => loadConfig({ OPEN_DATA_LICENSE_URL: 'javascript:alert(1)' })).toThrow(
      /OPEN_DATA_LICENSE_URL/,
    );
    expect(() => loadConfig({ OPEN_DATA_REQUESTS_PER_ADDRESS: '0' })).toThrow(
      /OPEN_DATA_REQUESTS_PER_ADDRESS/,
    );
  });
});
