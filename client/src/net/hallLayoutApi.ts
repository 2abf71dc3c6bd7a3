import { HallLayoutResponse } from '../../../shared/protocol/hallLayout.ts';
import { fetchJson } from './catalogApi.ts';

/** The hall plan in use, from the server: a city changes it without rebuilding the client. */
export async function fetchHallLayout(): Promise<HallLayoutResponse> {
  return HallLayoutResponse.parse(await fetchJson<unknown>('/api/hall'));
}
