/**
 * Writes `enterprise-profile.schema.json` from the zod schema:
 * `npx tsx packages/qualification/schema/generate.ts`. `src/profile.test.ts` fails when the
 * committed file differs from the generated one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_JSON_SCHEMA } from '../src/profile.ts';

const path = join(import.meta.dirname, 'enterprise-profile.schema.json');
writeFileSync(path, `${JSON.stringify(PROFILE_JSON_SCHEMA, null, 2)}\n`);
console.log(`wrote ${path}`);
