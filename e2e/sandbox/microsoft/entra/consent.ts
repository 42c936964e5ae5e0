import { containsScope, permissionScopes } from '../scopes';

/**
 * Delegated consent per account for the one registered app. It only grows (Accept adds the requested scopes), as a
 * user's consent does in Entra until an admin removes the grant.
 */
export class ConsentStore {
  private readonly grants = new Map<string, string[]>();

  granted(upn: string): string[] {
    return [...(this.grants.get(upn.toLowerCase()) ?? [])].sort();
  }

  grant(upn: string, scopes: readonly string[]): void {
    const current = this.grants.get(upn.toLowerCase()) ?? [];
    for (const scope of permissionScopes(scopes)) if (!containsScope(current, scope)) current.push(scope);
    this.grants.set(upn.toLowerCase(), current);
  }

  /** Requested permissions the account has not consented to (empty = all covered). */
  missing(upn: string, requested: readonly string[]): string[] {
    const current = this.granted(upn);
    return permissionScopes(requested).filter((scope) => !containsScope(current, scope));
  }
}
