/**
 * Zod schemas shared by the routes: they validate requests and become the OpenAPI document
 * (fastify-type-provider-zod), so the document cannot drift from what is enforced.
 */
import { isIsoDate } from '@kechuang/domain';
import { z } from 'zod';

/** Bilingual text. */
export const textSchema = z.object({ zh: z.string(), en: z.string() });

/** The error body of every non-2xx response. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: textSchema,
      details: z.unknown().optional(),
    }),
  })
  .describe('错误 / error');

/** `?page=&pageSize=` (1-based; at most 500 a page). */
export const pagingSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A year query parameter. */
export const yearSchema = z.coerce.number().int().min(1949).max(2100);

/** A real calendar date `YYYY-MM-DD` (asOf parameters). */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, '须为有效日期 YYYY-MM-DD / must be a valid date YYYY-MM-DD');

/** Today's date `YYYY-MM-DD` (UTC), the default `asOf`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A GB/T 2260 region code (or a provisional key), as stored. */
export const regionCodeSchema = z.string().min(1).max(100);

/** A paged list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Responses every route may give besides its own. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
};

/** A free JSON object (rows whose columns the OpenAPI document lists in prose). */
export const looseObject = z.record(z.string(), z.unknown());
