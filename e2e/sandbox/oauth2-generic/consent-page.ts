import { escapeHtml, hiddenInputs, page } from '../core/html';
import type { OAuthAccount } from './model';

/**
 * The consent page: account picker, the requested scopes with what each allows, Accept / Cancel. Plain HTML with real
 * labels and buttons so Playwright and a fetch-based test can both complete it as a person would.
 */
export interface ConsentPageInput {
  readonly providerName: string;
  readonly appName: string;
  readonly action: string;
  readonly flowId: string;
  readonly accounts: readonly OAuthAccount[];
  readonly scopes: readonly string[];
  readonly describeScope: (scope: string) => string;
  readonly error: string | null;
}

function accountPicker(accounts: readonly OAuthAccount[]): string {
  const items = accounts.map((account, index) => {
    const id = `account-${index}`;
    const checked = accounts.length === 1 ? ' checked' : '';
    return `<li><input type="radio" id="${id}" name="account" value="${escapeHtml(account.email)}"${checked}> <label for="${id}" style="display:inline">${escapeHtml(account.email)}</label> <span>${escapeHtml(account.displayName)}</span></li>`;
  });
  return `<fieldset><legend>Pick an account</legend><ul class="accounts">${items.join('\n')}</ul></fieldset>`;
}

function scopeList(scopes: readonly string[], describeScope: (scope: string) => string): string {
  const items = scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code> — ${escapeHtml(describeScope(scope))}</li>`);
  return `<ul class="scopes" aria-label="Requested permissions">${items.join('\n')}</ul>`;
}

export function consentPage(input: ConsentPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return page(
    `Authorize ${input.appName} — ${input.providerName}`,
    `<h1>${escapeHtml(input.providerName)}: authorize ${escapeHtml(input.appName)}</h1>
${error}
<form method="post" action="${escapeHtml(input.action)}">
${hiddenInputs({ flow: input.flowId })}
${accountPicker(input.accounts)}
<section aria-labelledby="consent-heading">
<h2 id="consent-heading">Permissions requested</h2>
<p><strong>${escapeHtml(input.appName)}</strong> would like to:</p>
${scopeList(input.scopes, input.describeScope)}
</section>
<button type="submit" class="primary" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>`,
  );
}

export function errorPage(providerName: string, message: string): string {
  return page(`${providerName}: error`, `<h1>${escapeHtml(providerName)} could not authorize the app</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
