import { describe, expect, it } from 'vitest';
import { auditDetail } from '../../server/src/services/auditLog.ts';

describe('audit log details', () => {
  it('keeps text as it is and writes values as JSON', () => {
    expect(auditDetail('disaster mode on')).toBe('disaster mode on');
    expect(auditDetail({ role: 'host', department: null })).toBe('{"role":"host","department":null}');
  });

  it('drops every field named like a secret, however deep, so a whole body passed by mistake leaks nothing', () => {
    const written = auditDetail({
      username: 'yamada',
      password: 'first password 1',
      nested: { newPassword: 'x-secret-1', token: 'abc', passwordHash: 'scrypt$…', note: 'kept' },
    });
    expect(JSON.parse(written)).toEqual({ username: 'yamada', nested: { note: 'kept' } });
    expect(written).not.toMatch(/first password|x-secret|abc|scrypt/);
  });

  it('keeps a detail short', () => {
    const written = auditDetail('あ'.repeat(5000));
    expect(written.length).toBe(2000);
    expect(written.endsWith('…')).toBe(true);
  });
});
