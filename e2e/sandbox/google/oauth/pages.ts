import { escapeHtml, hiddenInputs, page } from '../../core/html';
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
  const items = input.accounts.map((account, index) => {
    const id = `account-${index}`;
    const checked = input.preselect?.toLowerCase() === account.email.toLowerCase() ? ' checked' : '';
    return `<li><input type="radio" id="${id}" name="account" value="${escapeHtml(account.email)}"${checked}> <label for="${id}" style="display:inline">${escapeHtml(account.displayName)}</label> <span>${escapeHtml(account.email)}</span></li>`;
  });
  return `<fieldset><legend>Choose an account</legend><ul class="accounts">${items.join('\n')}</ul></fieldset>`;
}

function scopeItems(scopes: readonly string[], note: (scope: string) => string): string {
  return scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code> — ${escapeHtml(describeScope(scope))}${note(scope)}</li>`).join('\n');
}

/** Which scopes some account already granted: the page cannot know who will be picked, so it says per account. */
function alreadyGrantedSection(input: ConsentPageInput): string {
  if (!input.includeGrantedScopes) return '';
  const rows = [...input.grantedByAccount].filter(([, scopes]) => scopes.length > 0);
  if (rows.length === 0) return '';
  const blocks = rows.map(([email, scopes]) => `<p>${escapeHtml(email)} has already given access to:</p>\n<ul class="granted">${scopeItems(scopes, () => '')}</ul>`);
  return `<section aria-label="Previously granted">\n${blocks.join('\n')}\n</section>`;
}

/** `/o/oauth2/v2/auth`: account chooser and consent on one page (Google shows them as two steps). */
export function consentPage(input: ConsentPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  const everGranted = new Set([...input.grantedByAccount.values()].flat());
  const requested = scopeItems(input.requested, (scope) => (everGranted.has(scope) ? ' <em>(already granted)</em>' : ''));
  return page(
    `Sign in - Google Accounts`,
    `<h1>Sign in with Google</h1>
<p>to continue to <strong>${escapeHtml(input.appName)}</strong></p>
${error}
<form method="post" action="${escapeHtml(input.action)}">
${hiddenInputs({ flow: input.flowId })}
${accountList(input)}
<section aria-labelledby="consent-heading">
<h2 id="consent-heading">${escapeHtml(input.appName)} wants access to your Google Account</h2>
<ul class="scopes" aria-label="Requested permissions">${requested}</ul>
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
