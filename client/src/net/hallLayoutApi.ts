import { HallLayoutResponse } from '../../../shared/protocol/hallLayout.ts';
import { fetchJson } from './catalogApi.ts';
import { serverEndpoint } from './endpoint.ts';

/** The hall plan in use, from the server: a city changes it without rebuilding the client. */
export async function fetchHallLayout(): Promise<HallLayoutResponse> {
  return HallLayoutResponse.parse(await fetchJson<unknown>(`${serverEndpoint()}/api/hall`));
}
