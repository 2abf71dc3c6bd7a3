/** Text of the open data API: Japanese and English (the API is read by people and programs alike). */
export interface JaEn {
  ja: string;
  en: string;
}

export interface OpenDataColumn {
  name: string;
  type: 'date' | 'integer' | 'number' | 'string';
  description: JaEn;
}

export interface OpenDataLicence {
  /** An SPDX id (CC-BY-4.0) or the name a city configured. */
  id: string;
  name: string;
  url: string | null;
  /** Whom reusers credit. */
  attribution: string;
}

/** `GET /api/open-data/`: what is published, under which licence, and how small counts are hidden. */
export interface OpenDataListing {
  title: JaEn;
  publisher: string;
  license: OpenDataLicence;
  timeZone: string;
  /** The last day published (yesterday: a day is published once it is over). */
  latestDay: string;
  maxRangeDays: number;
  parameters: { name: string; description: JaEn }[];
  suppression: { minimum: number; marker: string; description: JaEn };
  format: JaEn;
  datasets: {
    id: string;
    title: JaEn;
    description: JaEn;
    columns: OpenDataColumn[];
    links: { csv: string; json: string };
  }[];
}
