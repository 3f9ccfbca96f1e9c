/**
 * Imports (导入), exports (导出) and templates (模板). An upload (multipart, CSV or XLSX, type
 * checked by extension and first bytes) is decoded as it streams in, stopped at the size limit,
 * and validated by the registry's import path as a dry run: the report comes back with an id and
 * nothing is written. Committing that id imports it for real, all-or-nothing unless `partial` was
 * asked for.
 */
import type { MultipartFile } from '@fastify/multipart';
import {
  decodeTableStream,
  exportRows,
  getImportKind,
  IMPORT_KIND_NAMES,
  type ImportReport,
  importRows,
  isImportKindName,
  isZip,
  TableFileError,
  type TableFormat,
  tableFormatOf,
  templateWorkbook,
} from '@kechuang/registry';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../access.ts';
import { ApiError, notFound } from '../apiError.ts';
import type { RouteContext } from '../buildApp.ts';
import { ImportStore, type PendingImport } from '../importStore.ts';
import { camel } from '../recordInput.ts';
import {
  errorResponses,
  errorSchema,
  looseObject,
  regionCodeSchema,
  yearSchema,
} from '../schemas.ts';
import { attachment, toCsv, toXlsx } from '../sheets.ts';

/** Bytes at the start of an upload checked against its extension. */
const CONTENT_CHECK_BYTES = 8192;

/** The first bytes of an upload, or 415 when they do not match the extension's format. */
function checkContent(first: Buffer, format: TableFormat): Buffer {
  const zip = isZip(first);
  if (format === 'xlsx' ? zip : !zip && !first.subarray(0, CONTENT_CHECK_BYTES).includes(0)) {
    return first;
  }
  throw new ApiError(
    415,
    'unsupportedFileType',
    format === 'xlsx'
      ? '文件扩展名是 .xlsx，但内容不是 XLSX 工作簿'
      : '文件扩展名是 .csv，但内容不是文本（可能是 Excel 工作簿：请使用 .xlsx 扩展名）',
    format === 'xlsx'
      ? 'The file is named .xlsx but its content is not an XLSX workbook'
      : 'The file is named .csv but its content is not text (an Excel workbook? name it .xlsx)',
  );
}

const kindParam = z.object({
  kind: z.enum(IMPORT_KIND_NAMES as [string, ...string[]]).describe(IMPORT_KIND_NAMES.join(', ')),
});

const issueSchema = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});

const uploadSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  report: z.object({
    ok: z.boolean(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    issues: z.array(issueSchema),
    warnings: z.array(issueSchema),
  }),
  expiresAt: z.string(),
});

function reportView(report: ImportReport) {
  return {
    ok: report.issues.length === 0,
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    issues: report.issues,
    warnings: report.warnings,
  };
}

/** Import, export and template routes. */
export function importRoutes({ app, deps, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;
  const store = new ImportStore(config.importTtlMs);
  const limitMb = Math.round((config.uploadLimitBytes / 1024 / 1024) * 10) / 10;

  /**
   * The upload's chunks, refused with 413 as soon as the limit is passed (busboy truncates the
   * part at the limit and flags it) and with 415 when the first bytes do not match the
   * extension: an XLSX is a ZIP archive, a CSV is text (no ZIP signature, no NUL in 8 KB).
   */
  async function* checkedUpload(
    stream: MultipartFile['file'],
    format: TableFormat,
  ): AsyncIterable<Uint8Array> {
    const head: Buffer[] = [];
    let headLength = 0;
    let total = 0;
    let checked = false;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (stream.truncated || total > config.uploadLimitBytes) throw tooLarge();
      if (checked) {
        yield chunk;
        continue;
      }
      head.push(chunk);
      headLength += chunk.length;
      if (headLength >= CONTENT_CHECK_BYTES) {
        checked = true;
        yield checkContent(Buffer.concat(head), format);
      }
    }
    if (stream.truncated) throw tooLarge();
    if (!checked) yield checkContent(Buffer.concat(head), format);
  }

  const tooLarge = () =>
    new ApiError(
      413,
      'tooLarge',
      `文件超过上传上限 ${limitMb} MB，请拆分后分批导入`,
      `The file is larger than the upload limit of ${limitMb} MB; split it and import in parts`,
      { limitBytes: config.uploadLimitBytes },
    );

  const uploadView = (p: PendingImport) => ({
    id: p.id,
    kind: p.kind.name,
    fileName: p.fileName,
    rows: p.table.rows.length,
    report: reportView(p.report),
    expiresAt: new Date(p.createdAt + config.importTtlMs).toISOString(),
  });

  const pendingOf = (userId: number, id: string) => {
    const p = store.get(id);
    // Another user's upload is reported as missing: its existence is not hers to know.
    if (!p || p.userId !== userId) {
      throw notFound(
        `没有待提交的导入 ${id}（可能已过期）`,
        `No pending import ${id} (it may have expired)`,
      );
    }
    return p;
  };

  api.get(
    '/api/import-kinds',
    {
      schema: {
        tags: ['imports'],
        summary: '导入类型及其列（模板表头、类型、单位、说明）/ import kinds and their columns',
        response: { 200: z.array(looseObject) },
      },
    },
    async () =>
      IMPORT_KIND_NAMES.map((name) => {
        const kind = getImportKind(name);
        return {
          name,
          zh: kind.zh,
          en: kind.en,
          table: kind.table,
          key: kind.key.map(camel),
          columns: kind.columns.map((c) => ({
            field: camel(c.field),
            zh: c.zh,
            en: c.en,
            type: c.type,
            required: c.required === true,
            unit: c.unit ?? null,
            description: c.description,
            example: c.example,
            values: c.values?.map((v) => ({ code: v.code, zh: v.zh, en: v.en ?? null })) ?? null,
          })),
        };
      }),
  );

  api.post(
    '/api/imports/:kind',
    {
      schema: {
        tags: ['imports'],
        summary: `上传 CSV/XLSX（multipart 字段 file，≤ ${limitMb} MB）：校验并预览，不写入 / upload and validate (nothing written)`,
        consumes: ['multipart/form-data'],
        params: kindParam,
        querystring: z.object({
          partial: z.coerce.boolean().default(false).describe('commit the valid rows only'),
          acceptUsccWarnings: z.coerce.boolean().default(false),
        }),
        response: { 200: uploadSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      const session = request.session as NonNullable<typeof request.session>;
      if (!request.isMultipart()) {
        throw new ApiError(
          415,
          'unsupportedMediaType',
          '请以 multipart/form-data 上传文件（字段名 file）',
          'Upload the file as multipart/form-data (field "file")',
        );
      }
      const file = await request.file();
      if (!file) {
        throw new ApiError(
          400,
          'noFile',
          '请求中没有文件（字段名 file）',
          'No file in the request (field "file")',
        );
      }
      let format: TableFormat;
      try {
        format = tableFormatOf(file.filename);
      } catch (error) {
        if (!(error instanceof TableFileError)) throw error;
        throw new ApiError(
          415,
          'unsupportedFileType',
          error.issues[0]?.zh ?? '',
          error.issues[0]?.en ?? '',
        );
      }
      // Decoded while it arrives, stopped the moment it passes the limit.
      const decoded = await decodeTableStream(checkedUpload(file.file, format), {
        format,
        strictEncoding: true,
      });
      const kind = getImportKind(request.params.kind);
      const options = {
        allOrNothing: !request.query.partial,
        acceptUsccWarnings: request.query.acceptUsccWarnings,
      };
      const table = { header: decoded.header, rows: decoded.rows, rowNumbers: decoded.rowNumbers };
      const report = await importRows(db, actor, kind, table, { ...options, dryRun: true });
      const pending = store.add({
        kind,
        fileName: file.filename,
        table,
        userId: session.user.id,
        options,
        report,
      });
      return uploadView(pending);
    },
  );

  api.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: '待提交导入的校验报告 / a pending upload’s report',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: uploadSchema, ...errorResponses },
      },
    },
    async (request) => {
      requireSignedIn(request);
      return uploadView(
        pendingOf(
          (request.session as NonNullable<typeof request.session>).user.id,
          request.params.id,
        ),
      );
    },
  );

  api.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags: ['imports'],
        summary:
          '提交导入：全部或全不（除非上传时 partial）/ commit an upload (all or nothing unless partial)',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: looseObject, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      const pending = pendingOf(
        (request.session as NonNullable<typeof request.session>).user.id,
        request.params.id,
      );
      const report = await importRows(db, actor, pending.kind, pending.table, pending.options);
      if (report.issues.length > 0 && pending.options.allOrNothing) {
        throw new ApiError(
          409,
          'importRefused',
          `全部或全不：有 ${report.issues.length} 个问题，未写入任何数据`,
          `All or nothing: ${report.issues.length} issues, nothing was written`,
          reportView(report),
        );
      }
      store.delete(pending.id);
      return {
        id: pending.id,
        kind: pending.kind.name,
        fileName: pending.fileName,
        written: report.written,
        ...reportView(report),
      };
    },
  );

  api.delete(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: '放弃待提交的导入 / discard an upload',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: z.object({ deleted: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      requireSignedIn(request);
      const pending = pendingOf(
        (request.session as NonNullable<typeof request.session>).user.id,
        request.params.id,
      );
      return { deleted: store.delete(pending.id) };
    },
  );

  const formatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

  api.get(
    '/api/exports/:kind',
    {
      schema: {
        tags: ['imports'],
        summary: '导出（CSV/XLSX，中文表头，可重新导入）/ export as CSV or XLSX (re-importable)',
        params: kindParam,
        querystring: formatQuery.extend({
          region: regionCodeSchema.optional(),
          year: yearSchema.optional(),
        }),
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!isImportKindName(request.params.kind)) throw notFound('没有该类型', 'No such kind');
      const kind = getImportKind(request.params.kind);
      const table = await exportRows(db, request.actor, kind, {
        regionCode: request.query.region,
        year: request.query.year,
      });
      const sheet = { name: kind.zh, rows: [table.header, ...table.rows] };
      const base = `${kind.name}-export`;
      if (request.query.format === 'csv') {
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${base}.csv`));
        return reply.send(toCsv(sheet) as never);
      }
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`${base}.xlsx`));
      return reply.send((await toXlsx([sheet])) as never);
    },
  );

  api.get(
    '/api/templates/:kind',
    {
      schema: {
        tags: ['imports'],
        summary: '导入模板（中文表头、示例行、说明）/ import template',
        params: kindParam,
        querystring: formatQuery,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const kind = getImportKind(request.params.kind);
      const workbook = templateWorkbook(kind);
      const base = `${kind.name}-template`;
      if (request.query.format === 'csv') {
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${base}.csv`));
        return reply.send(toCsv(workbook.sheets[0]) as never);
      }
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`${base}.xlsx`));
      return reply.send((await toXlsx(workbook.sheets)) as never);
    },
  );
}
