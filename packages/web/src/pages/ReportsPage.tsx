/** Reports (报告): choose a district report or the city report, each printable and as Excel. */
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useRegions } from '../api/useRegions.ts';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';

/** The reports page. */
export function ReportsPage() {
  const { t, pick } = useT();
  const { user } = useSession();
  const { regions } = useRegions();
  const [code, setCode] = useState<string | undefined>(user?.regionCode ?? undefined);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Card size="small" title={t('reports.district')}>
        <Space wrap>
          <Select
            aria-label={t('reports.pick')}
            placeholder={t('reports.pick')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            value={code}
            onChange={(v: string) => setCode(v)}
            options={regions.map((r) => ({ value: r.code, label: pick(r) }))}
          />
          <Link to={code ? `/reports/district/${code}` : '#'} aria-disabled={!code}>
            <Button type="primary" disabled={!code}>
              {t('reports.open')}
            </Button>
          </Link>
        </Space>
      </Card>
      <Card size="small" title={t('reports.city')}>
        <Link to="/reports/city">
          <Button type="primary">{t('reports.open')}</Button>
        </Link>
      </Card>
    </Space>
  );
}
