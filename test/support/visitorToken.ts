/** A signed visitor token from a running server, as a page that books without the hall gets one. */
export async function newVisitorToken(
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/visitor`, { method: 'POST', headers });
  if (res.status !== 201) throw new Error(`no visitor token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { visitorToken: string }).visitorToken;
}
