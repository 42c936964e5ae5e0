import type { EntraContext } from './context';
import type { DeviceCodeGrant } from './device-codes';

export interface DeviceApproval {
  readonly userCode: string;
  readonly account: string;
  /** false = the person pressed Cancel on the consent page: the client then gets authorization_declined. */
  readonly consent: boolean;
}

/** What the verification page does on the last step; also the control operation approveDeviceCode. */
export function completeDeviceCode(ctx: EntraContext, approval: DeviceApproval): DeviceCodeGrant {
  const grant = ctx.deviceCodes.findByUserCode(approval.userCode);
  if (!grant) throw new Error(`unknown device user code "${approval.userCode}"`);
  if (ctx.deviceCodes.isExpired(grant)) throw new Error(`device code "${grant.userCode}" has expired`);
  if (grant.state !== 'pending') throw new Error(`device code "${grant.userCode}" was already ${grant.state}`);
  const user = ctx.directory.require(approval.account);
  grant.upn = user.userPrincipalName;
  grant.state = approval.consent ? 'approved' : 'declined';
  if (approval.consent) ctx.consent.grant(user.userPrincipalName, grant.scopes);
  return grant;
}
