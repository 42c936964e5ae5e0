/**
 * `npm run --silent policy-schema`: the JSON Schema of IT's policy file (for editors and docs/deploy.md);
 * `-- --markdown`: the field reference table that docs/policy.md carries (a test keeps the two in step).
 */
import { policyFieldTable, policyJsonSchema } from './policy-reference';

process.stdout.write(process.argv.includes('--markdown') ? policyFieldTable() : `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
