/**
 * The import kinds (导入类型): one definition per register, naming its spreadsheet columns
 * (Chinese header first, English alias), their types, units and example values, the natural key
 * and the target table (migrations 0002–0003). Templates and exports use the same columns, so an
 * export can be re-imported unchanged.
 */
import { CODE_LISTS } from './codeLists.ts';
import type { ImportColumn, ImportKind, Text } from './importKind.ts';
import { resolveRegion } from './referenceData.ts';

const t = (zh: string, en: string): Text => ({ zh, en });
const WAN_YUAN = t('万元', '10,000 yuan');
const PERSONS = t('人', 'persons');
const PIECES = t('件', 'items');

/** Column shorthands: field, zh header, en header, description, example, extras. */
function col(
  field: string,
  zh: string,
  en: string,
  type: ImportColumn['type'],
  description: Text,
  example: string,
  extra: Partial<ImportColumn> = {},
): ImportColumn {
  return { field, zh, en, type, description, example, ...extra };
}

const year = (description: Text, example = '2023'): ImportColumn =>
  col('year', '年度', 'Year', 'integer', description, example, {
    required: true,
    min: 1949,
    max: 2100,
  });

const usccColumn = (field: string, zh: string, en: string, required: boolean, example: string) =>
  col(
    field,
    zh,
    en,
    'uscc',
    t(
      '18 位统一社会信用代码（GB 32100-2015），校验码须正确',
      '18-character unified social credit code (GB 32100-2015) with a valid check character',
    ),
    example,
    { required },
  );

const regionColumn = (field: string, zh: string, en: string, required: boolean, note?: Text) =>
  col(
    field,
    zh,
    en,
    'region',
    t(
      `区县的区划代码或名称，可用简称（如 500240 或 石柱县）${note?.zh ?? ''}`,
      `region by GB/T 2260 code or name, short forms accepted (e.g. 500240 or 石柱县)${note?.en ?? ''}`,
    ),
    '渝北区',
    { required },
  );

const money = (field: string, zh: string, en: string, description: Text, example: string) =>
  col(field, `${zh}（万元）`, `${en} (10k yuan)`, 'decimal', description, example, {
    unit: WAN_YUAN,
    min: 0,
  });

/** The 8 categories of R&D expense of the 高新技术企业 guidelines (jsonb keys). */
const RD_CATEGORIES: readonly [string, string, string, string][] = [
  ['personnel', '人员人工', 'personnel', '120'],
  ['directInputs', '直接投入', 'direct inputs', '80'],
  ['depreciation', '折旧与长期待摊', 'depreciation and amortised expenses', '20'],
  ['intangibleAmortisation', '无形资产摊销', 'amortisation of intangibles', '5'],
  ['design', '设计', 'design', '10'],
  ['equipmentTesting', '装备调试与试验', 'equipment commissioning and tests', '8'],
  ['commissioned', '委托外部研发', 'commissioned external R&D', '30'],
  ['other', '其他费用', 'other', '7'],
];

const enterprises: ImportKind = {
  name: 'enterprises',
  zh: '企业名录',
  en: 'Enterprises',
  table: 'enterprises',
  key: ['uscc'],
  conflict: ['uscc'],
  orderBy: ['uscc'],
  scope: (v) => ({ regionCode: v.region_code as string, uscc: v.uscc as string }),
  columns: [
    usccColumn('uscc', '统一社会信用代码', 'USCC', true, '91500112MA5U0002XA'),
    col(
      'name',
      '企业名称',
      'Name',
      'text',
      t('登记的企业全称', 'registered full name'),
      '重庆示例科技有限公司',
      {
        required: true,
      },
    ),
    col(
      'former_names',
      '曾用名',
      'Former names',
      'textList',
      t('以前的名称，多个用“；”分隔', 'earlier names, separated by ";"'),
      '重庆示例电子有限公司',
    ),
    regionColumn('region_code', '所在区县', 'Region', true),
    col(
      'zone_code',
      '所在功能区',
      'Functional zone',
      'zone',
      t(
        '功能区代码或名称（两江新区、西部（重庆）科学城、重庆高新区、万盛经开区），不在功能区则留空',
        'functional zone code or name; leave empty when none',
      ),
      '',
    ),
    col(
      'industry_code',
      '国民经济行业代码',
      'Industry code',
      'text',
      t(
        'GB/T 4754 行业代码：门类字母或 2–4 位数字（如 C3971 或 3971）',
        'GB/T 4754 industry: section letter and/or 2–4 digits (e.g. C3971 or 3971)',
      ),
      'C3971',
      { pattern: /^[A-T]?\d{2,4}$|^[A-T]$/ },
    ),
    col(
      'hightech_field_code',
      '高新技术领域',
      'High-tech field',
      'enum',
      t(
        '《国家重点支持的高新技术领域》一级或二级领域（名称或代码，如 电子信息 / 10、软件 / 101）',
        'field or sub-field of the national key supported high-tech fields (name or code, e.g. 10, 101)',
      ),
      '电子信息',
      { values: CODE_LISTS.hightechFields },
    ),
    col(
      'registered_on',
      '成立日期',
      'Registered on',
      'date',
      t('营业执照上的成立日期', 'date of establishment on the business licence'),
      '2015-06-18',
    ),
  ],
};

const enterpriseFigures: ImportKind = {
  name: 'enterpriseFigures',
  zh: '企业年度数据',
  en: 'Enterprise yearly figures',
  table: 'enterprise_year_figures',
  key: ['uscc', 'year'],
  conflict: ['enterprise_id', 'year'],
  reference: { field: 'uscc', column: 'enterprise_id' },
  orderBy: ['enterprise_id', 'year'],
  scope: (v) => ({ regionCode: v.region_code as string, uscc: v.uscc as string }),
  columns: [
    usccColumn('uscc', '统一社会信用代码', 'USCC', true, '91500112MA5U0002XA'),
    year(t('数据所属会计年度', 'accounting year of the figures')),
    money(
      'sales_revenue',
      '销售收入',
      'Sales revenue',
      t('主营业务收入＋其他业务收入', 'main plus other business revenue'),
      '5200',
    ),
    money('total_revenue', '总收入', 'Total revenue', t('收入总额', 'total revenue'), '5600'),
    money(
      'non_taxable_revenue',
      '不征税收入',
      'Non-taxable revenue',
      t('不征税收入', 'non-taxable revenue'),
      '50',
    ),
    money(
      'hightech_revenue',
      '高新技术产品（服务）收入',
      'High-tech product and service revenue',
      t('高新技术产品（服务）收入', 'revenue from high-tech products and services'),
      '3900',
    ),
    money(
      'rd_expense',
      '研发费用',
      'R&D expense',
      t('研究开发费用总额', 'total R&D expense'),
      '280',
    ),
    money(
      'rd_expense_domestic',
      '境内研发费用',
      'Domestic R&D expense',
      t('其中在中国境内发生的研发费用', 'of which incurred in China'),
      '280',
    ),
    ...RD_CATEGORIES.map(([key, zh, en, example]) =>
      money(
        `rd_expense_by_category.${key}`,
        `研发费用-${zh}`,
        `R&D expense - ${en}`,
        t(`研发费用中的${zh}费用`, `R&D expense: ${en}`),
        example,
      ),
    ),
    col(
      'staff_total',
      '职工总数（人）',
      'Total staff (persons)',
      'decimal',
      t('全年月平均职工人数', 'annual average of monthly staff'),
      '86',
      { unit: PERSONS, min: 0 },
    ),
    col(
      'staff_st',
      '科技人员数（人）',
      'S&T staff (persons)',
      'decimal',
      t('全年月平均科技人员数', 'annual average of monthly S&T staff'),
      '21',
      { unit: PERSONS, min: 0 },
    ),
    col(
      'net_assets',
      '净资产（万元）',
      'Net assets (10k yuan)',
      'decimal',
      t('年末净资产，可为负数', 'net assets at year end, may be negative'),
      '3100',
      { unit: WAN_YUAN },
    ),
    money(
      'total_assets',
      '总资产',
      'Total assets',
      t('年末资产总额', 'total assets at year end'),
      '7400',
    ),
    col(
      'ip_class1',
      'Ⅰ类知识产权数（件）',
      'Class I IP (items)',
      'integer',
      t('拥有的Ⅰ类知识产权（发明专利等）', 'class I IP held (invention patents, …)'),
      '3',
      { unit: PIECES, min: 0 },
    ),
    col(
      'ip_class2',
      'Ⅱ类知识产权数（件）',
      'Class II IP (items)',
      'integer',
      t(
        '拥有的Ⅱ类知识产权（实用新型、软件著作权等）',
        'class II IP held (utility models, software, …)',
      ),
      '12',
      { unit: PIECES, min: 0 },
    ),
    col(
      'conversions',
      '科技成果转化数（项）',
      'Conversions of results (items)',
      'integer',
      t('当年科技成果转化项数', 'results converted in the year'),
      '5',
      { unit: t('项', 'items'), min: 0 },
    ),
  ],
};

const qualifications: ImportKind = {
  name: 'qualifications',
  zh: '企业资质',
  en: 'Qualifications',
  table: 'qualifications',
  key: ['kind', 'number'],
  conflict: ['kind', 'number'],
  reference: { field: 'uscc', column: 'enterprise_id' },
  orderBy: ['kind', 'number'],
  scope: (v) => ({ regionCode: v.region_code as string, uscc: v.uscc as string }),
  columns: [
    usccColumn('uscc', '统一社会信用代码', 'USCC', true, '91500112MA5U0002XA'),
    col(
      'kind',
      '资质类型',
      'Kind',
      'enum',
      t('资质或认定的类型', 'kind of qualification'),
      '高新技术企业',
      {
        required: true,
        values: CODE_LISTS.qualificationKinds,
      },
    ),
    col(
      'number',
      '证书编号',
      'Number',
      'text',
      t('证书编号或入库登记编号', 'certificate or registration number'),
      'GR202351100123',
      { required: true },
    ),
    col(
      'issuer',
      '发证机关',
      'Issuer',
      'text',
      t('认定或发证机关', 'issuing authority'),
      '重庆市科学技术局',
    ),
    col(
      'issued_on',
      '发证日期',
      'Issued on',
      'date',
      t('发证或认定日期', 'date issued'),
      '2023-11-20',
    ),
    col(
      'expires_on',
      '有效期至',
      'Expires on',
      'date',
      t('有效期截止日期', 'last day of validity'),
      '2026-11-19',
    ),
    col(
      'status',
      '状态',
      'Status',
      'enum',
      t('资质状态，默认有效', 'status, default valid'),
      '有效',
      {
        values: CODE_LISTS.qualificationStatuses,
        default: 'valid',
      },
    ),
  ],
};

const platforms: ImportKind = {
  name: 'platforms',
  zh: '研发平台',
  en: 'R&D platforms',
  table: 'platforms',
  key: ['name', 'kind'],
  conflict: ['name', 'kind'],
  orderBy: ['name', 'kind'],
  scope: (v) => ({
    regionCode: v.region_code as string | null,
    uscc: v.host_uscc as string | null,
  }),
  columns: [
    col(
      'name',
      '平台名称',
      'Name',
      'text',
      t('平台全称', 'full name'),
      '重庆市示例智能装备工程技术研究中心',
      {
        required: true,
      },
    ),
    col('kind', '平台类型', 'Kind', 'enum', t('平台类型', 'kind of platform'), '工程技术研究中心', {
      required: true,
      values: CODE_LISTS.platformKinds,
    }),
    col(
      'level',
      '级别',
      'Level',
      'enum',
      t('国家级、市级或区县级', 'national, municipal or district'),
      '市级',
      {
        values: CODE_LISTS.platformLevels,
      },
    ),
    usccColumn('host_uscc', '依托单位统一社会信用代码', 'Host USCC', false, '91500112MA5U0002XA'),
    col(
      'host_name',
      '依托单位',
      'Host',
      'text',
      t('依托单位名称', 'host organisation'),
      '重庆示例科技有限公司',
    ),
    regionColumn('region_code', '所在区县', 'Region', true),
    col(
      'accredited_on',
      '认定日期',
      'Accredited on',
      'date',
      t('认定或备案日期', 'date accredited'),
      '2021-12-30',
    ),
    col(
      'evaluation',
      '评估结果',
      'Evaluation',
      'text',
      t('最近一次评估结果', 'latest evaluation result'),
      '良好',
    ),
  ],
};

const talents: ImportKind = {
  name: 'talents',
  zh: '人才与团队',
  en: 'Talents and teams',
  table: 'talents',
  key: ['name', 'category', 'organisation', 'year'],
  conflict: ['name', 'category', 'organisation', 'year'],
  orderBy: ['year', 'name', 'category', 'organisation'],
  scope: (v) => ({ regionCode: v.region_code as string | null }),
  columns: [
    col(
      'name',
      '姓名或团队名称',
      'Name',
      'text',
      t('人才姓名或团队名称', 'person or team'),
      '张三',
      {
        required: true,
      },
    ),
    col(
      'category',
      '人才类别',
      'Category',
      'enum',
      t('人才类别', 'talent category'),
      '市级人才计划入选者',
      {
        required: true,
        values: CODE_LISTS.talentCategories,
      },
    ),
    col(
      'organisation',
      '所在单位',
      'Organisation',
      'text',
      t('工作单位', 'employer'),
      '重庆示例科技有限公司',
      {
        required: true,
      },
    ),
    regionColumn('region_code', '所在区县', 'Region', true),
    year(t('入选年度', 'year selected')),
  ],
};

const patents: ImportKind = {
  name: 'patents',
  zh: '专利',
  en: 'Patents',
  table: 'patents',
  key: ['number'],
  conflict: ['number'],
  orderBy: ['number'],
  scope: (v) => ({
    regionCode: v.region_code as string | null,
    uscc: v.owner_uscc as string | null,
  }),
  columns: [
    col(
      'number',
      '专利号',
      'Number',
      'text',
      t('申请号或专利号', 'application or patent number'),
      'ZL202310123456.7',
      {
        required: true,
      },
    ),
    col(
      'type',
      '专利类型',
      'Type',
      'enum',
      t('发明、实用新型或外观设计', 'invention, utility model or design'),
      '发明',
      {
        values: CODE_LISTS.patentTypes,
      },
    ),
    col(
      'status',
      '法律状态',
      'Status',
      'enum',
      t('申请中、授权或失效', 'pending, granted or lapsed'),
      '授权',
      {
        values: CODE_LISTS.patentStatuses,
      },
    ),
    usccColumn('owner_uscc', '权利人统一社会信用代码', 'Owner USCC', false, '91500112MA5U0002XA'),
    col(
      'owner_name',
      '权利人',
      'Owner',
      'text',
      t('专利权人或申请人', 'owner or applicant'),
      '重庆示例科技有限公司',
    ),
    regionColumn('region_code', '所在区县', 'Region', true),
    col('applied_on', '申请日', 'Applied on', 'date', t('申请日', 'filing date'), '2023-01-10'),
    col('granted_on', '授权日', 'Granted on', 'date', t('授权公告日', 'grant date'), '2024-03-22'),
  ],
};

const achievements: ImportKind = {
  name: 'achievements',
  zh: '科技成果',
  en: 'Technology achievements',
  table: 'achievements',
  key: ['registration_number'],
  conflict: ['registration_number'],
  orderBy: ['registration_number'],
  scope: (v) => ({
    regionCode: v.region_code as string | null,
    uscc: v.owner_uscc as string | null,
  }),
  columns: [
    col(
      'registration_number',
      '登记号',
      'Registration number',
      'text',
      t('12 位科技成果登记号', '12-digit registration number'),
      '500023000123',
      {
        required: true,
        pattern: /^\d{12}$/,
      },
    ),
    col('name', '成果名称', 'Name', 'text', t('成果名称', 'title'), '示例高效电机控制技术', {
      required: true,
    }),
    col(
      'kind',
      '成果类型',
      'Kind',
      'enum',
      t('应用技术、基础理论或软科学', 'applied, basic or soft science'),
      '应用技术',
      {
        values: CODE_LISTS.achievementKinds,
      },
    ),
    col(
      'owner_name',
      '第一完成单位',
      'Owner',
      'text',
      t('第一完成单位名称', 'first completing organisation'),
      '重庆示例科技有限公司',
    ),
    usccColumn('owner_uscc', '完成单位统一社会信用代码', 'Owner USCC', false, '91500112MA5U0002XA'),
    regionColumn('region_code', '所在区县', 'Region', true),
    col(
      'registered_on',
      '登记日期',
      'Registered on',
      'date',
      t('登记日期', 'registration date'),
      '2023-09-01',
    ),
    col(
      'completed_on',
      '完成日期',
      'Completed on',
      'date',
      t('成果完成日期', 'completion date'),
      '2023-06-30',
    ),
    col(
      'evaluation_form',
      '评价方式',
      'Evaluation form',
      'text',
      t('鉴定、验收、评估、行业准入等', 'appraisal, acceptance, assessment, …'),
      '验收',
    ),
    col(
      'maturity',
      '成熟程度',
      'Maturity',
      'text',
      t('初期阶段、中期阶段或成熟应用阶段', 'early, middle or mature'),
      '成熟应用阶段',
    ),
    col(
      'level',
      '成果水平',
      'Level',
      'text',
      t('国际领先、国际先进、国内领先等', 'international leading, …'),
      '国内领先',
    ),
    col(
      'discipline_code',
      '学科分类',
      'Discipline code',
      'text',
      t('学科分类代码（GB/T 13745）', 'discipline code (GB/T 13745)'),
      '460',
    ),
    col(
      'industry_code',
      '国民经济行业代码',
      'Industry code',
      'text',
      t('GB/T 4754 行业代码', 'GB/T 4754 industry code'),
      'C3812',
      {
        pattern: /^[A-T]?\d{2,4}$|^[A-T]$/,
      },
    ),
    col(
      'ip_status',
      '知识产权形式',
      'IP status',
      'text',
      t('专利、软件著作权等', 'patent, software copyright, …'),
      '发明专利',
    ),
    col(
      'transfer_mode',
      '转化方式',
      'Transfer mode',
      'text',
      t('自行转化、转让、许可等', 'own use, transfer, licence, …'),
      '自行转化',
    ),
    col('year', '登记年度', 'Year', 'integer', t('登记年度', 'year registered'), '2023', {
      min: 1949,
      max: 2100,
    }),
  ],
};

const contracts: ImportKind = {
  name: 'contracts',
  zh: '技术合同',
  en: 'Technology contracts',
  table: 'contracts',
  key: ['contract_number'],
  conflict: ['contract_number'],
  orderBy: ['contract_number'],
  scope: (v) => ({ regionCode: v.seller_region_code as string | null }),
  columns: [
    col(
      'contract_number',
      '合同登记号',
      'Contract number',
      'text',
      t('技术合同登记编号', 'registration number'),
      '2023500012000123',
      {
        required: true,
      },
    ),
    col(
      'type',
      '合同类型',
      'Type',
      'enum',
      t(
        '技术开发、转让、许可、咨询或服务',
        'development, transfer, licence, consulting or service',
      ),
      '技术开发',
      {
        required: true,
        values: CODE_LISTS.contractTypes,
      },
    ),
    money('amount', '成交金额', 'Amount', t('合同成交金额', 'contract amount'), '150'),
    regionColumn(
      'seller_region_code',
      '卖方所在区县',
      'Seller region',
      true,
      t('（技术输出方）', ' (technology output)'),
    ),
    regionColumn(
      'buyer_region_code',
      '买方所在区县',
      'Buyer region',
      false,
      t('（技术吸纳方；重庆市外留空）', ' (technology absorption; empty outside Chongqing)'),
    ),
    col(
      'field',
      '技术领域',
      'Field',
      'text',
      t('合同所属技术领域', 'technology field'),
      '先进制造',
    ),
    col(
      'signed_on',
      '签订日期',
      'Signed on',
      'date',
      t('合同签订日期', 'date signed'),
      '2023-04-12',
    ),
  ],
};

const projects: ImportKind = {
  name: 'projects',
  zh: '科技项目',
  en: 'Projects',
  table: 'projects',
  key: ['code'],
  conflict: ['code'],
  orderBy: ['code'],
  scope: (v) => ({
    regionCode: v.region_code as string | null,
    uscc: v.owner_uscc as string | null,
  }),
  columns: [
    col('code', '项目编号', 'Code', 'text', t('项目编号', 'project code'), 'CSTB2023TIAD-KPX0001', {
      required: true,
    }),
    col('name', '项目名称', 'Name', 'text', t('项目名称', 'title'), '示例关键技术研发', {
      required: true,
    }),
    col(
      'level',
      '级别',
      'Level',
      'enum',
      t('国家级、市级或区县级', 'national, municipal or district'),
      '市级',
      {
        values: CODE_LISTS.projectLevels,
      },
    ),
    money('funding', '资助金额', 'Funding', t('财政资助金额', 'public funding'), '100'),
    col(
      'owner_name',
      '承担单位',
      'Owner',
      'text',
      t('项目承担单位', 'lead organisation'),
      '重庆示例科技有限公司',
    ),
    usccColumn('owner_uscc', '承担单位统一社会信用代码', 'Owner USCC', false, '91500112MA5U0002XA'),
    regionColumn('region_code', '所在区县', 'Region', true),
    col('year', '立项年度', 'Year', 'integer', t('立项年度', 'year started'), '2023', {
      min: 1949,
      max: 2100,
    }),
  ],
};

const targets: ImportKind = {
  name: 'targets',
  zh: '目标值',
  en: 'Targets',
  table: 'targets',
  key: ['scope_kind', 'scope_code', 'indicator_code', 'year'],
  conflict: ['scope_kind', 'scope_code', 'indicator_code', 'year'],
  orderBy: ['scope_kind', 'scope_code', 'indicator_code', 'year'],
  scope: (v) => ({ regionCode: v.scope_kind === 'region' ? (v.scope_code as string) : null }),
  refine(values) {
    const code = String(values.scope_code ?? '');
    if (values.scope_kind === 'city') {
      values.scope_code = '500000';
      return undefined;
    }
    if (values.scope_kind !== 'region') return undefined;
    const region = resolveRegion(code);
    if (!region.ok) return { field: 'scope_code', zh: region.zh, en: region.en };
    values.scope_code = region.value;
    return undefined;
  },
  columns: [
    col(
      'scope_kind',
      '范围类型',
      'Scope kind',
      'enum',
      t('区县、片区或全市', 'region, group or city'),
      '区县',
      {
        required: true,
        values: CODE_LISTS.scopeKinds,
      },
    ),
    col(
      'scope_code',
      '范围',
      'Scope',
      'text',
      t(
        '区县代码或名称；片区名称（如 主城新区）；全市填 500000',
        'region code or name; group name (e.g. 主城新区); city: 500000',
      ),
      '渝北区',
      {
        required: true,
      },
    ),
    col(
      'indicator_code',
      '指标代码',
      'Indicator code',
      'text',
      t('指标代码', 'indicator code'),
      'CQ_X_HTE_PER_10K',
      {
        required: true,
      },
    ),
    year(t('目标年度', 'target year'), '2027'),
    col(
      'value',
      '目标值',
      'Value',
      'decimal',
      t('目标数值，单位同指标', 'target, in the indicator’s unit'),
      '1200',
      {
        required: true,
      },
    ),
    col(
      'document',
      '依据文件',
      'Document',
      'text',
      t('目标出处的文件名称', 'document setting the target'),
      '重庆市科技型企业和高新技术企业“双倍增”行动计划',
    ),
    col(
      'source',
      '来源链接',
      'Source',
      'text',
      t('文件链接', 'link to the document'),
      'https://kjj.cq.gov.cn/',
    ),
  ],
};

const indicators: ImportKind = {
  name: 'indicators',
  zh: '指标值',
  en: 'Indicator values',
  table: 'indicator_values',
  key: ['region_code', 'year', 'indicator_code', 'edition'],
  conflict: ['region_code', 'year', 'indicator_code', 'edition'],
  orderBy: ['edition', 'indicator_code', 'region_code', 'year'],
  scope: (v) => ({ regionCode: v.region_code as string }),
  columns: [
    regionColumn(
      'region_code',
      '区县',
      'Region',
      true,
      t('；全市填 500000', '; 500000 for the city'),
    ),
    year(t('数据年度', 'data year')),
    col(
      'indicator_code',
      '指标代码',
      'Indicator code',
      'text',
      t('指标代码（与指标体系一致）', 'indicator code (as in the framework)'),
      'CQ_RD_INTENSITY',
      {
        required: true,
      },
    ),
    col(
      'value',
      '数值',
      'Value',
      'decimal',
      t('指标数值；未报告留空', 'value; empty when not reported'),
      '2.36',
    ),
    col('unit', '单位', 'Unit', 'text', t('计量单位', 'unit'), '%'),
    col(
      'source_url',
      '来源',
      'Source',
      'text',
      t('来源链接，或合成数据的生成方法', 'source URL, or how a synthetic value was made'),
      'https://tjj.cq.gov.cn/',
    ),
    col(
      'synthetic',
      '合成数据',
      'Synthetic',
      'boolean',
      t('是否为合成（非真实）数据', 'whether the value is synthetic (not real)'),
      '否',
      {
        default: false,
      },
    ),
    col(
      'edition',
      '版本',
      'Edition',
      'text',
      t('数据版本，可留空', 'data edition, may be empty'),
      '2024年版',
      {
        default: '',
      },
    ),
  ],
};

/** Every import kind, by name. */
/** Published index results (已发布指数结果), as the report printed them, for comparison. */
const publishedResults: ImportKind = {
  name: 'publishedResults',
  zh: '已发布指数结果',
  en: 'Published index results',
  table: 'published_results',
  key: ['edition', 'region_code'],
  conflict: ['edition', 'region_code'],
  orderBy: ['edition', 'region_code'],
  scope: (v) => ({ regionCode: v.region_code as string }),
  columns: [
    col(
      'edition',
      '版本',
      'Edition',
      'text',
      t(
        '报告版本，如 2023 年版（2022 年数据）',
        'report edition, e.g. the 2023 edition (2022 data)',
      ),
      '2023',
      { required: true },
    ),
    regionColumn(
      'region_code',
      '区县',
      'Region',
      true,
      t('；全市填 500000', '; 500000 for the city'),
    ),
    col(
      'value',
      '指数值',
      'Index value',
      'decimal',
      t('综合指数（%）', 'composite index (%)'),
      '70.70',
    ),
    col('tier', '梯队', 'Tier', 'text', t('如 第一梯队', 'e.g. 第一梯队'), '第一梯队'),
    col('rank', '排名', 'Rank', 'integer', t('报告中的名次', 'rank in the report'), '3'),
    col(
      'source',
      '来源',
      'Source',
      'text',
      t('来源链接', 'source URL'),
      'http://www.te-ch.tech/news/show-323196.html',
      { required: true },
    ),
  ],
};

export const IMPORT_KINDS = {
  enterprises,
  enterpriseFigures,
  qualifications,
  platforms,
  talents,
  patents,
  achievements,
  contracts,
  projects,
  targets,
  indicators,
  publishedResults,
} as const satisfies Record<string, ImportKind>;

/** Name of an import kind (`kechuang import <kind>`). */
export type ImportKindName = keyof typeof IMPORT_KINDS;

/** The names of the import kinds, in the order above. */
export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];

/** Whether `name` is an import kind. */
export function isImportKindName(name: string): name is ImportKindName {
  return Object.hasOwn(IMPORT_KINDS, name);
}

/** The kind named `name`; throws for an unknown name (check with {@link isImportKindName}). */
export function getImportKind(name: string): ImportKind {
  if (!isImportKindName(name)) {
    throw new Error(
      `未知的导入类型 ${name}（可选：${IMPORT_KIND_NAMES.join('、')}）\nunknown import kind ${name} (one of: ${IMPORT_KIND_NAMES.join(', ')})`,
    );
  }
  return IMPORT_KINDS[name];
}
