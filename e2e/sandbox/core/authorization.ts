import type { Clock } from './clock';
import { randomToken } from './ids';
import { OneTimeValues } from './one-time';

/**
 * The authorization-code flow's state, the same at every provider: consent forms waiting for the person's decision
 * (keyed by the form's hidden `flow` field) and the codes they turn into, both single use and short-lived.
 */
export interface AuthorizationStores<Form, Code> {
  readonly forms: OneTimeValues<Form>;
  readonly codes: OneTimeValues<Code>;
}

export interface AuthorizationLifetimes {
  readonly formS: number;
  readonly codeS: number;
}

/** `mintCode`: each provider's code format (clients must treat it as opaque; some need it URL-decoded, which tests that). */
export function createAuthorizationStores<Form, Code>(clock: Clock, lifetimes: AuthorizationLifetimes, mintCode: () => string): AuthorizationStores<Form, Code> {
  return {
    forms: new OneTimeValues<Form>(clock, lifetimes.formS, () => randomToken(16)),
    codes: new OneTimeValues<Code>(clock, lifetimes.codeS, mintCode),
  };
}

/** What the person did on a consent page: its form has a hidden `flow`, an `account` radio and `decision` buttons. */
export type ConsentDecision<Form, Account> =
  /** Unknown, expired, or already submitted: the provider shows its own error page. */
  | { readonly kind: 'gone' }
  /** Accept without an account: the same form comes back, still usable. */
  | { readonly kind: 'no-account'; readonly flowId: string; readonly pending: Form }
  | { readonly kind: 'cancel'; readonly pending: Form }
  | { readonly kind: 'accept'; readonly pending: Form; readonly account: Account };

/** Reads a consent form's submission; unless the page must come back, the form is spent whatever was chosen. */
export function decideConsent<Form, Account>(
  forms: OneTimeValues<Form>,
  fields: Readonly<Record<string, string>>,
  findAccount: (key: string) => Account | null | undefined,
): ConsentDecision<Form, Account> {
  const flowId = fields['flow'] ?? '';
  const pending = forms.peek(flowId);
  if (pending === null) return { kind: 'gone' };
  const account = findAccount(fields['account'] ?? '') ?? null;
  const accepted = fields['decision'] === 'accept';
  if (accepted && account === null) return { kind: 'no-account', flowId, pending };
  // A second submit of the same form must not mint a second code.
  forms.take(flowId);
  return accepted && account !== null ? { kind: 'accept', pending, account } : { kind: 'cancel', pending };
}
