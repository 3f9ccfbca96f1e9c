/**
 * Public self-assessment (资质自评): the enterprise enters its profile, picks a rule set (高企,
 * 科技型中小企业, MIIT tiers …, from `GET /api/assessments/rule-sets`) and sees every criterion
 * with the rule, its own value, the threshold and the gap, and the source article.
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { AssessmentResult, CriterionResult, RuleSetInfo } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useRegions } from '../api/useRegions.ts';
import { buildProfile, type ProfileFormValues } from '../assessment/buildProfile.ts';
import { EXAMPLE_FORM } from '../assessment/exampleProfile.ts';
import {
  BASIC_FIELDS,
  IP_FIELDS,
  type ProfileField,
  YEAR_FIELDS,
} from '../assessment/profileFields.ts';
import { LoadState } from '../components/LoadState.tsx';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';

const OUTCOME_COLOURS: Record<string, string> = {
  met: 'green',
  unmet: 'red',
  needsReview: 'gold',
  notApplicable: 'default',
  pass: 'green',
  fail: 'red',
};

/** A path like `taxation.residentEnterprise` as an antd name path. */
function namePath(path: string): string[] {
  return path.split('.');
}

/** Props of {@link FieldInput}: the field, its label, and what `Form.Item` injects. */
type FieldInputProps = {
  field: ProfileField;
  label: string;
  id?: string;
  value?: never;
  onChange?: never;
};

/** The input of one basic or IP field; passes `Form.Item`'s value, onChange and id through. */
function FieldInput({ field, label, ...control }: FieldInputProps) {
  const { t, lang, pick } = useT();
  const { regions } = useRegions();
  switch (field.input) {
    case 'money':
    case 'count':
      return <InputNumber {...control} aria-label={label} min={0} style={{ width: '100%' }} />;
    case 'date':
      return <Input {...control} aria-label={label} type="date" />;
    case 'boolean':
      return (
        <Radio.Group
          {...control}
          aria-label={label}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      );
    case 'select':
      return (
        <Select
          {...control}
          aria-label={label}
          allowClear
          options={(field.options ?? []).map((o) => ({ value: o.value, label: o[lang] }))}
        />
      );
    case 'region':
      return (
        <Select
          {...control}
          aria-label={label}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={regions.map((r) => ({ value: r.code, label: pick(r) }))}
        />
      );
    default:
      return <Input {...control} aria-label={label} />;
  }
}

/** A criterion's value or threshold for display (ratios as %, money in 万元). */
function showValue(v: CriterionResult['value'], unit: string, lang: 'zh' | 'en'): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean')
    return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (typeof v === 'number') {
    if (unit === 'ratio') return `${(v * 100).toFixed(1)}%`;
    const n = Number.isInteger(v) ? String(v) : v.toFixed(2);
    return unit === 'code' || unit === 'count' || unit === 'boolean' ? n : `${n} ${unit}`;
  }
  return String(v);
}

/** The assessment page. */
export function AssessmentPage() {
  const { t, lang, pick } = useT();
  const [form] = Form.useForm<ProfileFormValues>();
  const { user } = useSession();
  const ruleSets = useApi<RuleSetInfo[]>('/assessments/rule-sets');
  const [ruleSet, setRuleSet] = useState<string>();
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const asOf = new Date().toISOString().slice(0, 10);
  const latestYear = Number(asOf.slice(0, 4)) - 1;
  const years = [latestYear, latestYear - 1, latestYear - 2];
  const chosen = ruleSet ?? ruleSets.data?.[0]?.id;

  const submit = async (values: ProfileFormValues) => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await api.post<AssessmentResult>('/assessments', {
          ruleSet: chosen,
          asOf,
          profile: buildProfile(values, latestYear),
        }),
      );
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const label = (f: ProfileField) => f[lang];
  const outcomeText = (o: string) =>
    o === 'met' || o === 'pass'
      ? t(o === 'pass' ? 'assess.eligible' : 'assess.met')
      : o === 'unmet' || o === 'fail'
        ? t(o === 'fail' ? 'assess.notEligible' : 'assess.notMet')
        : o === 'needsReview'
          ? t('assess.review')
          : o;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('assess.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('assess.intro')}</Typography.Paragraph>
      <LoadState
        loading={ruleSets.loading && !ruleSets.data}
        error={ruleSets.error}
        retry={ruleSets.reload}
      >
        <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
          <Card size="small" title={t('assess.ruleSet')}>
            <Space wrap>
              <Select
                aria-label={t('assess.ruleSet')}
                style={{ minWidth: 360 }}
                value={chosen}
                onChange={(v: string) => setRuleSet(v)}
                options={(ruleSets.data ?? []).map((r) => ({
                  value: r.id,
                  label: `${pick(r)} · ${r.version}`,
                }))}
                data-testid="rule-set"
              />
              <Button
                onClick={() =>
                  // An enterprise user assesses her own enterprise: keep her credit code.
                  form.setFieldsValue({
                    ...EXAMPLE_FORM,
                    uscc: user?.uscc ?? EXAMPLE_FORM.uscc,
                  } as ProfileFormValues)
                }
              >
                {lang === 'zh' ? '填入合成示例' : 'Fill in the synthetic example'}
              </Button>
            </Space>
          </Card>
          <Card size="small" title={t('assess.section.basic')} style={{ marginTop: 16 }}>
            <Row gutter={16}>
              {BASIC_FIELDS.map((f) => (
                <Col xs={24} md={12} xl={8} key={f.path}>
                  <Form.Item
                    name={namePath(f.path)}
                    label={label(f)}
                    extra={f.hint?.[lang]}
                    rules={f.required ? [{ required: true, message: label(f) }] : []}
                  >
                    <FieldInput field={f} label={label(f)} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title={t('assess.section.revenue')} style={{ marginTop: 16 }}>
            <table style={{ width: '100%', borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  <th style={{ textAlign: 'left' }} scope="col">
                    {t('profile.indicator')}
                  </th>
                  {years.map((y) => (
                    <th key={y} scope="col" style={{ textAlign: 'left' }}>
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {YEAR_FIELDS.map((f) => (
                  <tr key={f.path}>
                    <th
                      scope="row"
                      style={{ textAlign: 'left', fontWeight: 'normal', paddingRight: 8 }}
                    >
                      {label(f)}
                    </th>
                    {years.map((y, i) => (
                      <td key={y} style={{ padding: '2px 4px' }}>
                        <Form.Item name={['years', i, f.path.replace('years[].', '')]} noStyle>
                          <InputNumber
                            aria-label={`${label(f)} ${y}`}
                            min={0}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Card size="small" title={t('assess.section.ip')} style={{ marginTop: 16 }}>
            <Form.List name="ip">
              {(items, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {items.map((item) => (
                    <Row gutter={8} key={item.key} align="bottom">
                      {IP_FIELDS.map((f) => {
                        const key = f.path.replace('ip[].', '');
                        return (
                          <Col xs={24} md={5} key={f.path}>
                            <Form.Item
                              name={[item.name, key]}
                              label={label(f)}
                              rules={f.required ? [{ required: true, message: label(f) }] : []}
                            >
                              <FieldInput field={f} label={label(f)} />
                            </Form.Item>
                          </Col>
                        );
                      })}
                      <Col xs={24} md={4}>
                        <Form.Item>
                          <Button onClick={() => remove(item.name)}>−</Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ acquisition: 'ownRd' })}>
                    + {t('assess.section.ip')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Card>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            style={{ marginTop: 16 }}
            data-testid="assess-run"
          >
            {t('assess.run')}
          </Button>
        </Form>
      </LoadState>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={pick(error.text)}
          description={error.details ? JSON.stringify(error.details) : undefined}
        />
      )}
      {result && (
        <Card
          size="small"
          title={t('assess.result')}
          data-testid="assess-result"
          extra={
            <Tag color={OUTCOME_COLOURS[result.outcome]} data-testid="assess-outcome">
              {result.outcome === 'needsReview'
                ? t('assess.reviewAll')
                : outcomeText(result.outcome)}
            </Tag>
          }
        >
          {result.score && (
            <Typography.Paragraph>
              {lang === 'zh' ? '评分' : 'Score'}: {result.score.min}
              {result.score.max !== result.score.min ? `–${result.score.max}` : ''}
            </Typography.Paragraph>
          )}
          <Table<CriterionResult>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={result.criteria}
            data-testid="assess-criteria"
            rowClassName={(c) => (c.partOf ? 'kc-sub' : '')}
            columns={[
              {
                title: t('assess.criterion'),
                key: 'text',
                render: (_, c) => (
                  <span style={{ paddingLeft: c.partOf ? 16 : 0 }}>
                    {pick(c.text)}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.source.url ? (
                        <a href={c.source.url} target="_blank" rel="noreferrer">
                          {`${c.source.document} ${c.source.article}`}
                        </a>
                      ) : (
                        `${c.source.document} ${c.source.article}`
                      )}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: '',
                key: 'outcome',
                width: 100,
                render: (_, c) => (
                  <Tag color={OUTCOME_COLOURS[c.outcome]}>{outcomeText(c.outcome)}</Tag>
                ),
              },
              {
                title: t('assess.actual'),
                key: 'value',
                render: (_, c) => (
                  <span>
                    {showValue(c.value, c.unit, lang)}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {pick(c.detail)}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: t('assess.required'),
                key: 'threshold',
                width: 120,
                render: (_, c) => showValue(c.threshold, c.unit, lang),
              },
              {
                title: t('assess.gap'),
                key: 'gap',
                render: (_, c) => (
                  <span data-testid={c.gap ? 'criterion-gap' : undefined}>
                    {c.gap ? (
                      <Typography.Text type="danger">{pick(c.gap.text)}</Typography.Text>
                    ) : null}
                    {c.note ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {pick(c.note)}
                      </Typography.Text>
                    ) : null}
                  </span>
                ),
              },
            ]}
          />
          {result.notes.length > 0 && (
            <ul>
              {result.notes.map((n) => (
                <li key={n.zh}>{pick(n)}</li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </Space>
  );
}
