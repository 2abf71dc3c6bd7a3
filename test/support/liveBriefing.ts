import { signIn } from '../integration/staffQueue.ts';

/** A host signs in, creates a briefing starting now and starts it; returns its id. */
export async function startLiveBriefing(
  serverUrl: string,
  title: { ja: string; en: string },
  description: { ja: string; en: string },
): Promise<number> {
  const host = await signIn(serverUrl, 'demo-host');
  const post = (path: string, body: unknown) =>
    fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: { cookie: host, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await post('/api/events', {
    title,
    description,
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    capacity: 30,
  });
  const { id } = (await created.json()) as { id: number };
  const started = await post(`/api/events/${id}/start`, {});
  if (started.status !== 200) throw new Error(`briefing ${id} did not start: ${started.status}`);
  return id;
}
