// 法护营商: the business-environment lines' registers — the credit-repair proactive list, law firms and lawyers,
// the compliance centre and foreign-related services. Each tab loads only when opened.
import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const ProactiveTab = lazy(() => import('./business/ProactiveTab.tsx'));
const LawyersTab = lazy(() => import('./business/LawyersTab.tsx'));
const ServicesTab = lazy(() => import('./business/ServicesTab.tsx'));

export default function BusinessServicesPage() {
  const { t } = useTranslation();
  const tab = (C: React.ComponentType) => (
    <Suspense fallback={null}>
      <C />
    </Suspense>
  );
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'credit', label: t('business.proactive'), children: tab(ProactiveTab) },
        { key: 'lawyers', label: t('business.firms'), children: tab(LawyersTab) },
        { key: 'services', label: t('business.guidelines'), children: tab(ServicesTab) },
      ]}
    />
  );
}
