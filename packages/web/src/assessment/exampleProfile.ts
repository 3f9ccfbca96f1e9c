/**
 * A synthetic example enterprise (合成示例, not a real firm) for the self-assessment form: close
 * to 高企 but with R&D spending under the 5 % band, so the form shows a gap. The USCC is one of
 * the synthetic demo registry's codes (`data/demo/registry/enterprises.csv`).
 */
export const EXAMPLE_FORM = {
  name: '重庆示例智能装备有限公司（合成示例）',
  uscc: '91500101MA00001T0C',
  registrationDate: '2018-05-21',
  region: '500109',
  highTechField: '80',
  industryCode: 'C3491',
  size: 'small',
  taxation: { residentEnterprise: true, auditCollection: true, soundAccounting: true },
  incidentScreening: true,
  years: [
    {
      salesRevenue: 4000,
      totalRevenue: 4100,
      highTechProductRevenue: 2800,
      rdExpense: 180,
      rdExpenseDomestic: 180,
      totalStaff: 80,
      stStaff: 9,
      totalAssets: 6000,
      totalLiabilities: 2500,
      conversions: 3,
    },
    {
      salesRevenue: 3500,
      totalRevenue: 3550,
      highTechProductRevenue: 2300,
      rdExpense: 150,
      rdExpenseDomestic: 150,
      totalStaff: 72,
      stStaff: 8,
      totalAssets: 5200,
      totalLiabilities: 2300,
      conversions: 2,
    },
    {
      salesRevenue: 3000,
      totalRevenue: 3020,
      highTechProductRevenue: 1900,
      rdExpense: 120,
      rdExpenseDomestic: 120,
      totalStaff: 65,
      stStaff: 7,
      totalAssets: 4600,
      totalLiabilities: 2100,
      conversions: 2,
    },
  ],
  ip: [
    { id: 'ZL201910000001.X', type: 'invention', acquisition: 'ownRd', grantDate: '2021-06-18' },
    {
      id: '2022SR0000001',
      type: 'softwareCopyright',
      acquisition: 'ownRd',
      grantDate: '2022-03-02',
    },
    {
      id: '2022SR0000002',
      type: 'softwareCopyright',
      acquisition: 'ownRd',
      grantDate: '2022-09-14',
    },
  ],
};
