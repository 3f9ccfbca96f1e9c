/**
 * The self-assessment form's fields: paths into the enterprise profile of
 * `packages/qualification/schema/enterprise-profile.schema.json` (money in 万元, staff as annual
 * averages, ratios as fractions), with labels in both languages. `profileFields.test.ts` checks
 * every path against that schema.
 */

/** A form field: its path in the profile and how it is entered. */
export type ProfileField = {
  path: string;
  zh: string;
  en: string;
  input: 'text' | 'date' | 'money' | 'count' | 'boolean' | 'select' | 'region';
  options?: { value: string; zh: string; en: string }[];
  required?: boolean;
  hint?: { zh: string; en: string };
};

/** Basic facts of the enterprise. */
export const BASIC_FIELDS: ProfileField[] = [
  { path: 'name', zh: '企业名称', en: 'Enterprise name', input: 'text', required: true },
  {
    path: 'uscc',
    zh: '统一社会信用代码',
    en: 'Unified social credit code',
    input: 'text',
    required: true,
  },
  {
    path: 'registrationDate',
    zh: '注册成立日期',
    en: 'Registration date',
    input: 'date',
    required: true,
  },
  { path: 'region', zh: '所在区县', en: 'District', input: 'region' },
  {
    path: 'highTechField',
    zh: '高新技术领域代码',
    en: 'High-tech field code',
    input: 'text',
    hint: { zh: '如 10、101、10101', en: 'e.g. 10, 101, 10101' },
  },
  { path: 'industryCode', zh: '国民经济行业代码', en: 'Industry code (GB/T 4754)', input: 'text' },
  {
    path: 'size',
    zh: '企业规模',
    en: 'Enterprise size',
    input: 'select',
    options: [
      { value: 'large', zh: '大型', en: 'Large' },
      { value: 'medium', zh: '中型', en: 'Medium' },
      { value: 'small', zh: '小型', en: 'Small' },
      { value: 'micro', zh: '微型', en: 'Micro' },
    ],
  },
  {
    path: 'taxation.residentEnterprise',
    zh: '居民企业',
    en: 'Resident enterprise',
    input: 'boolean',
  },
  {
    path: 'taxation.auditCollection',
    zh: '查账征收',
    en: 'Tax on audited books',
    input: 'boolean',
  },
  {
    path: 'taxation.soundAccounting',
    zh: '会计核算健全，能准确归集研发费用',
    en: 'Sound accounting of R&D costs',
    input: 'boolean',
  },
  {
    path: 'incidentScreening',
    zh: '已核查信用与监管记录（近一年无重大事故、失信等）',
    en: 'Credit and regulatory records checked (no incidents in the last year)',
    input: 'boolean',
  },
];

/** Figures of one accounting year (three years are asked for). */
export const YEAR_FIELDS: ProfileField[] = [
  {
    path: 'years[].salesRevenue',
    zh: '销售收入（万元）',
    en: 'Sales revenue (万元)',
    input: 'money',
  },
  {
    path: 'years[].totalRevenue',
    zh: '收入总额（万元）',
    en: 'Total revenue (万元)',
    input: 'money',
  },
  {
    path: 'years[].highTechProductRevenue',
    zh: '高新技术产品（服务）收入（万元）',
    en: 'High-tech product revenue (万元)',
    input: 'money',
  },
  {
    path: 'years[].rdExpense',
    zh: '研发费用总额（万元）',
    en: 'R&D expense (万元)',
    input: 'money',
  },
  {
    path: 'years[].rdExpenseDomestic',
    zh: '境内研发费用（万元）',
    en: 'R&D in China (万元)',
    input: 'money',
  },
  { path: 'years[].totalStaff', zh: '职工总数（人）', en: 'Total staff', input: 'count' },
  { path: 'years[].stStaff', zh: '科技人员（人）', en: 'S&T staff', input: 'count' },
  {
    path: 'years[].totalAssets',
    zh: '资产总额（万元）',
    en: 'Total assets (万元)',
    input: 'money',
  },
  {
    path: 'years[].totalLiabilities',
    zh: '负债总额（万元）',
    en: 'Total liabilities (万元)',
    input: 'money',
  },
  {
    path: 'years[].conversions',
    zh: '科技成果转化数（项）',
    en: 'Conversions (count)',
    input: 'count',
  },
];

/** One intellectual-property item. */
export const IP_FIELDS: ProfileField[] = [
  { path: 'ip[].id', zh: '编号', en: 'Number', input: 'text', required: true },
  {
    path: 'ip[].type',
    zh: '类型',
    en: 'Type',
    input: 'select',
    required: true,
    options: [
      { value: 'invention', zh: '发明专利（Ⅰ类）', en: 'Invention patent (class I)' },
      { value: 'utilityModel', zh: '实用新型（Ⅱ类）', en: 'Utility model (class II)' },
      { value: 'design', zh: '外观设计（Ⅱ类）', en: 'Design (class II)' },
      { value: 'softwareCopyright', zh: '软件著作权（Ⅱ类）', en: 'Software copyright (class II)' },
      { value: 'icLayoutDesign', zh: '集成电路布图设计（Ⅰ类）', en: 'IC layout design (class I)' },
      { value: 'trademark', zh: '商标（不计）', en: 'Trademark (never counts)' },
    ],
  },
  {
    path: 'ip[].acquisition',
    zh: '获得方式',
    en: 'Acquisition',
    input: 'select',
    required: true,
    options: [
      { value: 'ownRd', zh: '自主研发', en: 'Own R&D' },
      { value: 'purchase', zh: '受让', en: 'Purchase' },
      { value: 'gift', zh: '受赠', en: 'Gift' },
      { value: 'merger', zh: '并购', en: 'Merger' },
    ],
  },
  { path: 'ip[].grantDate', zh: '授权日期', en: 'Grant date', input: 'date', required: true },
];

/** Every field of the form. */
export const PROFILE_FIELDS: ProfileField[] = [...BASIC_FIELDS, ...YEAR_FIELDS, ...IP_FIELDS];
