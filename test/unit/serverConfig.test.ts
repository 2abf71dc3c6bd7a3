import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.ts';

describe('loadConfig', () => {
  it('has working defaults for the embedded single-process setup', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 2567,
      HOST: '127.0.0.1',
      DATABASE_FILE: 'data/city-hall.sqlite',
      RECONNECT_GRACE_S: 30,
    });
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
