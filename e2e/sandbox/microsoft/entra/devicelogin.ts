import { htmlReply, type Reply, type SandboxRequest } from '../../core/http';
import type { EntraContext } from './context';
import { completeDeviceCode } from './device-flow';
import type { DeviceCodeGrant } from './device-codes';
import { accountPickerPage, codeEntryPage, deviceConsentPage, resultPage } from './pages';

/**
 * The verification page (https://microsoft.com/devicelogin): code → account → consent → done. Each step re-checks
 * the code, so a code that expires or gets approved elsewhere mid-way sends the person back to the first step.
 */
export const DEVICE_LOGIN_PATHS = { code: '/devicelogin', account: '/devicelogin/account', consent: '/devicelogin/consent' } as const;

const WRONG_CODE = "That code didn't work. Check the code and try again.";

function backToStart(error: string): Reply {
  return htmlReply(400, codeEntryPage(DEVICE_LOGIN_PATHS.code, error));
}

function completable(ctx: EntraContext, req: SandboxRequest): DeviceCodeGrant | null {
  return ctx.deviceCodes.findCompletable(req.form?.['otc'] ?? '');
}

export function showCodeEntry(): Reply {
  return htmlReply(200, codeEntryPage(DEVICE_LOGIN_PATHS.code, null));
}

export function submitCode(ctx: EntraContext, req: SandboxRequest): Reply {
  const grant = completable(ctx, req);
  if (!grant) return backToStart(WRONG_CODE);
  return htmlReply(200, accountPickerPage(DEVICE_LOGIN_PATHS.account, grant.userCode, ctx.app.displayName, ctx.directory.users));
}

export function submitAccount(ctx: EntraContext, req: SandboxRequest): Reply {
  const grant = completable(ctx, req);
  if (!grant) return backToStart(WRONG_CODE);
  const account = ctx.directory.find(req.form?.['account'] ?? '');
  if (!account) return htmlReply(400, accountPickerPage(DEVICE_LOGIN_PATHS.account, grant.userCode, ctx.app.displayName, ctx.directory.users));
  return htmlReply(
    200,
    deviceConsentPage({
      action: DEVICE_LOGIN_PATHS.consent,
      userCode: grant.userCode,
      account,
      appName: ctx.app.displayName,
      scopes: grant.scopes,
      granted: ctx.consent.granted(account.userPrincipalName),
    }),
  );
}

export function submitConsent(ctx: EntraContext, req: SandboxRequest): Reply {
  const grant = completable(ctx, req);
  const account = ctx.directory.find(req.form?.['account'] ?? '');
  if (!grant || !account) return backToStart(WRONG_CODE);
  const consent = req.form?.['decision'] === 'accept';
  completeDeviceCode(ctx, { userCode: grant.userCode, account: account.userPrincipalName, consent });
  return consent
    ? htmlReply(200, resultPage("You're signed in", `You have signed in to the ${ctx.app.displayName} application on your device. You may now close this window.`))
    : htmlReply(200, resultPage('Sign-in cancelled', `You cancelled the sign-in to ${ctx.app.displayName}. You may now close this window.`));
}
