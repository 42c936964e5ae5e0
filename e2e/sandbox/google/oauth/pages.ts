import { accountRadios, errorNotice, escapeHtml, hiddenInputs, page, requestedScopeList, scopeItems } from '../../core/html';
import type { GoogleAccount } from '../directory';
import { describeScope } from '../scopes';

/**
 * Google's sign-in pages, reduced to plain forms with stable names (`account` radios, `decision` buttons) so a
 * Playwright test, or a fetch-based test that reads the form, completes a sign-in the way a person would.
 */

const BRAND = 'Google';

export interface ConsentPageInput {
  readonly action: string;
  readonly flowId: string;
  readonly appName: string;
  readonly accounts: readonly GoogleAccount[];
  readonly preselect: string | null;
  /** Canonical scopes of this request. */
  readonly requested: readonly string[];
  /** What some account already granted the app, per account (lower-case email). */
  readonly grantedByAccount: ReadonlyMap<string, readonly string[]>;
  readonly includeGrantedScopes: boolean;
  readonly error: string | null;
}

function accountList(input: ConsentPageInput): string {
  const choices = input.accounts.map((account) => ({
    value: account.email,
    label: account.displayName,
    detail: account.email,
    checked: input.preselect?.toLowerCase() === account.email.toLowerCase(),
  }));
  return accountRadios('Choose an account', choices);
}

/** Which scopes some account already granted: the page cannot know who will be picked, so it says per account. */
function alreadyGrantedSection(input: ConsentPageInput): string {
  if (!input.includeGrantedScopes) return '';
  const rows = [...input.grantedByAccount].filter(([, scopes]) => scopes.length > 0);
  if (rows.length === 0) return '';
  const blocks = rows.map(([email, scopes]) => `<p>${escapeHtml(email)} has already given access to:</p>\n<ul class="granted">${scopeItems(scopes, describeScope)}</ul>`);
  return `<section aria-label="Previously granted">\n${blocks.join('\n')}\n</section>`;
}

/** `/o/oauth2/v2/auth`: account chooser and consent on one page (Google shows them as two steps). */
export function consentPage(input: ConsentPageInput): string {
  const everGranted = new Set([...input.grantedByAccount.values()].flat());
  return page(
    `Sign in - Google Accounts`,
    `<h1>Sign in with Google</h1>
<p>to continue to <strong>${escapeHtml(input.appName)}</strong></p>
${errorNotice(input.error)}
<form method="post" action="${escapeHtml(input.action)}">
${hiddenInputs({ flow: input.flowId })}
${accountList(input)}
<section aria-labelledby="consent-heading">
<h2 id="consent-heading">${escapeHtml(input.appName)} wants access to your Google Account</h2>
${requestedScopeList(input.requested, describeScope, (scope) => everGranted.has(scope))}
</section>
${alreadyGrantedSection(input)}
<p>Make sure you trust ${escapeHtml(input.appName)}. You can see or remove access in your Google Account.</p>
<button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" class="primary" name="decision" value="accept">Accept</button>
</form>`,
    BRAND,
  );
}

/** Errors Google shows on its own page instead of sending them to a redirect URI that may not be the app's. */
export function authorizationErrorPage(status: number, code: string, detail: string): string {
  return page(
    'Error - Google Accounts',
    `<h1>Access blocked: authorization error</h1>
<p role="alert">${escapeHtml(detail)}</p>
<p><strong>Error ${status}: ${escapeHtml(code)}</strong></p>`,
    BRAND,
  );
}
