import { ConfigProvider } from 'antd';
// The ES module itself: the CommonJS antd/locale/zh_CN reaches a production build as { default }, and
// every antd text fell back to English ("20 / page").
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
