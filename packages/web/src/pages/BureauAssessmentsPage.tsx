/**
 * For bureaus (培育与到期): candidate enterprises per 区县 for a rule set, closest to qualifying
 * first (`GET /api/assessments/candidates`), and qualifications expiring soon
 * (`GET /api/assessments/expiring`).
 */
import { Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AssessmentResult, RegistryRecord, RuleSetInfo } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useRegions } from '../api/useRegions.ts';
import { LoadState } from '../components/LoadState.tsx';
import { RecordValue } from '../components/RecordValue.tsx';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';

type Listed<T> = T[] | { items: T[] };

function itemsOf<T>(d: Listed<T> | undefined): T[] {
  return Array.isArray(d) ? d : (d?.items ?? []);
}

/** The bureau page. */
export function BureauAssessmentsPage() {
  const { t, pick } = useT();
  const { user } = useSession();
  const { regions, byCode } = useRegions();
  const ruleSets = useApi<RuleSetInfo[]>('/assessments/rule-sets');
  const [ruleSet, setRuleSet] = useState<string>();
  const [region, setRegion] = useState<string | undefined>(user?.regionCode ?? undefined);
  const [within, setWithin] = useState(90);
  const chosen = ruleSet ?? ruleSets.data?.[0]?.id;
  const candidates = useApi<Listed<AssessmentResult>>(chosen ? '/assessments/candidates' : null, {
    ruleSet: chosen,
    region,
  });
  const expiring = useApi<Listed<RegistryRecord>>('/assessments/expiring', { region, within });
  const expiringRows = itemsOf(expiring.data);
  const expiringFields = [...new Set(expiringRows.flatMap((r) => Object.keys(r)))].slice(0, 8);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('assess.bureauTitle')}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('assess.ruleSet')}
          style={{ minWidth: 320 }}
          value={chosen}
          onChange={(v: string) => setRuleSet(v)}
          options={(ruleSets.data ?? []).map((r) => ({
            value: r.id,
            label: `${pick(r)} · ${r.version}`,
          }))}
        />
        <Select
          aria-label={t('common.region')}
          placeholder={t('common.region')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          value={region}
          onChange={(v: string | undefined) => setRegion(v)}
          options={regions.map((r) => ({ value: r.code, label: pick(r) }))}
        />
      </Space>
      <Card size="small" title={t('assess.candidates')}>
        <LoadState loading={candidates.loading} error={candidates.error} retry={candidates.reload}>
          <Table<AssessmentResult>
            size="small"
            rowKey="uscc"
            dataSource={itemsOf(candidates.data)}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('common.name'),
                key: 'name',
                render: (_, a) => <Link to={`/registry/enterprises/${a.uscc}`}>{a.name}</Link>,
              },
              {
                title: t('admin.uscc'),
                dataIndex: 'uscc',
                render: (v: string) => <code>{v}</code>,
              },
              {
                title: t('assess.result'),
                dataIndex: 'outcome',
                render: (o: string) => (
                  <Tag color={o === 'pass' ? 'green' : o === 'fail' ? 'red' : 'gold'}>
                    {o === 'pass'
                      ? t('assess.eligible')
                      : o === 'fail'
                        ? t('assess.notEligible')
                        : t('assess.review')}
                  </Tag>
                ),
              },
              {
                title: t('assess.gap'),
                dataIndex: 'totalGap',
                align: 'right',
                render: (g: number) => g.toFixed(2),
              },
              {
                title: t('assess.criterion'),
                key: 'unmet',
                render: (_, a) =>
                  a.criteria
                    .filter((c) => c.outcome === 'unmet' && !c.partOf)
                    .map((c) => pick(c.gap?.text ?? c.text))
                    .join('；'),
              },
            ]}
          />
        </LoadState>
      </Card>
      <Card
        size="small"
        title={t('assess.expiring')}
        extra={
          <Space>
            <InputNumber
              aria-label={t('assess.within', { n: within })}
              min={1}
              max={730}
              value={within}
              onChange={(v) => setWithin(v ?? 90)}
            />
            <span>{t('assess.within', { n: within })}</span>
          </Space>
        }
      >
        <LoadState loading={expiring.loading} error={expiring.error} retry={expiring.reload}>
          <Table<RegistryRecord>
            size="small"
            rowKey={(r) => JSON.stringify(r)}
            dataSource={expiringRows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={expiringFields.map((f) => ({
              title: f,
              key: f,
              render: (_: unknown, r: RegistryRecord) => (
                <RecordValue value={r[f]} regions={byCode} />
              ),
            }))}
          />
        </LoadState>
      </Card>
    </Space>
  );
}
