import { z } from 'zod';
import {
  DEFAULT_INTEREST_RADIUS,
  DEFAULT_NEAR_AVATARS,
  DEFAULT_RECONNECT_GRACE_S,
  DEFAULT_RING_AVATARS,
} from '../../shared/constants.ts';
import { IceServer } from '../../shared/protocol/consultation.ts';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** `a, b,c` → ['a', 'b', 'c']; empty → []. */
const commaList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const urlList = commaList.pipe(z.array(z.url({ protocol: /^https?$/ })));

/**
 * Every setting comes from the environment and is checked here at start-up, so a typo stops the
 * server with a message naming the variable instead of surfacing later as odd behaviour.
 */
export const ConfigSchema = z.object({
  PORT: int(0, 65535).default(2567),
  /** Loopback by default: exposing the hall to a network is a deliberate choice (HOST=0.0.0.0). */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_FILE: z.string().min(1).default('data/city-hall.sqlite'),
  /** Several processes: a Redis they share (`redis://host:port`); needs DATABASE_URL (PostgreSQL). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'a redis:// URL')
    .optional(),
  /** With several processes: the address clients reach this process at (host:port), for WebSockets. */
  PUBLIC_ADDRESS: z.string().min(1).optional(),
  /** PostgreSQL instead of the SQLite file: `postgres://user:password@host:port/database`. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL')
    .optional(),
  /** Folder with the built client; `off` disables static serving (the dev server serves it instead). */
  CLIENT_DIR: z.string().min(1).default('dist/client'),
  /**
   * The hall's plan as data (areas, walls, counters, seats; `assets/halls/hall.schema.json` describes it).
   * A layout an admin has put live from the admin console is used instead, until they put another live.
   */
  HALL_FILE: z.string().min(1).default('assets/halls/demo.json'),
  /** Demo catalogue imported on first start (when the database holds none). */
  CATALOG_DIR: z.string().min(1).default('assets/catalog'),
  /** The city's online application system; procedure links are this plus each procedure's path. */
  ONLINE_APPLICATION_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://example.org/online-application'),
  INTEREST_RADIUS: z.coerce.number().min(2).max(500).default(DEFAULT_INTEREST_RADIUS),
  /** Each client receives this many nearest people in full, and the next RING_AVATARS as markers. */
  NEAR_AVATARS: int(1, 200).default(DEFAULT_NEAR_AVATARS),
  RING_AVATARS: int(0, 500).default(DEFAULT_RING_AVATARS),
  /** Above this many people in a hall room, state and positions go out at half the rate (100 ms). */
  CROWD_PATCH_ABOVE: int(1, 10_000).default(150),
  RECONNECT_GRACE_S: int(0, 600).default(DEFAULT_RECONNECT_GRACE_S),
  /** A hall shard holds this many people; the next one opens when it is full. */
  HALL_MAX_CLIENTS: int(1, 5000).default(300),
  /** Hall rooms this process opens at most (only the server opens them, when the others are full). */
  HALL_MAX_ROOMS: int(1, 100).default(7),
  /** Seconds a reserved hall seat waits for its WebSocket. */
  HALL_SEAT_RESERVATION_S: int(2, 60).default(10),
  /** Seat reservations one client address may have waiting for their connection at once. */
  JOINS_PER_ADDRESS: int(1, 1000).default(20),
  /** Behind a reverse proxy that sets X-Forwarded-For / X-Real-IP: trust those for client addresses. */
  TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  /** Briefing seats one address may have reserved and not yet connected; a briefing may be small. */
  BRIEFING_JOINS_PER_ADDRESS: int(1, 1000).default(3),
  /**
   * Other origins whose pages may call the API with the user's cookies (comma-separated, e.g.
   * https://portal.city.example). Empty: only the hall's own pages.
   */
  ALLOWED_ORIGINS: commaList.pipe(
    z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)),
  ),
  /** Largest WebSocket frame a client may send, in bytes. */
  MAX_PAYLOAD_BYTES: int(512, 1_048_576).default(65_536),
  MAX_MESSAGES_PER_SECOND: int(1, 100_000).default(40),
  /** The same for consultation and briefing rooms (a negotiation sends bursts of candidates). */
  ROOM_MAX_MESSAGES_PER_SECOND: int(1, 100_000).default(60),
  /** `on`: demo catalogue and demo staff accounts on first start (see README). `off` for a real city. */
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  /** `always` ignores opening hours (for trying the queue out of hours); `layout` follows the hall data. */
  OPENING_HOURS: z.enum(['layout', 'always']).default('layout'),
  /** Seconds a called resident has to answer before it counts as a no-show and the next is called. */
  CALL_GRACE_S: int(10, 600).default(90),
  /** Seconds a waiting resident may be disconnected and still keep their number. */
  /** Numbers one address may take per TICKETS_WINDOW_MIN (a household or a public terminal needs a few). */
  TICKETS_PER_ADDRESS: int(1, 10_000).default(6),
  TICKETS_WINDOW_MIN: int(1, 1440).default(10),
  /** Bookings one address may make per hour (a household or a library terminal books a few). */
  BOOKINGS_PER_ADDRESS: int(1, 1_000_000).default(20),
  GUIDE_QUESTIONS_PER_ADDRESS: int(1, 1_000_000).default(30),
  /** Wrong booking codes one address may try per 15 minutes before code lookups from it pause. */
  BOOKING_CODE_MISSES_PER_ADDRESS: int(1, 100_000).default(20),
  /** Days a visitor token (a resident's identity in one browser tab) stays valid without a visit. */
  VISITOR_TOKEN_DAYS: int(1, 365).default(30),
  /** New visitor identities one address may get per hour (a school or library shares one address). */
  VISITOR_TOKENS_PER_ADDRESS: int(1, 1_000_000).default(60),
  /** Days finished numbers are kept (the city's figures); numbers in a queue are never pruned. */
  RETENTION_TICKET_DAYS: int(1, 3650).default(90),
  /** Days bookings (with a resident's contact) and their slots are kept after the slot's time. */
  RETENTION_BOOKING_DAYS: int(1, 3650).default(30),
  TICKET_GRACE_S: int(0, 7200).default(600),
  STAFF_SESSION_HOURS: int(1, 24).default(10),
  /** Sign-in tries for one account from one address per LOGIN_LOCK_MINUTES (the right one refunds them). */
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  /** Sign-in tries from one address over all accounts per LOGIN_LOCK_MINUTES. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 10_000).default(30),
  LOGIN_LOCK_MINUTES: int(1, 1440).default(15),
  /** `on` marks the session cookie Secure: set it whenever the hall is served over HTTPS. */
  COOKIE_SECURE: z.enum(['on', 'off']).default('off'),
  /** Janus HTTP API (e.g. http://127.0.0.1:8088/janus): briefings stream through its VideoRoom when set. */
  JANUS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Several Janus instances instead of JANUS_URL (their HTTP APIs, comma-separated). A briefing opens on
   * the one with the fewest live briefings; when its audience outgrows JANUS_VIEWERS_PER_INSTANCE there,
   * the next attendees are sent to the next instance, to which the stage is forwarded (VideoRoom remote
   * publishers). All share JANUS_API_SECRET and JANUS_ADMIN_SECRET.
   */
  JANUS_URLS: urlList,
  /** The Janus address browsers use, when it differs from JANUS_URL (e.g. behind a proxy). */
  JANUS_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** With JANUS_URLS: the address browsers use for each, in the same order. */
  JANUS_PUBLIC_URLS: urlList,
  /**
   * Janus with `api_secret` and `token_auth = true`: the server calls it with the secret and, through the
   * admin API (e.g. http://127.0.0.1:7088/admin), gives each briefing member a token of their own that
   * is withdrawn when they leave. Set all three or none (with JANUS_URLS: JANUS_ADMIN_URLS, one each).
   */
  JANUS_API_SECRET: z.string().min(16).optional(),
  JANUS_ADMIN_URL: z.url({ protocol: /^https?$/ }).optional(),
  JANUS_ADMIN_URLS: urlList,
  JANUS_ADMIN_SECRET: z.string().min(16).optional(),
  /** Viewers of one briefing a Janus instance takes before the next instance of JANUS_URLS serves more. */
  JANUS_VIEWERS_PER_INSTANCE: int(1, 100_000).default(300),
  /**
   * With JANUS_URLS: the address each instance receives forwarded media on (RTP over UDP from the other
   * instances), in the same order; by default the host of its JANUS_URLS entry.
   */
  JANUS_FORWARD_HOSTS: commaList.pipe(z.array(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP'))),
  /** Without Janus: how many people receive a briefing's video straight from the presenter's browser. */
  P2P_STAGE_VIEWERS: int(1, 30).default(6),
  /** Auditorium seats briefings may use (fewer than the layout's, e.g. to keep distance); 0 = all. */
  BRIEFING_SEATS: int(0, 10_000).default(0),
  /** STUN/TURN servers for video consultations, as JSON: [{"urls":"turn:turn.example.org","username":"u","credential":"p"}]. */
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(IceServer)),
  /**
   * A TURN server with time-limited credentials (coturn `use-auth-secret`): its URLs, comma-separated
   * (turn:turn.example.org:3478), and the shared secret. Each person gets their own user name and
   * password for TURN_TTL_HOURS instead of one password for everybody.
   */
  TURN_URLS: commaList.pipe(z.array(z.string().regex(/^turns?:\S+$/, 'a turn: or turns: URL'))),
  TURN_SECRET: z.string().min(16).optional(),
  TURN_TTL_HOURS: int(1, 48).default(12),
  /**
   * The licence open data is published under: an SPDX id (CC-BY-4.0, CC0-1.0, CC-BY-SA-4.0, ODbL-1.0)
   * or PDL-1.0 (公共データ利用規約), whose address is known, or any other name with OPEN_DATA_LICENSE_URL.
   */
  OPEN_DATA_LICENSE: z.string().trim().min(1).max(100).default('CC-BY-4.0'),
  OPEN_DATA_LICENSE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Whom reusers credit (the licence's attribution), e.g. the city's name. */
  OPEN_DATA_ATTRIBUTION: z.string().trim().min(1).max(200).default('バーチャル市役所 (Virtual City Hall)'),
  /** Open data requests one address may make per minute (cached answers count too). */
  OPEN_DATA_REQUESTS_PER_ADDRESS: int(1, 1_000_000).default(60),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(ConfigSchema.shape);
  const picked = Object.fromEntries(known.map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = ConfigSchema.safeParse(picked);
  if (result.success && result.data.REDIS_URL && !result.data.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: several processes share one database: set DATABASE_URL (PostgreSQL)',
    );
  }
  if (result.success) {
    const c = result.data;
    const janusProblem = checkJanus(c);
    if (janusProblem) throw new ConfigError(`Invalid configuration:\n  ${janusProblem}`);
    if (c.TURN_URLS.length > 0 !== Boolean(c.TURN_SECRET)) {
      throw new ConfigError('Invalid configuration:\n  TURN_URLS and TURN_SECRET: set both or neither');
    }
    return c;
  }
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0]);
    return `  ${key}=${JSON.stringify(env[key])}: ${i.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** What is wrong with the Janus settings taken together, or null. */
function checkJanus(c: Config): string | null {
  if (c.JANUS_URL && c.JANUS_URLS.length > 0) return 'JANUS_URL and JANUS_URLS: set one of them';
  const several = c.JANUS_URLS.length > 0;
  const count = several ? c.JANUS_URLS.length : 1;
  for (const [name, list] of [
    ['JANUS_PUBLIC_URLS', c.JANUS_PUBLIC_URLS],
    ['JANUS_ADMIN_URLS', c.JANUS_ADMIN_URLS],
    ['JANUS_FORWARD_HOSTS', c.JANUS_FORWARD_HOSTS],
  ] as const) {
    if (list.length > 0 && !several) return `${name}: only with JANUS_URLS`;
    if (list.length > 0 && list.length !== count)
      return `${name}: one entry for each of JANUS_URLS (${count})`;
  }
  if (several && (c.JANUS_PUBLIC_URL || c.JANUS_ADMIN_URL))
    return 'JANUS_PUBLIC_URL, JANUS_ADMIN_URL: with JANUS_URLS, use JANUS_PUBLIC_URLS and JANUS_ADMIN_URLS';
  const adminUrl = several ? c.JANUS_ADMIN_URLS.length > 0 : Boolean(c.JANUS_ADMIN_URL);
  const auth = [c.JANUS_API_SECRET, adminUrl, c.JANUS_ADMIN_SECRET].filter(Boolean).length;
  if (auth !== 0 && (auth !== 3 || !(c.JANUS_URL || several)))
    return 'JANUS_API_SECRET, JANUS_ADMIN_URL, JANUS_ADMIN_SECRET: set all three, with JANUS_URL';
  return null;
}

/** One Janus the briefings use: the server's address for it, the browsers', its admin API, and where the others forward media to it. */
export interface JanusInstanceConfig {
  url: string;
  publicUrl: string;
  adminUrl?: string;
  forwardHost: string;
}

/** The Janus instances configured (JANUS_URL alone is one), in order; empty without Janus. */
export function janusInstances(c: Config): JanusInstanceConfig[] {
  const urls = c.JANUS_URLS.length > 0 ? c.JANUS_URLS : c.JANUS_URL ? [c.JANUS_URL] : [];
  return urls.map((url, i) => ({
    url,
    publicUrl: c.JANUS_PUBLIC_URLS[i] ?? (c.JANUS_URLS.length > 0 ? url : (c.JANUS_PUBLIC_URL ?? url)),
    adminUrl: c.JANUS_ADMIN_URLS[i] ?? c.JANUS_ADMIN_URL,
    forwardHost: c.JANUS_FORWARD_HOSTS[i] ?? new URL(url).hostname.replace(/^\[|\]$/g, ''),
  }));
}
