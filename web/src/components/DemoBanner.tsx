// While `npm start` loads the demo district in the background (a minute or two the first time), every page
// says so, instead of leaving a newcomer to wonder why lists and figures are empty; then offers a refresh.
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';

type DemoState = 'off' | 'loading' | 'loaded' | 'failed';

const POLL_MS = 5000;

export function DemoBanner() {
  const { t } = useTranslation();
  const [state, setState] = useState<DemoState>('off');
  const [sawLoading, setSawLoading] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const next = await api
        .get<{ state: DemoState }>('/api/demo/status')
        .then((s) => s.state)
        .catch((): DemoState => 'off');
      if (!live) return;
      setState(next);
      if (next === 'loading') {
        setSawLoading(true);
        timer = setTimeout(() => void poll(), POLL_MS);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  if (state === 'loading')
    return <Alert type="info" showIcon banner title={t('demo.loading')} data-testid="demo-banner" />;
  if (state === 'failed')
    return <Alert type="error" showIcon banner title={t('demo.failed')} data-testid="demo-banner" />;
  if (state === 'loaded' && sawLoading)
    return (
      <Alert
        type="success"
        showIcon
        banner
        closable
        title={t('demo.loaded')}
        action={
          <Button size="small" onClick={() => window.location.reload()}>
            {t('common.refresh')}
          </Button>
        }
        data-testid="demo-banner"
      />
    );
  return null;
}
