// Says that a form was filled from the user's unsent draft, with a way to start afresh.
import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export function DraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('draft.restored', { time: dayjs(savedAt).format('YYYY-MM-DD HH:mm') })}
      action={
        <Button size="small" onClick={onDiscard} data-testid="draft-discard">
          {t('draft.discard')}
        </Button>
      }
      data-testid="draft-restored"
    />
  );
}
