import { randomInt } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';

const DEVICE_CODE_LIFETIME_S = 1800;
export const DEVICE_POLL_INTERVAL_S = 5;

export interface DeviceCode {
  readonly deviceCode: string;
  /** `GQVQ-JKEC`-shaped, as in Google's docs. */
  readonly userCode: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: Date;
  state: 'pending' | 'approved' | 'declined' | 'redeemed';
  /** Lower-case email of whoever decided. */
  account: string | null;
}

/** What the device finds when it polls: a reason to keep waiting or stop, or the approved code (now used up). */
export type PollResult = 'unknown' | 'expired' | 'pending' | 'declined' | 'redeemed' | DeviceCode;

const LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

function newUserCode(): string {
  const part = () => Array.from({ length: 4 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  return `${part()}-${part()}`;
}

/** Device codes for the scopes the device flow allows (openid, email, profile, drive.file, …). */
export class DeviceCodes {
  private readonly codes = new Map<string, DeviceCode>();

  constructor(private readonly clock: Clock) {}

  create(clientId: string, scopes: readonly string[]): DeviceCode {
    const expiresAt = new Date(this.clock().getTime() + DEVICE_CODE_LIFETIME_S * 1000);
    const code: DeviceCode = { deviceCode: `AH-1Ng-sbx-${randomToken(32)}`, userCode: newUserCode(), clientId, scopes: [...scopes], expiresAt, state: 'pending', account: null };
    this.codes.set(code.deviceCode, code);
    return code;
  }

  poll(deviceCode: string): PollResult {
    const code = this.codes.get(deviceCode);
    if (!code) return 'unknown';
    if (code.state === 'redeemed') return 'redeemed';
    if (this.expired(code)) return 'expired';
    if (code.state !== 'approved') return code.state;
    code.state = 'redeemed';
    return code;
  }

  /** The person's answer on google.com/device; a control call here. Throws for a code nobody can answer any more. */
  decide(userCode: string, account: string, consent: boolean): DeviceCode {
    const code = [...this.codes.values()].find((candidate) => candidate.userCode === userCode.trim().toUpperCase());
    if (!code) throw new Error(`unknown device user code "${userCode}"`);
    if (this.expired(code)) throw new Error(`device code "${code.userCode}" has expired`);
    if (code.state !== 'pending') throw new Error(`device code "${code.userCode}" was already ${code.state}`);
    code.state = consent ? 'approved' : 'declined';
    code.account = account.toLowerCase();
    return code;
  }

  private expired(code: DeviceCode): boolean {
    return code.expiresAt.getTime() <= this.clock().getTime();
  }
}
