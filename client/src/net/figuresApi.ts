import type { Figures } from '../../../shared/protocol/figures.ts';
import type { OpenDataListing } from '../../../shared/protocol/openData.ts';
import type { FigureChart } from '../../../shared/figures/figureTables.ts';
import { fetchJson } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';

export interface DayRange {
  from: string;
  to: string;
}

const query = (r: DayRange) => `?from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}`;

/** The city's figures (admins, same origin with the session cookie) and the open data list (anyone). */
export const figuresApi = {
  /** Without a range the server picks the last 7 days up to today, in the city's calendar. */
  figures: (range?: DayRange) => fetchJson<Figures>(`/api/figures${range ? query(range) : ''}`),
  csvUrl: (chart: FigureChart, range: DayRange) => `/api/figures/${chart}.csv${query(range)}`,
  openData: () => fetchJson<OpenDataListing>(`${serverEndpoint()}/api/open-data/`),
  /** A data set's file as the server links it, at the server (the dev client runs on another port). */
  openDataUrl: (link: string) => `${serverEndpoint()}${link}`,
  openDataIndexUrl: () => `${serverEndpoint()}/api/open-data/`,
};
