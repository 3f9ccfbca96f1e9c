import { describe, expect, test } from 'vitest';
import { makeProfile } from '../test/makeProfile.ts';
import {
  checkHighTechCertificateNumber,
  highTechExpiryDate,
  highTechTaxYears,
  lifecycleAlerts,
  techSmeRegistrationFlag,
} from './lifecycle.ts';
import type { ProfileInput } from './profile.ts';

const CERT = {
  kind: 'highTechEnterprise' as const,
  number: 'GR202250001234',
  issueDate: '2022-11-28',
};

function alerts(edit: (p: ProfileInput) => void, asOf: string, options = {}) {
  return lifecycleAlerts(makeProfile(edit), { asOf, ...options });
}
const codes = (a: { code: string }[]) => a.map((x) => x.code);

describe('HT-21 validity 3 years; 15 % from the issue year; expiry-year prepayment', () => {
  test('HT-21: a certificate of 2022-11-28 is valid until 2025-11-27; tax years 2022–2024', () => {
    expect(highTechExpiryDate('2022-11-28')).toBe('2025-11-28');
    expect(highTechTaxYears('2022-11-28')).toEqual([2022, 2023, 2024]);
  });

  test('HT-21: in the expiry year without re-application → warning, critical within 90 days; none the year before', () => {
    const base = (x: ProfileInput) => {
      x.qualifications = [CERT];
      x.annualReports = [2022, 2023, 2024].map((year) => ({
        kind: 'highTechEnterprise' as const,
        year,
        filedOn: `${year + 1}-05-01`,
      }));
    };
    expect(codes(alerts(base, '2024-12-31'))).not.toContain('hteExpiringThisYear');
    const jan = alerts(base, '2025-01-02').find((a) => a.code === 'hteExpiringThisYear');
    expect(jan?.severity).toBe('warning');
    expect(jan?.message.zh).toContain('15%');
    expect(alerts(base, '2025-08-30').find((a) => a.code === 'hteExpiringThisYear')?.severity).toBe(
      'critical',
    );
    expect(alerts(base, '2025-08-29').find((a) => a.code === 'hteExpiringThisYear')?.severity).toBe(
      'warning',
    );
    const renewed = alerts((x) => {
      base(x);
      if (x.qualifications?.[0]) x.qualifications[0].renewalAppliedOn = '2025-06-01';
    }, '2025-09-01');
    expect(codes(renewed)).not.toContain('hteExpiringThisYear');
    expect(codes(alerts(base, '2025-11-28'))).toContain('hteExpired');
  });
});

describe('HT-22 annual report by 5-31; 2 missed → cancellation', () => {
  const cert = (x: ProfileInput) => {
    x.qualifications = [CERT];
  };
  test('HT-22: due on 5-31 (filed on 5-31 is on time); one missed → warning; two → critical', () => {
    expect(alerts(cert, '2023-05-31').find((a) => a.code === 'hteAnnualReportDue')?.dueDate).toBe(
      '2023-05-31',
    );
    const onTime = alerts((x) => {
      cert(x);
      x.annualReports = [{ kind: 'highTechEnterprise', year: 2022, filedOn: '2023-05-31' }];
    }, '2023-06-01');
    expect(codes(onTime)).toEqual([]);
    const late = alerts((x) => {
      cert(x);
      x.annualReports = [{ kind: 'highTechEnterprise', year: 2022, filedOn: '2023-06-01' }];
    }, '2023-06-02');
    expect(codes(late)).toEqual(['hteAnnualReportMissed']);
    const two = alerts(cert, '2024-06-01');
    expect(codes(two)).toContain('hteCancellationRisk');
    expect(two.find((a) => a.code === 'hteCancellationRisk')?.severity).toBe('critical');
  });
});

describe('HT-23 material changes reported within 3 months', () => {
  test('HT-23: a rename on 2023-03-31 must be reported by 2023-06-30; unreported after → critical', () => {
    const change = (reportedOn?: string) => (x: ProfileInput) => {
      x.qualifications = [CERT];
      x.annualReports = [{ kind: 'highTechEnterprise', year: 2022, filedOn: '2023-05-01' }];
      x.changes = [{ kind: 'name', date: '2023-03-31', ...(reportedOn ? { reportedOn } : {}) }];
    };
    const due = alerts(change(), '2023-06-30').find((a) => a.code === 'hteChangeReportDue');
    expect(due?.dueDate).toBe('2023-06-30');
    expect(codes(alerts(change(), '2023-07-01'))).toContain('hteChangeNotReported');
    expect(codes(alerts(change('2023-06-30'), '2023-07-01'))).toEqual([]);
  });
});

describe('HT-24 certificate number format (soft check, ⚠ inferred)', () => {
  test('HT-24: GR + year + province + serial; the year should match the issue year', () => {
    expect(checkHighTechCertificateNumber('GR202250001234', '2022-11-28').ok).toBe(true);
    expect(checkHighTechCertificateNumber('GR20225000123', '2022-11-28').ok).toBe(false);
    expect(checkHighTechCertificateNumber('GR202350001234', '2022-11-28').ok).toBe(false);
    const a = alerts((x) => {
      x.qualifications = [{ ...CERT, number: 'GR-2022-1234' }];
    }, '2023-01-10');
    expect(a.find((x) => x.code === 'hteCertificateNumberFormat')?.severity).toBe('info');
  });
});

describe('TS-11 / TS-12 / TS-13 tech-SME registration', () => {
  const reg = (year: number) => (x: ProfileInput) => {
    x.qualifications = [
      {
        kind: 'techSme',
        number: `${year}5001120A000123`,
        issueDate: `${year}-05-01`,
        evaluationYear: year,
      },
    ];
  };
  test('TS-11: re-evaluate every year; under "次年3月31日" the old number holds until 03-31', () => {
    expect(codes(alerts(reg(2025), '2025-12-31'))).toEqual([]);
    const next = alerts(reg(2025), '2026-01-15');
    expect(next.find((a) => a.code === 'techSmeRegistrationDue')?.severity).toBe('warning');
    const march = alerts(reg(2025), '2026-03-31', { techSmeValidUntil: 'nextMarch31' });
    expect(march.find((a) => a.code === 'techSmeRegistrationDue')?.severity).toBe('info');
    const april = alerts(reg(2025), '2026-04-01', { techSmeValidUntil: 'nextMarch31' });
    expect(april.find((a) => a.code === 'techSmeRegistrationDue')?.severity).toBe('warning');
  });

  test('TS-12: the 11th character 0 / A / B of the registration number', () => {
    expect(techSmeRegistrationFlag('2025500112000123').flag).toBe('0');
    expect(techSmeRegistrationFlag('20255001120A00123').flag).toBe('0');
    expect(techSmeRegistrationFlag('2025500112A00123').flag).toBe('A');
    expect(techSmeRegistrationFlag('2025500112B00123').flag).toBe('B');
    expect(techSmeRegistrationFlag('2025500112C00123').flag).toBeNull();
  });

  test('TS-13: fraud bars the firm for 3 years; a revocation blocks the same year', () => {
    const fraud = alerts((x) => {
      x.incidents = [{ kind: 'seriousFraud', date: '2024-02-01' }];
    }, '2025-06-01');
    expect(fraud.find((a) => a.code === 'techSmeBarred')?.dueDate).toBe('2027-02-01');
    const revoked = alerts((x) => {
      x.qualifications = [
        {
          kind: 'techSme',
          number: '2025500112000123',
          issueDate: '2025-03-01',
          evaluationYear: 2025,
          status: 'revoked',
          revokedOn: '2025-05-01',
        },
      ];
    }, '2025-06-01');
    expect(codes(revoked)).toContain('techSmeRevokedThisYear');
  });
});

describe('MI-06 MIIT tiers: 3 years, annual update by 4-30 (Chongqing)', () => {
  const held = (x: ProfileInput) => {
    x.qualifications = [{ kind: 'specialisedSme', number: 'ZJTX-2023-1', issueDate: '2023-07-01' }];
  };
  test('MI-06: update due by 04-30; missed after → no 复核 (critical); filed → nothing', () => {
    expect(alerts(held, '2024-04-30').find((a) => a.code === 'miitAnnualUpdateDue')?.dueDate).toBe(
      '2024-04-30',
    );
    expect(
      alerts(held, '2024-05-01').find((a) => a.code === 'miitAnnualUpdateMissed')?.severity,
    ).toBe('critical');
    const filed = alerts((x) => {
      held(x);
      x.annualReports = [{ kind: 'specialisedSme', year: 2023, filedOn: '2024-04-30' }];
    }, '2024-05-01');
    expect(codes(filed)).toEqual([]);
  });

  test('MI-06: valid 3 years — an expiry alert in the final year, none after expiry', () => {
    const filedAll = (x: ProfileInput) => {
      held(x);
      x.annualReports = [2023, 2024, 2025].map((year) => ({
        kind: 'specialisedSme' as const,
        year,
        filedOn: `${year + 1}-04-01`,
      }));
    };
    expect(alerts(filedAll, '2026-02-01').find((a) => a.code === 'miitExpiring')?.dueDate).toBe(
      '2026-07-01',
    );
    expect(codes(alerts(filedAll, '2025-12-31'))).toEqual([]);
    expect(codes(alerts(filedAll, '2026-07-01'))).toEqual([]);
  });
});
