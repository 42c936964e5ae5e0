import { accountRadios, errorNotice, escapeHtml, hiddenInputs, page, permissionsSection, requestedScopeList } from '../core/html';
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

export function consentPage(input: ConsentPageInput): string {
  // With a single account there is nothing to choose: it comes picked.
  const choices = input.accounts.map((account) => ({ value: account.email, label: account.email, detail: account.displayName, checked: input.accounts.length === 1 }));
  return page(
    `Authorize ${input.appName} — ${input.providerName}`,
    `<h1>${escapeHtml(input.providerName)}: authorize ${escapeHtml(input.appName)}</h1>
${errorNotice(input.error)}
<form method="post" action="${escapeHtml(input.action)}">
${hiddenInputs({ flow: input.flowId })}
${accountRadios('Pick an account', choices)}
${permissionsSection(input.appName, requestedScopeList(input.scopes, input.describeScope))}
</form>`,
  );
}

export function errorPage(providerName: string, message: string): string {
  return page(`${providerName}: error`, `<h1>${escapeHtml(providerName)} could not authorize the app</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
