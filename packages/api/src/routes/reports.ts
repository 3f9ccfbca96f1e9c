/**
 * Reports as XLSX (报告导出): the district report and the city report of a year, the same
 * figures as the web report pages, built from the dashboard's views (district profile,
 * rankings) and the run's stored inputs. Who sees them: as the dashboard (the public: published
 * runs only; an unpublished run answers 401 to anonymous visitors).
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../buildApp.ts';
import { districtProfile, pickRun, rankingsFor } from '../dashboardViews.ts';
import { cityReportSheets, districtReportSheets, inputSources } from '../reportSheets.ts';
import type { RunMeta } from '../runCache.ts';
import { errorResponses, regionCodeSchema } from '../schemas.ts';
import { attachment, toXlsx } from '../sheets.ts';
import { runQuery } from './dashboard.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const reportQuery = runQuery.extend({
  format: z.enum(['xlsx']).default('xlsx').describe('xlsx (PDF: the web report page, printed)'),
});

const fileResponse = z.unknown().describe('XLSX workbook');

/** Report routes. */
export function reportRoutes(context: RouteContext): void {
  const { app, runs, deps } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;

  api.get(
    '/api/reports/district/:code',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          '区县报告（XLSX）：综合与分项、全市平均、排名、梯队、历年、优势劣势、目标、说明 / district report as XLSX',
        params: z.object({ code: regionCodeSchema }),
        querystring: reportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { profile } = await districtProfile(context, request, code, request.query);
      const [meta, { build }] = await Promise.all([
        runs.meta(profile.run.id),
        runs.build(profile.run.id),
      ]);
      const sources = await inputSources(db, build, profile, [code]);
      const sheets = districtReportSheets(
        profile,
        meta as RunMeta,
        sources,
        new Date().toISOString(),
      );
      const fileName = `${profile.region.nameZh}科技创新指数报告-${profile.year}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(fileName))
        .send(await toXlsx(sheets));
    },
  );

  api.get(
    '/api/reports/city',
    {
      schema: {
        tags: ['dashboard'],
        summary: '全市报告（XLSX）：排名与梯队、名次与得分变化、分片区、说明 / city report as XLSX',
        querystring: reportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { meta: light, previous } = await pickRun(context, request, request.query);
      const [rankings, meta, { build }] = await Promise.all([
        rankingsFor(context, light, previous),
        runs.meta(light.id),
        runs.build(light.id),
      ]);
      const sources = await inputSources(db, build, light);
      const sheets = cityReportSheets(rankings, meta as RunMeta, sources, new Date().toISOString());
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`重庆市科技创新指数报告-${light.year}.xlsx`))
        .send(await toXlsx(sheets));
    },
  );
}
