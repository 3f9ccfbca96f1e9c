import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_FORM } from './exampleProfile.ts';
import { PROFILE_FIELDS } from './profileFields.ts';

/** The committed JSON Schema of the enterprise profile (read as a file: web may not import it). */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
};
const SCHEMA = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../qualification/schema/enterprise-profile.schema.json'),
    'utf8',
  ),
) as JsonSchema;

/** The schema node at `taxation.residentEnterprise` or `years[].rdExpense`, if any. */
function nodeAt(path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = SCHEMA;
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]');
    node = node?.properties?.[isArray ? part.slice(0, -2) : part];
    if (isArray) node = node?.items;
  }
  return node;
}

describe('self-assessment form fields follow enterprise-profile.schema.json', () => {
  test('every field path exists in the schema', () => {
    const missing = PROFILE_FIELDS.filter((f) => nodeAt(f.path) === undefined).map((f) => f.path);
    expect(missing).toEqual([]);
  });

  test('select options are values of the schema enums; inputs match the schema types', () => {
    for (const f of PROFILE_FIELDS) {
      const node = nodeAt(f.path) as JsonSchema;
      if (f.options) {
        for (const o of f.options) expect(node.enum, f.path).toContain(o.value);
      }
      const types = [node.type].flat();
      if (f.input === 'money' || f.input === 'count') {
        expect(
          types.some((t) => t === 'number' || t === 'integer'),
          f.path,
        ).toBe(true);
      }
      if (f.input === 'boolean') expect(types, f.path).toContain('boolean');
    }
  });

  test('the unknown path years[].rdSpend is reported missing (the check can fail)', () => {
    expect(nodeAt('years[].rdSpend')).toBeUndefined();
    expect(nodeAt('years[].rdExpense')).toBeDefined();
  });

  test('the synthetic example uses only schema fields', () => {
    for (const key of Object.keys(EXAMPLE_FORM)) expect(nodeAt(key), key).toBeDefined();
    for (const year of EXAMPLE_FORM.years) {
      for (const key of Object.keys(year)) expect(nodeAt(`years[].${key}`), key).toBeDefined();
    }
  });
});
