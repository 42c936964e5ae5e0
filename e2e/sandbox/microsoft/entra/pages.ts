import { accountRadios, errorNotice, escapeHtml, hiddenInputs, page, permissionsSection, requestedScopeList } from '../../core/html';
import type { DirectoryUser } from '../directory';
import { containsScope, describeScope } from '../scopes';

/**
 * The sign-in pages. Simple on purpose: real <label>s and <button>s with stable names, so a Playwright test (or a
 * fetch-based test that parses the form) can complete a sign-in exactly as a person would.
 */

function consentSection(appName: string, scopes: readonly string[], granted: readonly string[]): string {
  const list = requestedScopeList(scopes, describeScope, (scope) => containsScope(granted, scope));
  return permissionsSection(appName, list, '<p>Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>');
}

export interface SignInPageInput {
  readonly action: string;
  readonly flowId: string;
  readonly appName: string;
  readonly accounts: readonly DirectoryUser[];
  readonly scopes: readonly string[];
  readonly preselect: string | null;
  readonly error: string | null;
}

/** Interactive /authorize: account picker and consent on one page. */
export function signInPage(input: SignInPageInput): string {
  const choices = input.accounts.map((user) => ({
    value: user.userPrincipalName,
    label: user.userPrincipalName,
    detail: user.displayName,
    checked: input.preselect?.toLowerCase() === user.userPrincipalName.toLowerCase(),
  }));
  return page(
    'Sign in to Contoso',
    `<h1>Sign in to Contoso</h1>
${errorNotice(input.error)}
<form method="post" action="${escapeHtml(input.action)}">
${hiddenInputs({ flow: input.flowId })}
${accountRadios('Pick an account', choices)}
${consentSection(input.appName, input.scopes, [])}
</form>`,
  );
}

export function codeEntryPage(action: string, error: string | null): string {
  return page(
    'Enter code',
    `<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${errorNotice(error)}
<form method="post" action="${escapeHtml(action)}">
<label for="otc">Code</label>
<input type="text" id="otc" name="otc" autocomplete="off" autofocus>
<button type="submit" class="primary">Next</button>
</form>`,
  );
}

export function accountPickerPage(action: string, userCode: string, appName: string, accounts: readonly DirectoryUser[]): string {
  const items = accounts.map(
    (user) =>
      `<li><button type="submit" name="account" value="${escapeHtml(user.userPrincipalName)}">${escapeHtml(user.userPrincipalName)}</button> <span>${escapeHtml(user.displayName)}</span></li>`,
  );
  return page(
    'Pick an account',
    `<h1>Pick an account</h1>
<p>to continue to <strong>${escapeHtml(appName)}</strong></p>
<form method="post" action="${escapeHtml(action)}">
${hiddenInputs({ otc: userCode })}
<ul class="accounts">${items.join('\n')}</ul>
</form>`,
  );
}

export interface DeviceConsentPageInput {
  readonly action: string;
  readonly userCode: string;
  readonly account: DirectoryUser;
  readonly appName: string;
  readonly scopes: readonly string[];
  readonly granted: readonly string[];
}

export function deviceConsentPage(input: DeviceConsentPageInput): string {
  return page(
    'Permissions requested',
    `<h1>Are you trying to sign in to ${escapeHtml(input.appName)}?</h1>
<p>Signed in as <strong>${escapeHtml(input.account.userPrincipalName)}</strong></p>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenInputs({ otc: input.userCode, account: input.account.userPrincipalName })}
${consentSection(input.appName, input.scopes, input.granted)}
</form>`,
  );
}

export function resultPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
