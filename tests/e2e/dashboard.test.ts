/**
 * Browser tests of the dashboard: Debian's Chromium (playwright-core) against the real server
 * (`kechuang serve` in-process, random port, fresh data folder with the Chongqing demo).
 * Screenshots of the main pages go to `test-output/screenshots/` for a human to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeOrganisationCodeCheckChar, computeUsccCheckChar } from '@kechuang/domain';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './chromium.ts';
import {
  apiSession,
  createTestUsers,
  type DashboardServer,
  startDashboardServer,
  type TestUser,
} from './dashboardServer.ts';
import { ensureWebBuild } from './ensureWebBuild.ts';
import { extractPdfText } from './pdfText.ts';

const OUT = join(import.meta.dirname, '..', '..', 'test-output');
const SHOTS = join(OUT, 'screenshots');
const BEIBEI = '500109';
const EDITOR: TestUser = { username: 'e2e-beibei-editor', password: 'Kq7-mountain-river-51' };
const ENTERPRISE: TestUser = { username: 'e2e-enterprise', password: 'Vt3-bamboo-harbour-88' };
const ANALYST: TestUser = { username: 'e2e-analyst', password: 'Rw5-lantern-valley-37' };
const ENTERPRISE_USCC = '91500151MA0000R17X';

type RankingsBody = {
  run: { id: number; edition: string; year: number };
  items: {
    regionCode: string;
    nameZh: string;
    nameEn: string;
    rank: number | null;
    subIndices: { code: string }[];
  }[];
};

/** A USCC of a Beibei (500109) enterprise: valid embedded 组织机构代码 and check character. */
function usccOf(serial: string): string {
  const body8 = `MAE2E${serial}`;
  const first17 = `91${BEIBEI}${body8}${computeOrganisationCodeCheckChar(body8)}`;
  return first17 + computeUsccCheckChar(first17);
}

if (!hasChromium()) {
  test('Chromium is installed for the browser tests', () => {
    throw new Error(
      `No browser at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  });
}

describe.runIf(hasChromium())('dashboard in Chromium', () => {
  let server: DashboardServer;
  let browser: Browser;
  let rankings: RankingsBody;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuild();
    server = await startDashboardServer();
    await createTestUsers(server, [
      { ...EDITOR, role: 'districtEditor', regionCode: BEIBEI },
      { ...ENTERPRISE, role: 'enterpriseUser', uscc: ENTERPRISE_USCC },
      { ...ANALYST, role: 'cityAnalyst' },
    ]);
    rankings = (await (await fetch(`${server.url}/api/rankings`)).json()) as RankingsBody;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh context (no cookies, no stored language) and page at a laptop size. */
  async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return { context, page };
  }

  async function login(page: Page, user: TestUser, next: string): Promise<void> {
    await page.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码').fill(user.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  test('the overview map draws all 38 districts, labelled, beside a 38-row ranking', async () => {
    const { context, page } = await open('/');
    const map = page.locator('[data-chart="district-map"] svg');
    await map.waitFor();
    await expect.poll(() => map.locator('text').count()).toBeGreaterThanOrEqual(38);
    const labels = await map.locator('text').allTextContents();
    expect(rankings.items).toHaveLength(38);
    // Every district of the ranking has its (short) label on the map: 北碚区 → 北碚, 石柱…自治县 → 石柱.
    const missing = rankings.items
      .map((i) => i.nameZh.replace(/((?:土家族|苗族)+自治县|区|县)$/u, ''))
      .map((short) => (short.length >= 2 ? short : `${short}县`))
      .filter((short) => !labels.includes(short));
    expect(missing).toEqual([]);
    expect(await map.locator('path').count()).toBeGreaterThanOrEqual(38);
    await expect
      .poll(() => page.locator('[data-testid=ranking-table] tbody tr[data-row-key]').count())
      .toBe(38);
    await page.waitForTimeout(500);
    await shot(page, 'overview');
    await context.close();
  });

  test('clicking a district on the map opens its profile with its rank', async () => {
    const beibei = rankings.items.find((i) => i.regionCode === BEIBEI);
    expect(beibei?.rank).toBeTypeOf('number');
    const { context, page } = await open('/');
    const label = page.locator('[data-chart="district-map"] svg text', { hasText: /^北碚$/ });
    await label.waitFor();
    const box = await label.boundingBox();
    if (!box) throw new Error('no label box for 北碚');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(`**/districts/${BEIBEI}`);
    await expect
      .poll(() => page.getByTestId('profile-rank').textContent())
      .toBe(`全市第 ${beibei?.rank} 位（共 38 个）`);
    await expect.poll(() => page.getByTestId('profile-title').textContent()).toContain('北碚区');
    await page.locator('[role=img] svg').first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'profile');
    await context.close();
  });

  test('keyboard: the first Tab reaches the skip link; Enter on a ranking link opens the profile', async () => {
    const { context, page } = await open('/');
    await page.locator('[data-testid=ranking-table] a[data-region]').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('跳到主要内容');
    const first = page.locator('[data-testid=ranking-table] a[data-region]').first();
    const code = await first.getAttribute('data-region');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/districts/${code}`);
    await context.close();
  });

  test('the English switch translates the interface and the data labels, and back', async () => {
    const { context, page } = await open('/');
    await page.getByRole('heading', { name: '重庆市区县科技创新指数' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page
      .getByRole('heading', { name: "S&T innovation index of Chongqing's districts" })
      .waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await expect
      .poll(() => page.locator('[data-testid=ranking-table]').textContent())
      .toContain('Beibei District');
    expect(await page.locator('[data-testid=ranking-table]').textContent()).not.toContain('北碚区');
    await page.waitForTimeout(500);
    await shot(page, 'overview-en');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: '重庆市区县科技创新指数' }).waitFor();
    await context.close();
  });

  test('a district editor imports a file with one bad row (row error, nothing written), then a good file', async () => {
    const { context, page } = await open('/');
    await login(page, EDITOR, '/imports');
    const header = '统一社会信用代码,企业名称,所在区县,国民经济行业代码,高新技术领域,成立日期';
    const good = [
      `${usccOf('001')},重庆E2E示例一号科技有限公司,北碚区,C3491,,2021-03-01`,
      `${usccOf('002')},重庆E2E示例二号科技有限公司,北碚区,I6510,,2022-07-15`,
    ];
    const badUscc = `${usccOf('003').slice(0, 17)}${usccOf('003').endsWith('0') ? '1' : '0'}`;
    const bad = [...good, `${badUscc},重庆E2E示例三号科技有限公司,北碚区,C3491,,2023-01-09`];
    const file = (rows: string[]) => ({
      name: 'e2e-enterprises.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${[header, ...rows].join('\n')}\n`, 'utf8'),
    });
    const editorApi = await apiSession(server.url, EDITOR);
    const countE2E = async () =>
      (
        (await editorApi('GET', `/api/enterprises?q=${encodeURIComponent('E2E示例')}`)) as {
          total: number;
        }
      ).total;
    expect(await countE2E()).toBe(0);

    await page.getByTestId('import-file').setInputFiles(file(bad));
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.getByTestId('import-failed').waitFor();
    const issues = page.getByTestId('import-issues');
    await expect.poll(() => issues.textContent()).toContain(badUscc);
    const issueRows = await issues.locator('tbody tr').allTextContents();
    expect(issueRows.length).toBeGreaterThanOrEqual(1);
    expect(issueRows.every((r) => !r.includes(usccOf('001')) && !r.includes(usccOf('002')))).toBe(
      true,
    );
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await shot(page, 'imports-error');
    expect(await countE2E()).toBe(0);

    await page.getByRole('button', { name: /^放\s?弃$/ }).click();
    await page.getByTestId('import-file').setInputFiles(file(good));
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.getByTestId('import-ok').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor();
    expect(await countE2E()).toBe(2);

    await page.goto(`${server.url}/registry/enterprises?q=${encodeURIComponent('E2E示例')}`);
    await expect
      .poll(() => page.getByTestId('registry-table').locator('tbody tr[data-row-key]').count())
      .toBe(2);
    await shot(page, 'registry');
    await context.close();
  });

  test('an enterprise fills the self-assessment and sees the gap', async () => {
    const { context, page } = await open('/');
    await login(page, ENTERPRISE, '/assessments');
    await page.getByTestId('rule-set').waitFor();
    await page.getByRole('button', { name: '填入合成示例' }).click();
    // The enterprise changes one figure by hand: R&D of the latest year.
    const latest = new Date().getFullYear() - 1;
    await page.getByLabel(`研发费用总额（万元） ${latest}`).fill('150');
    await page.getByLabel(`境内研发费用（万元） ${latest}`).fill('150');
    await page.getByTestId('assess-run').click();
    const outcome = page
      .getByTestId('assess-result')
      .or(page.locator('.ant-alert-error, .ant-form-item-explain-error'));
    await outcome.first().waitFor();
    if (!(await page.getByTestId('assess-result').isVisible())) {
      await shot(page, 'assessment-error');
      throw new Error(`no result: ${await outcome.first().textContent()}`);
    }
    await expect.poll(() => page.getByTestId('criterion-gap').count()).toBeGreaterThan(0);
    const gaps = await page.getByTestId('criterion-gap').allTextContents();
    expect(gaps.join('')).toMatch(/\d/);
    await shot(page, 'assessment');
    await context.close();
  });

  test('the district report prints to a PDF whose text holds the district name', async () => {
    const { context, page } = await open(`/reports/district/${BEIBEI}`);
    await page.getByTestId('report-title').waitFor();
    await expect
      .poll(() => page.locator('[data-testid=report] [role=img] svg').count())
      .toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(800);
    await shot(page, 'report');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, `report-${BEIBEI}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('北碚区科技创新指数报告');
    expect(text).toContain('全市第');
    // The toolbar is not printed.
    expect(text).not.toContain('打印/另存为PDF');
    await context.close();
  });

  test('the district report downloads as XLSX with the district’s name, rank and notes', async () => {
    const beibei = rankings.items.find((i) => i.regionCode === BEIBEI);
    const { context, page } = await open(`/reports/district/${BEIBEI}`);
    await page.getByTestId('report-title').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`北碚区科技创新指数报告-${rankings.run.year}.xlsx`);
    const file = join(OUT, `report-${BEIBEI}.xlsx`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const cells = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    const summary = cells('概况 Summary');
    const value = (label: string) => summary.find((r) => String(r[0]).startsWith(label))?.[1];
    expect(value('区县 District')).toBe('北碚区');
    expect(value('全市排名')).toBe(beibei?.rank);
    const notes = cells('说明 Notes');
    expect(notes.find((r) => String(r[0]).startsWith('输入哈希'))?.[1]).toMatch(/^[0-9a-f]{64}$/);
    // The demo's inputs carry their sources; most are synthetic and say so.
    expect(notes.some((r) => r[0] === BEIBEI && r[7] === 'synthetic')).toBe(true);
    await context.close();
  });

  test('the workbench recomputes the ranking when a pillar weight changes', async () => {
    const { context, page } = await open('/workbench');
    await page.getByRole('heading', { name: '指数工作台' }).waitFor();
    const table = page.getByTestId('preview-table');
    await expect.poll(() => table.locator('.ant-table-tbody tr[data-row-key]').count()).toBe(38);
    // The first pillar's weight to 0 with the keyboard (Home = the slider's minimum).
    const pillar = rankings.items[0]?.subIndices[0]?.code as string;
    await page.locator('.ant-slider-handle').first().focus();
    await page.keyboard.press('Home');
    const expected = (await (
      await fetch(`${server.url}/api/index-runs/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          edition: rankings.run.edition,
          year: rankings.run.year,
          weights: { [pillar]: 0 },
        }),
      })
    ).json()) as { items: { regionCode: string; rank: number; publishedRank: number }[] };
    expect(expected.items).toHaveLength(38);
    expect(expected.items.some((i) => i.rank !== i.publishedRank)).toBe(true);
    const shown = async () => {
      const out: Record<string, string> = {};
      for (const row of await table.locator('.ant-table-tbody tr[data-row-key]').all()) {
        const code = (await row.getAttribute('data-row-key')) as string;
        out[code] = ((await row.getByTestId('preview-rank').textContent()) ?? '').trim();
      }
      return out;
    };
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual(Object.fromEntries(expected.items.map((i) => [i.regionCode, String(i.rank)])));
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await page.waitForTimeout(500);
    await shot(page, 'workbench');
    await context.close();
  });

  test('an analyst computes uncertainty bands and Sobol sensitivity in the workbench', async () => {
    const { context, page } = await open('/');
    await login(page, ANALYST, '/workbench');
    await page.getByRole('heading', { name: '指数工作台' }).waitFor();
    const uncertaintyCard = page.locator('.ant-card').filter({ hasText: '不确定性分析' });
    const sensitivityCard = page.locator('.ant-card').filter({ hasText: 'Sobol 敏感性分析' });
    await uncertaintyCard.getByRole('button', { name: /计\s*算/ }).click();
    await page.getByRole('img', { name: /^不确定性分析/ }).waitFor({ timeout: 60_000 });
    await sensitivityCard.getByRole('button', { name: /计\s*算/ }).click();
    await page.getByRole('img', { name: /^Sobol/ }).waitFor({ timeout: 60_000 });
    // What the charts draw is what the API stored for the run: 38 districts, 5–95 % bands around the median.
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const body = (await (
      await fetch(`${server.url}/api/index-runs/${rankings.run.id}/uncertainty`, {
        headers: { cookie: cookies },
      })
    ).json()) as { units?: { q05: number; medianRank: number; q95: number }[] };
    const units = body.units ?? [];
    expect(units).toHaveLength(38);
    expect(units.every((u) => u.q05 <= u.medianRank && u.medianRank <= u.q95)).toBe(true);
    const sobol = (await (
      await fetch(`${server.url}/api/index-runs/${rankings.run.id}/sensitivity`, {
        headers: { cookie: cookies },
      })
    ).json()) as { inputs?: { name: string; sti: number }[] };
    expect(sobol.inputs?.length).toBeGreaterThan(0);
    expect(sobol.inputs?.every((i) => Number.isFinite(i.sti))).toBe(true);
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await shot(page, 'workbench-analysis');
    await context.close();
  }, 180_000);
});
