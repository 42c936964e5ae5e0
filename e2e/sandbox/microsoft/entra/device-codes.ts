import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';
import { randomInt } from 'node:crypto';

export const DEVICE_CODE_LIFETIME_S = 900;

export type DeviceCodeState = 'pending' | 'approved' | 'declined' | 'redeemed';

export interface DeviceCodeGrant {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: Date;
  state: DeviceCodeState;
  upn: string | null;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Real Entra user codes are nine upper-case characters; the sandbox uses letters only so they read aloud well. */
function newUserCode(): string {
  return Array.from({ length: 9 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
}

/** People type codes with spaces, dashes and in lower case; Entra forgives all three. */
export function normalizeUserCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export class DeviceCodeStore {
  private readonly byDevice = new Map<string, DeviceCodeGrant>();
  private readonly byUser = new Map<string, DeviceCodeGrant>();

  constructor(private readonly clock: Clock) {}

  create(clientId: string, scopes: readonly string[]): DeviceCodeGrant {
    let userCode = newUserCode();
    while (this.byUser.has(userCode)) userCode = newUserCode();
    const grant: DeviceCodeGrant = {
      deviceCode: `sbx-dc.${randomToken(48)}`,
      userCode,
      clientId,
      scopes: [...scopes],
      expiresAt: new Date(this.clock().getTime() + DEVICE_CODE_LIFETIME_S * 1000),
      state: 'pending',
      upn: null,
    };
    this.byDevice.set(grant.deviceCode, grant);
    this.byUser.set(userCode, grant);
    return grant;
  }

  findByDeviceCode(deviceCode: string): DeviceCodeGrant | null {
    return this.byDevice.get(deviceCode) ?? null;
  }

  findByUserCode(userCode: string): DeviceCodeGrant | null {
    return this.byUser.get(normalizeUserCode(userCode)) ?? null;
  }

  isExpired(grant: DeviceCodeGrant): boolean {
    return grant.expiresAt.getTime() <= this.clock().getTime();
  }

  /** A code someone can still complete on the verification page. */
  findCompletable(userCode: string): DeviceCodeGrant | null {
    const grant = this.findByUserCode(userCode);
    return grant && grant.state === 'pending' && !this.isExpired(grant) ? grant : null;
  }
}
