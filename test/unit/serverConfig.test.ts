import { describe, expect, it } from 'vitest';
import { ConfigError, janusInstances, loadConfig } from '../../server/src/config.ts';

describe('loadConfig', () => {
  it('has working defaults for the embedded single-process setup', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 2567,
      HOST: '127.0.0.1',
      DATABASE_FILE: 'data/city-hall.sqlite',
      RECONNECT_GRACE_S: 30,
    });
  });

  it('Janus secrets come all together, TURN URLs with their secret', () => {
    const janus = {
      JANUS_URL: 'http://127.0.0.1:8088/janus',
      JANUS_API_SECRET: 'a-long-api-secret-1',
      JANUS_ADMIN_URL: 'http://127.0.0.1:7088/admin',
      JANUS_ADMIN_SECRET: 'a-long-admin-secret',
    };
    expect(loadConfig(janus).JANUS_ADMIN_URL).toBe(janus.JANUS_ADMIN_URL);
    expect(() => loadConfig({ ...janus, JANUS_ADMIN_SECRET: '' })).toThrow(/set all three/);
    expect(() => loadConfig({ ...janus, JANUS_URL: '' })).toThrow(/with JANUS_URL/);
    expect(
      loadConfig({
        TURN_URLS: 'turn:turn.example.org:3478, turns:turn.example.org:5349',
        TURN_SECRET: 'x'.repeat(16),
      }).TURN_URLS,
    ).toEqual(['turn:turn.example.org:3478', 'turns:turn.example.org:5349']);
    expect(() => loadConfig({ TURN_URLS: 'turn:turn.example.org' })).toThrow(/TURN_SECRET/);
    expect(() => loadConfig({ TURN_URLS: 'https://turn.example.org', TURN_SECRET: 'x'.repeat(16) })).toThrow(
      /TURN_URLS/,
    );
  });

  it('several Janus instances: one list each, in the same order, sharing their secrets', () => {
    const two = {
      JANUS_URLS: 'http://10.0.0.5:8088/janus, http://10.0.0.6:8088/janus',
      JANUS_PUBLIC_URLS: 'https://a.example/janus,https://b.example/janus',
      JANUS_ADMIN_URLS: 'http://10.0.0.5:7088/admin,http://10.0.0.6:7088/admin',
      JANUS_API_SECRET: 'a-long-api-secret-1',
      JANUS_ADMIN_SECRET: 'a-long-admin-secret',
    };
    expect(janusInstances(loadConfig(two))).toEqual([
      {
        url: 'http://10.0.0.5:8088/janus',
        publicUrl: 'https://a.example/janus',
        adminUrl: 'http://10.0.0.5:7088/admin',
        forwardHost: '10.0.0.5',
      },
      {
        url: 'http://10.0.0.6:8088/janus',
        publicUrl: 'https://b.example/janus',
        adminUrl: 'http://10.0.0.6:7088/admin',
        forwardHost: '10.0.0.6',
      },
    ]);
    expect(loadConfig(two).JANUS_VIEWERS_PER_INSTANCE).toBe(300);
    // JANUS_URL alone is one instance, as before.
    expect(janusInstances(loadConfig({ JANUS_URL: 'http://127.0.0.1:8088/janus' }))).toEqual([
      {
        url: 'http://127.0.0.1:8088/janus',
        publicUrl: 'http://127.0.0.1:8088/janus',
        adminUrl: undefined,
        forwardHost: '127.0.0.1',
      },
    ]);
    expect(janusInstances(loadConfig({}))).toEqual([]);
    expect(() => loadConfig({ ...two, JANUS_URL: 'http://10.0.0.5:8088/janus' })).toThrow(/set one of them/);
    expect(() => loadConfig({ ...two, JANUS_PUBLIC_URLS: 'https://a.example/janus' })).toThrow(
      /JANUS_PUBLIC_URLS: one entry for each of JANUS_URLS \(2\)/,
    );
    expect(() => loadConfig({ ...two, JANUS_ADMIN_URLS: '' })).toThrow(/set all three/);
    expect(() => loadConfig({ ...two, JANUS_FORWARD_HOSTS: '10.0.0.5;rm' })).toThrow(/JANUS_FORWARD_HOSTS/);
    expect(() => loadConfig({ JANUS_URL: 'http://x:1/janus', JANUS_ADMIN_URLS: 'http://x:2/admin' })).toThrow(
      /JANUS_ADMIN_URLS: only with JANUS_URLS/,
    );
  });

  it('reads and coerces what is given; empty means default', () => {
    expect(loadConfig({ PORT: '8080', INTEREST_RADIUS: '25.5', HOST: '' })).toMatchObject({
      PORT: 8080,
      INTEREST_RADIUS: 25.5,
      HOST: '127.0.0.1',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['INTEREST_RADIUS', '0'],
    ['LOG_LEVEL', 'loud'],
    ['RECONNECT_GRACE_S', '-1'],
  ])('refuses %s=%s with a message naming the variable', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`${key}=`));
  });
});
