/**
 * `npm run --silent features`: the feature → scope catalog as JSON, for the security review and the README.
 * Prints a JSON array of `{ provider, feature, scopes, why }` in catalog order and nothing else.
 */
import { catalogRows } from '../../shared/features';

process.stdout.write(`${JSON.stringify(catalogRows(), null, 2)}\n`);
