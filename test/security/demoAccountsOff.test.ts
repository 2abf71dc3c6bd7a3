import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** A city that tried the demo and then went live on the same database. */
describe('demo accounts do not outlive demo mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-hall-demo-off-'));
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = (username: string, password: string) =>
    fetch(`${server!.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it("with DEMO_DATA=off the published demo password stops working; the city's own accounts stay", async () => {
    server = await startTestServer({ DATA_DIR: dataDir, DEMO_DATA: 'on' });
    const admin = await login('demo-admin', 'demo-password');
    expect(admin.status).toBe(200);
    const cookie = admin.headers.get('set-cookie')!.split(';')[0]!;
    // The city made its own admin account while trying the demo.
    const made = await fetch(`${server.url}/api/staff/accounts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'kanri',
        displayName: '管理',
        role: 'admin',
        password: 'a real long password',
      }),
    });
    expect(made.status).toBe(201);
    await server.stop();

    server = await startTestServer({ DATA_DIR: dataDir, DEMO_DATA: 'off' });
    for (const demo of ['demo-admin', 'demo-staff', 'demo-staff2', 'demo-host']) {
      expect((await login(demo, 'demo-password')).status).toBe(401);
    }
    // The old demo session is over too.
    expect((await fetch(`${server.url}/api/records/export.csv`, { headers: { cookie } })).status).toBe(401);
    expect((await login('kanri', 'a real long password')).status).toBe(200);
  });
});
