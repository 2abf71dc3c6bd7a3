import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { settle, waitFor } from '../support/waitFor.ts';
import { joinStageViewer, type StageCounts, type StageViewer } from '../support/stageViewer.ts';
import { joinStagePublisher, type StagePublisher } from '../support/stagePublisher.ts';
import { hallPass, signIn } from './staffQueue.ts';
import { briefingClients } from './briefingClients.ts';
import type { EventView } from '../../shared/protocol/index.ts';

const VIEWERS = 30;
/** At least this much of what the presenter sent reaches every viewer. */
const SHARE = 0.9;
/** The window: about three seconds of the presenter's audio (50 packets a second). */
const WINDOW_AUDIO_PACKETS = 150;

const minus = (a: StageCounts, b: StageCounts): StageCounts => ({
  audioPackets: a.audioPackets - b.audioPackets,
  videoPackets: a.videoPackets - b.videoPackets,
  audioBytes: a.audioBytes - b.audioBytes,
  videoBytes: a.videoBytes - b.videoBytes,
  videoFrames: a.videoFrames - b.videoFrames,
});

describe('lightweight stage viewers through a real Janus', () => {
  let janus: RunningJanus;
  let server: TestServer;
  let event: EventView;
  let presenter: StagePublisher;
  const viewers: StageViewer[] = [];
  const clients = briefingClients(() => server);

  beforeAll(async () => {
    janus = await startJanus();
    // All viewers come from 127.0.0.1: the cap on joins per address waiting at once is tested on its own.
    server = await startTestServer({ ...janus.env, LOG_LEVEL: 'error', BRIEFING_JOINS_PER_ADDRESS: '100' });
    const host = await signIn(server.url, 'demo-host');
    event = await clients.liveEvent(host, { capacity: VIEWERS + 10 });
    presenter = await joinStagePublisher(server.url, event.id, {
      staffPass: await hallPass(server.url, host),
    });
  }, 30_000);
  afterAll(async () => {
    await Promise.all(viewers.map((v) => v.close()));
    await presenter?.close();
    await server?.stop();
    await janus?.stop();
  });

  it(`${VIEWERS} viewers joining one by one and all at once each receive ≥ 90 % of the presenter's packets`, async () => {
    // Half arrive one after another (small gaps, so Janus handles joins while already forwarding)...
    for (let i = 0; i < VIEWERS / 2; i++) {
      viewers.push(await joinStageViewer(server.url, event.id, { nickname: `one${i}` }));
      await settle(50 + 20 * (i % 5));
    }
    // ...and the other half at the same moment.
    viewers.push(
      ...(await Promise.all(
        Array.from({ length: VIEWERS / 2 }, (_, i) =>
          joinStageViewer(server.url, event.id, { nickname: `many${i}` }),
        ),
      )),
    );
    expect(new Set(viewers.map((v) => v.sessionId)).size).toBe(VIEWERS);
    expect(viewers.every((v) => v.feed === presenter.feed && v.janusUrl === janus.url)).toBe(true);
    await waitFor(
      () => viewers.every((v) => v.stats().videoPackets > 0 && v.stats().audioPackets > 0),
      10_000,
      'media at every viewer',
    );

    const sent0 = presenter.stats();
    const got0 = viewers.map((v) => v.stats());
    const shortfalls = () => {
      const sent = minus(presenter.stats(), sent0);
      return viewers
        .map((v, i) => ({ who: i, got: minus(v.stats(), got0[i]!) }))
        .filter(
          ({ got }) =>
            got.audioPackets < SHARE * sent.audioPackets ||
            got.videoPackets < SHARE * sent.videoPackets ||
            got.videoFrames < SHARE * sent.videoFrames,
        )
        .map(({ who, got }) => `viewer ${who}: ${JSON.stringify(got)} of ${JSON.stringify(sent)}`);
    };
    await waitFor(
      () => presenter.stats().audioPackets - sent0.audioPackets >= WINDOW_AUDIO_PACKETS,
      10_000,
      'a three-second window',
    );
    // Packets still on their way when the window closes are not missing: wait for them, within reason.
    await waitFor(() => shortfalls().length === 0, 3000, 'every viewer to catch up').catch(() => {});
    expect(shortfalls()).toEqual([]);
    const sent = minus(presenter.stats(), sent0);
    expect(sent.videoPackets).toBeGreaterThan(WINDOW_AUDIO_PACKETS);
    expect(sent.videoBytes).toBeGreaterThan(100_000);
  });

  it('a count-only viewer (no decryption, for benchmarks) counts what a full receiver counts', async () => {
    const light = await joinStageViewer(server.url, event.id, { nickname: 'light', decrypt: false });
    viewers.push(light);
    const full = viewers[0]!;
    // Past the keyframe Janus asked for when this viewer joined (the others may have had it before).
    await waitFor(() => light.stats().videoFrames >= 10, 5000, 'the first frames');
    const l0 = light.stats();
    const f0 = full.stats();
    await waitFor(() => light.stats().audioPackets - l0.audioPackets >= 100, 10_000, 'two seconds of sound');
    await settle(100); // packets on their way to one and not yet the other
    const l = minus(light.stats(), l0);
    const f = minus(full.stats(), f0);
    for (const k of ['audioPackets', 'videoPackets', 'videoFrames', 'audioBytes', 'videoBytes'] as const)
      expect(Math.abs(l[k] - f[k]) / f[k], k).toBeLessThan(0.1);
    expect(l.videoFrames).toBeGreaterThan(30);
  });

  it('a viewer that goes audio-only stops receiving video and keeps the sound; back again, video returns', async () => {
    const v = viewers[0]!;
    await v.audioOnly(true);
    // Packets already on the wire may still land: measure from a moment after the request was answered.
    const before = await waitFor(
      async () => {
        const a = v.stats();
        await settle(300);
        return v.stats().videoPackets === a.videoPackets ? v.stats() : null;
      },
      5000,
      'video to stop',
    );
    await waitFor(
      () => v.stats().audioPackets - before.audioPackets >= 50,
      5000,
      'a second of sound while audio-only',
    );
    expect(v.stats().videoPackets).toBe(before.videoPackets);
    // The others still receive video meanwhile.
    const other = viewers[1]!.stats().videoPackets;
    await waitFor(() => viewers[1]!.stats().videoPackets > other, 5000, 'video at another viewer');

    await v.audioOnly(false);
    await waitFor(() => v.stats().videoPackets > before.videoPackets + 30, 5000, 'video back');
  });
});
