import type { OpenDataLicence } from '../../../shared/protocol/openData.ts';

/** Licences whose address is known by their id; any other needs OPEN_DATA_LICENSE_URL. */
const KNOWN: Record<string, { name: string; url: string }> = {
  'CC-BY-4.0': {
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'CC-BY-SA-4.0': {
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  'CC0-1.0': {
    name: 'Creative Commons Zero v1.0 Universal',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'ODbL-1.0': {
    name: 'Open Data Commons Open Database License v1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  'PDL-1.0': {
    name: '公共データ利用規約（第1.0版） / Public Data License (Version 1.0)',
    url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
  },
};

export function openDataLicence(config: {
  OPEN_DATA_LICENSE: string;
  OPEN_DATA_LICENSE_URL?: string;
  OPEN_DATA_ATTRIBUTION: string;
}): OpenDataLicence {
  const known = KNOWN[config.OPEN_DATA_LICENSE];
  return {
    id: config.OPEN_DATA_LICENSE,
    name: known?.name ?? config.OPEN_DATA_LICENSE,
    url: config.OPEN_DATA_LICENSE_URL ?? known?.url ?? null,
    attribution: config.OPEN_DATA_ATTRIBUTION,
  };
}
