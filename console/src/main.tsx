import { ConfigProvider } from 'antd';
// The ES module itself: the CommonJS antd/locale/zh_CN reaches a production build as { default }, and
// every antd text fell back to English ("20 / page").
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/** antd's defaults fall short of 4.5:1 on white: its blue (#1677ff, 4.1:1) for links and primary
 *  buttons, its greys at 45% for labels, breadcrumbs and descriptions (3.4:1). A deeper blue (6:1)
 *  and greys at 62% (6:1) keep every text readable. */
const READABLE = {
  token: { colorPrimary: '#0958d9', colorInfo: '#0958d9', colorLink: '#0958d9', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextDescription: 'rgba(0, 0, 0, 0.62)' },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={READABLE}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
