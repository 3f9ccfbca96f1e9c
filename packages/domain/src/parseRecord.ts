/**
 * Bilingual validation results from zod schemas: every zod issue becomes a {@link DomainError}
 * whose Chinese text comes from our own message or zod's zh-CN locale, and English from ours or
 * zod's English locale. No global zod configuration is touched.
 */
import { z } from 'zod';
import { type DomainError, DomainValidationError, domainError } from './errors.ts';

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

/** Parameters carried by our custom issues (see `schemas.ts`). */
type BilingualParams = { code: string; zh: string; en: string; details?: Record<string, unknown> };

function isBilingualParams(p: unknown): p is BilingualParams {
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof (p as BilingualParams).zh === 'string' &&
    typeof (p as BilingualParams).en === 'string'
  );
}

function localeText(map: typeof zhLocale, issue: z.core.$ZodIssue): string {
  const out = map(issue as unknown as Parameters<typeof zhLocale>[0]);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}

/** Result of {@link parseRecord}. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: DomainError[] };

/**
 * Converts a `ZodError` into bilingual errors: `code` is ours (e.g. `usccCheckChar`) or
 * `zod.<issue code>`, and `details.path` the dotted field path ("figures.rdExpense").
 */
export function toDomainErrors(error: z.ZodError): DomainError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const params = 'params' in issue ? issue.params : undefined;
    if (isBilingualParams(params)) {
      return domainError(params.code, params.zh, params.en, { path, ...params.details });
    }
    const missing =
      issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const zh = missing ? '必填' : localeText(zhLocale, issue);
    const en = missing ? 'Required' : localeText(enLocale, issue);
    return domainError(
      `zod.${issue.code}`,
      path ? `${path}：${zh}` : zh,
      path ? `${path}: ${en}` : en,
      {
        path,
      },
    );
  });
}

/** Parses `input` with `schema`, returning the output or every error in both languages. */
export function parseRecord<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toDomainErrors(r.error) };
}

/** Like {@link parseRecord} but throws a {@link DomainValidationError} carrying every error. */
export function parseRecordOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = parseRecord(schema, input);
  if (!r.ok) throw new DomainValidationError(r.errors);
  return r.value;
}
