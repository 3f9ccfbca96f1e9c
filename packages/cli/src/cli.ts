/**
 * The `kechuang` program (commander) and its top-level error handler: user errors print every
 * issue (file, row, column, reason in Chinese and English) and give exit code 2; unexpected
 * errors print a short message and give exit code 1 (the stack only with KECHUANG_DEBUG=1).
 */
import { IndexInputError } from '@kechuang/index-engine';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type AssessCommandOptions, assessCommand } from './commands/assess.ts';
import { demoCommand } from './commands/demo.ts';
import { analysisCommand } from './commands/indexAnalysis.ts';
import { buildIndexCommand } from './commands/indexBuild.ts';
import { migrateCommand } from './commands/registryDb.ts';
import { deriveCommand } from './commands/registryDerive.ts';
import { exportCommand, importCommand, templateCommand } from './commands/registryImport.ts';
import { seedDemoCommand } from './commands/registrySeed.ts';
import { serveCommand } from './commands/serve.ts';
import { CliInputError } from './errors.ts';
import { formatIssues } from './io/formatIssues.ts';

/** Where the program writes; tests pass their own. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
};

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USER_ERROR = 2;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('须为正整数 / must be a positive integer');
  }
  return n;
}

/** Build the commander program; actions write through `io`. */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('kechuang')
    .description(
      '科创：区域科技创新体系观测平台的命令行工具 / Kechuang: the command line of the regional S&T innovation observatory',
    )
    .version('0.1.0', '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .showHelpAfterError('（用 --help 查看用法 / see --help for usage）')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  const index = program
    .command('index')
    .description('综合指数 / composite indices')
    .helpOption('-h, --help', '显示帮助 / show help');

  index
    .command('build')
    .description(
      '由 iMeta、iData（COINr 约定，CSV 或 XLSX）和 spec JSON 计算指数，写出各步数据集和 results.xlsx /\n' +
        'build an index from iMeta, iData (COINr conventions, CSV or XLSX) and a spec JSON; write every dataset and results.xlsx',
    )
    .helpOption('-h, --help', '显示帮助 / show help')
    .requiredOption(
      '--meta <file>',
      '指标体系表 iMeta（.csv / .xlsx / .xlsx#工作表） / framework table iMeta',
    )
    .requiredOption(
      '--data <file>',
      '数据表 iData（.csv / .xlsx / .xlsx#工作表） / data table iData',
    )
    .requiredOption('--spec <file>', '计算步骤 spec.json / pipeline spec JSON')
    .requiredOption('--out <dir>', '输出目录 / output directory')
    .option('--time <T>', '时间点（默认最新） / time point (default: the latest)')
    .addOption(
      new Option('--top <n>', '只显示前 n 名 / show only the top n').argParser(positiveInteger),
    )
    .action(
      async (opts: {
        meta: string;
        data: string;
        spec: string;
        out: string;
        time?: string;
        top?: number;
      }) => {
        const result = await buildIndexCommand(opts);
        for (const note of result.notes) io.err(`${note}\n`);
        io.out(`${result.ranking.join('\n')}\n`);
      },
    );

  for (const kind of ['uncertainty', 'sensitivity'] as const) {
    const sa = kind === 'sensitivity';
    const command = index
      .command(kind)
      .description(
        sa
          ? 'Sobol 敏感性分析（Saltelli 设计，N(d+2) 次重建）/ Sobol sensitivity analysis (Saltelli design, N(d+2) rebuilds)'
          : '不确定性分析：蒙特卡洛重建，给出各单元名次的中位数与 5–95% 区间 / uncertainty analysis: Monte Carlo rebuilds, median rank and 5–95% interval per unit',
      )
      .helpOption('-h, --help', '显示帮助 / show help')
      .requiredOption('--meta <file>', '指标体系表 iMeta / framework table iMeta')
      .requiredOption('--data <file>', '数据表 iData / data table iData')
      .requiredOption('--spec <file>', '计算步骤 spec.json / pipeline spec JSON')
      .requiredOption('--alternatives <file>', '不确定性输入 JSON / uncertain inputs JSON')
      .requiredOption('--out <dir>', '输出目录 / output directory')
      .addOption(
        new Option('--n <N>', '样本数 N / sample size N')
          .argParser(positiveInteger)
          .default(sa ? 100 : 1000),
      )
      .addOption(
        new Option('--seed <s>', '随机种子 / random seed').argParser(positiveInteger).default(1),
      )
      .addOption(
        new Option(
          '--workers <n>',
          '线程数（0 = 不用工作线程）/ worker threads (0 = none)',
        ).argParser((v) => (v === '0' ? 0 : positiveInteger(v))),
      )
      .option('--time <T>', '时间点（默认最新） / time point (default: the latest)')
      .option(
        '--target <code>',
        '分析的指数或子指数代码（默认顶层指数）/ code analysed (default: the index)',
      );
    if (sa) {
      command.addOption(
        new Option(
          '--bootstrap <n>',
          'Sobol 区间的自助法次数 / bootstrap replicates for the intervals',
        )
          .argParser(positiveInteger)
          .default(100),
      );
    }
    command.action(async (opts: Omit<Parameters<typeof analysisCommand>[1], 'progress'>) => {
      const result = await analysisCommand(sa ? 'SA' : 'UA', { ...opts, progress: process.stderr });
      io.out(`${result.lines.join('\n')}\n`);
      io.err(
        `已写出 ${result.files.length} 个文件到 ${opts.out} / wrote ${result.files.length} files to ${opts.out}\n`,
      );
    });
  }

  program
    .command('demo')
    .description(
      '计算重庆 38 个区县的示例科技创新指数并打印排名（npm start）/ compute the Chongqing demo index and print the ranking (npm start)',
    )
    .helpOption('-h, --help', '显示帮助 / show help')
    .addOption(
      new Option('--year <year>', '年份（默认最新）/ year (default: the latest)').argParser(
        positiveInteger,
      ),
    )
    .option('--out <dir>', '另写出各步数据集 / also write every dataset here')
    .action(async (opts: { year?: number; out?: string }) => {
      const result = await demoCommand(opts);
      io.out(`${result.lines.join('\n')}\n`);
    });

  addRegistryCommands(program, io);
  addAssessCommand(program, io);
  program
    .command('serve')
    .description(
      '启动服务：API + 网页，首次启动载入示例数据并创建管理员（npm start）/ serve the API and web app; first start loads the demo and creates the administrator (npm start)',
    )
    .helpOption('-h, --help', '显示帮助 / show help')
    .action(async () => {
      const server = await serveCommand(io.env, io);
      const stop = () => {
        io.err('正在停止… / stopping…\n');
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  return program;
}

/** `kechuang assess`: qualification pre-assessment of one profile or of the whole registry. */
function addAssessCommand(program: Command, io: CliIo): void {
  program
    .command('assess <rule-set>')
    .description(
      '资质预评估（高新技术企业 / 科技型中小企业 / 专精特新…）：逐条说明条件与差距 / qualification pre-assessment, criterion by criterion with the gap',
    )
    .helpOption('-h, --help', '显示帮助 / show help')
    .option(
      '--input <profile.json>',
      '企业画像 JSON（见 packages/qualification/schema）/ an enterprise profile',
    )
    .option('--all', '评估登记库全部企业并存储结果 / assess every enterprise in the registry')
    .option('--region <code>', '只评估该区县（与 --all 一起）/ one district only (with --all)')
    .option('--as-of <YYYY-MM-DD>', '评估日（默认今天）/ assessment date (default today)')
    .addOption(
      new Option('--format <format>', '输出格式 / output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option(
      '--out <file.xlsx>',
      '候选名单输出文件（与 --all 一起）/ candidate list file (with --all)',
    )
    .action(async (ruleSet: string, opts: AssessCommandOptions) => {
      io.out(`${(await assessCommand(io.env, ruleSet, opts)).join('\n')}\n`);
    });
}

/**
 * Registry commands (db migrate, import, export, template, seed). The CLI acts as a local city
 * administrator (市级管理员) on the database named by DATABASE_URL or KECHUANG_DATA_DIR.
 */
function addRegistryCommands(program: Command, io: CliIo): void {
  const help = (c: Command) => c.helpOption('-h, --help', '显示帮助 / show help');
  const db = help(program.command('db').description('登记库数据库 / the registry database'));
  help(db.command('migrate').description('应用数据库迁移 / apply database migrations')).action(
    async () => {
      io.out(`${(await migrateCommand(io.env)).join('\n')}\n`);
    },
  );
  help(
    program
      .command('import <kind> <file>')
      .description(
        '导入登记数据（CSV 或 XLSX；全部或全不）/ import registry rows (CSV or XLSX; all or nothing)',
      )
      .option('--dry-run', '只校验并预览，不写入 / validate and preview, write nothing')
      .option('--partial', '只导入无误的行 / import the valid rows only')
      .option(
        '--accept-uscc-warnings',
        '接受统一社会信用代码的警告（内嵌组织机构代码校验不符）/ accept USCC warnings',
      ),
  ).action(
    async (
      kind: string,
      file: string,
      opts: { dryRun?: boolean; partial?: boolean; acceptUsccWarnings?: boolean },
    ) => {
      const result = await importCommand(io.env, kind, file, { ...opts, progress: process.stderr });
      if (result.warnings.length > 0) io.err(`${formatIssues(result.warnings).join('\n')}\n`);
      io.out(`${result.lines.join('\n')}\n`);
    },
  );
  help(
    program
      .command('export <kind>')
      .description('导出登记数据 / export registry rows')
      .requiredOption('--out <file>', '输出文件 .xlsx 或 .csv / output file .xlsx or .csv'),
  ).action(async (kind: string, opts: { out: string }) => {
    io.out(`${(await exportCommand(io.env, kind, opts.out)).join('\n')}\n`);
  });
  help(
    program
      .command('template <kind>')
      .description('写出导入模板（中文表头、示例行、说明）/ write an import template')
      .option('--out <file>', '输出文件 .xlsx 或 .csv / output file .xlsx or .csv'),
  ).action(async (kind: string, opts: { out?: string }) => {
    io.out(`${(await templateCommand(kind, opts.out)).join('\n')}\n`);
  });
  help(
    program
      .command('seed')
      .description('载入示例数据 / load the demo data')
      .option('--demo', '载入 data/demo 的示例数据 / load data/demo'),
  ).action(async (opts: { demo?: boolean }) => {
    if (!opts.demo) {
      throw new CliInputError([
        { zh: '请指定 --demo（目前只有示例数据）', en: 'pass --demo (only demo data exist)' },
      ]);
    }
    io.out(`${(await seedDemoCommand(io.env, { progress: process.stderr })).join('\n')}\n`);
  });

  const indicators = help(
    program.command('indicators').description('派生指标 / derived indicators'),
  );
  help(
    indicators
      .command('derive')
      .description(
        '由登记库记录计算各区县派生指标并存入 indicator_values（edition = derived）/ derive indicators per region from the registry records',
      )
      .addOption(
        new Option('--year <Y>', '年份 / year').argParser(positiveInteger).makeOptionMandatory(),
      )
      .addOption(
        new Option('--to <Y>', '至某年（含）/ through this year').argParser(positiveInteger),
      ),
  ).action(async (opts: { year: number; to?: number }) => {
    io.out(`${(await deriveCommand(io.env, opts.year, opts.to ?? opts.year)).join('\n')}\n`);
  });
}

/** Run the program on `argv` (as process.argv); returns the exit code, never throws. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv]);
    return EXIT_OK;
  } catch (err) {
    return handleError(err, io);
  }
}

/** Print an error for a user and choose the exit code. */
export function handleError(err: unknown, io: CliIo = processIo): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message (usage errors) or the help / version.
    return err.exitCode === 0 ? EXIT_OK : EXIT_USER_ERROR;
  }
  if (err instanceof CliInputError) {
    io.err(`${formatIssues(err.issues).join('\n')}\n`);
    return EXIT_USER_ERROR;
  }
  if (err instanceof IndexInputError) {
    const issues = err.issues.map((i) => ({ zh: i.message.zh, en: i.message.en }));
    io.err(`${formatIssues(issues).join('\n')}\n`);
    return EXIT_USER_ERROR;
  }
  if (err instanceof Error && 'zh' in err && 'en' in err) {
    // Registry errors users can act on (permission, data folder locked, migration).
    io.err(`${formatIssues([{ zh: String(err.zh), en: String(err.en) }]).join('\n')}\n`);
    return EXIT_USER_ERROR;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`意外错误 / unexpected error: ${message}\n`);
  if (io.env.KECHUANG_DEBUG && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  else io.err('（设置 KECHUANG_DEBUG=1 可显示详情 / set KECHUANG_DEBUG=1 for details）\n');
  return EXIT_UNEXPECTED;
}
