import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort.ts';

/** Debian's Janus: `apt-get install janus` (.ci/run installs it). Override with JANUS_PATH. */
export const JANUS_PATH = process.env.JANUS_PATH ?? '/usr/bin/janus';
const LIB = '/usr/lib/x86_64-linux-gnu/janus';

export interface RunningJanus {
  url: string;
  /** The server's settings for this Janus: its URL, API secret and admin API for members' tokens. */
  env: { JANUS_URL: string; JANUS_API_SECRET: string; JANUS_ADMIN_URL: string; JANUS_ADMIN_SECRET: string };
  apiSecret: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A real Janus for tests: VideoRoom plugin and HTTP transport only, on 127.0.0.1 with a free port,
 * ICE restricted to the loopback interface so no media leaves this machine. Locked as in production:
 * an API secret for the server, and a token per person (added through the admin API) for browsers.
 */
export async function startJanus(
  /** Several instances serving one hall share their secrets (JANUS_URLS): pass the first one's. */
  secrets: { apiSecret?: string; adminSecret?: string } = {},
  /**
   * Janus's default is a thread per WebRTC handle; with hundreds of viewers on two cores those threads
   * wake per packet each. A few shared event loops (one per core) carry the same media with less switching.
   */
  eventLoops = 0,
): Promise<RunningJanus> {
  const dir = mkdtempSync(join(tmpdir(), 'city-hall-janus-'));
  const port = await freePort();
  const adminPort = await freePort();
  const apiSecret = secrets.apiSecret ?? randomBytes(18).toString('base64url');
  const adminSecret = secrets.adminSecret ?? randomBytes(18).toString('base64url');
  writeFileSync(
    join(dir, 'janus.jcfg'),
    `general: {
  configs_folder = "${dir}"
  plugins_folder = "${LIB}/plugins"
  transports_folder = "${LIB}/transports"
  events_folder = "${LIB}/events"
  loggers_folder = "${LIB}/loggers"
  debug_level = 2
  event_loops = ${eventLoops}
  api_secret = "${apiSecret}"
  token_auth = true
  admin_secret = "${adminSecret}"
}
media: { }
nat: { ice_enforce_list = "lo" }
plugins: { disable = "libjanus_audiobridge.so,libjanus_echotest.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_nosip.so,libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so,libjanus_duktape.so,libjanus_lua.so" }
transports: { disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,libjanus_websockets.so" }
events: { }
loggers: { }
`,
  );
  writeFileSync(
    join(dir, 'janus.transport.http.jcfg'),
    `general: { base_path = "/janus" http = true port = ${port} ip = "127.0.0.1" https = false }
admin: { admin_base_path = "/admin" admin_http = true admin_port = ${adminPort} admin_ip = "127.0.0.1" admin_https = false }
`,
  );
  writeFileSync(join(dir, 'janus.plugin.videoroom.jcfg'), 'general: { }\n');
  const child: ChildProcess = spawn(JANUS_PATH, ['-F', dir, '-C', join(dir, 'janus.jcfg')], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (e) =>
      reject(new Error(`cannot start ${JANUS_PATH} (apt-get install janus): ${e.message}`)),
    ),
  );
  const url = `http://127.0.0.1:${port}/janus`;
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${url}/info`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('Janus did not answer within 10 s');
  })();
  await Promise.race([ready, failed]);
  return {
    url,
    env: {
      JANUS_URL: url,
      JANUS_API_SECRET: apiSecret,
      JANUS_ADMIN_URL: `http://127.0.0.1:${adminPort}/admin`,
      JANUS_ADMIN_SECRET: adminSecret,
    },
    apiSecret,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
