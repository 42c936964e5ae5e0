import { describe, expect, it } from 'vitest';
import { TestClock } from '../test-support';
import { createAuthorizationStores, decideConsent } from './authorization';
import { OneTimeValues } from './one-time';

describe('one-time values', () => {
  it('hands a value out once: peek leaves it, take spends it, and a spent value is told apart from an unknown one', () => {
    let minted = 0;
    const values = new OneTimeValues<string>(new TestClock(new Date()).now, 60, () => `key-${++minted}`);
    const key = values.issue('consent');
    expect(key).toBe('key-1');
    expect(values.peek(key)).toBe('consent');
    expect(values.take(key)).toBe('consent');
    expect(values.take(key)).toBeNull();
    expect(values.wasUsed(key)).toBe(true);
    expect(values.wasUsed('key-2')).toBe(false);
  });

  it('expires by the clock: unusable, neither used nor unknown', () => {
    const clock = new TestClock(new Date());
    const values = new OneTimeValues<string>(clock.now, 60, () => 'key');
    values.issue('code');
    clock.advance(59_999);
    expect(values.hasExpired('key')).toBe(false);
    clock.advance(1);
    expect(values.peek('key')).toBeNull();
    expect(values.take('key')).toBeNull();
    expect(values.hasExpired('key')).toBe(true);
    expect(values.wasUsed('key')).toBe(false);
    expect(values.hasExpired('other')).toBe(false);
  });
});

describe('consent decisions', () => {
  const accounts = new Map([['room@contoso.com', { upn: 'room@contoso.com' }]]);
  const find = (key: string) => accounts.get(key);

  it('keeps the form usable after Accept without an account, and spends it on the first real decision', () => {
    const { forms } = createAuthorizationStores<string, string>(new TestClock(new Date()).now, { formS: 60, codeS: 60 }, () => 'code');
    const flow = forms.issue('request');

    expect(decideConsent(forms, { flow, decision: 'accept' }, find)).toEqual({ kind: 'no-account', flowId: flow, pending: 'request' });
    expect(decideConsent(forms, { flow, decision: 'accept', account: 'room@contoso.com' }, find)).toEqual({ kind: 'accept', pending: 'request', account: { upn: 'room@contoso.com' } });
    expect(decideConsent(forms, { flow, decision: 'accept', account: 'room@contoso.com' }, find)).toEqual({ kind: 'gone' });
  });

  it('spends the form on Cancel, and knows no form it did not issue', () => {
    const { forms } = createAuthorizationStores<string, string>(new TestClock(new Date()).now, { formS: 60, codeS: 60 }, () => 'code');
    const flow = forms.issue('request');

    expect(decideConsent(forms, { flow, decision: 'cancel' }, find)).toEqual({ kind: 'cancel', pending: 'request' });
    expect(decideConsent(forms, { flow, decision: 'cancel' }, find)).toEqual({ kind: 'gone' });
    expect(decideConsent(forms, { decision: 'accept', account: 'room@contoso.com' }, find)).toEqual({ kind: 'gone' });
  });
});
