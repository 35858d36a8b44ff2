import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n/index.ts';

interface State {
  error: Error | null;
}

/**
 * Keeps one broken page from blanking the whole app: shows what happened and offers a reload (which also
 * fixes the usual cause after an upgrade, a page chunk that no longer exists on the server).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('page crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{i18n.t('common.pageError')}</h1>}
        subTitle={i18n.t('common.pageErrorText')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t('common.reloadPage')}
          </Button>
        }
      />
    );
  }
}
