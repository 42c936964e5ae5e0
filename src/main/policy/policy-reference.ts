import { z } from 'zod';
import { PolicySchema } from './policy-schema';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  items?: JsonSchema;
};

/** JSON Schema draft 2020-12, as editors (VS Code `$schema`) and IT's validation tools read it. */
export function policyJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(PolicySchema, { io: 'input' }), $id: 'https://roomdeck.local/schema/policy-v1.json', title: 'Roomdeck policy' };
}

function typeOf(node: JsonSchema): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') {
    const keys = node.propertyNames?.enum ? 'feature id' : 'service id';
    return `object: ${keys} → ${typeOf(node.additionalProperties)}`;
  }
  return String(node.type ?? 'any');
}

function rows(node: JsonSchema, prefix: string): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child.type === 'object' && child.properties) return rows(child, path);
    return [`| \`${path}\` | ${typeOf(child)} | ${child.description ?? ''} |`];
  });
}

/** The reference table for docs/policy.md, one row per leaf field. */
export function policyFieldTable(): string {
  return ['| field | value | what |', '|---|---|---|', ...rows(policyJsonSchema() as JsonSchema, '')].join('\n') + '\n';
}
