import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';

/** Props of {@link LoadState}. */
export type LoadStateProps = {
  loading: boolean;
  error?: ApiError | undefined;
  retry?: () => void;
  children?: ReactNode;
};

/**
 * A spinner while loading, the API's bilingual message when a call failed (with a retry), else
 * the children.
 */
export function LoadState({ loading, error, retry, children }: LoadStateProps) {
  const { t, pick } = useT();
  if (error) {
    return (
      <Alert
        type={error.status === 401 || error.status === 403 ? 'warning' : 'error'}
        showIcon
        title={t('common.error')}
        description={`${pick(error.text)} (${error.code})`}
        action={retry ? <Button onClick={retry}>{t('common.retry')}</Button> : undefined}
      />
    );
  }
  if (loading) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} aria-live="polite">
        <Spin description={t('common.loading')} />
      </div>
    );
  }
  return <>{children}</>;
}
