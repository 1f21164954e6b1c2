// Entry: i18n first (it sets the document language), then antd theme/locale around the session and routes.
import './i18n/index.ts';
import './styles.css';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './App.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { pruneDrafts } from './kernel/drafts.ts';
import { theme } from './theme.ts';

pruneDrafts();

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <App />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
