import { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { recordShareOpen } from './api/rm';
import { loadSession } from './api/session';
import { PAGES } from './lib/nav';
import { listenForPrivacyRequests } from './lib/privacy';
import './app.css';

/** H5: a visitor with no session who opens the bare address starts on the login page. Done before
 *  the router reads the address, so home is neither fetched nor mounted only to send them on —
 *  one round of page chunks fewer before the first paint. Any other address is left as it is. */
function startSignedOutVisitorsAtLogin() {
  if (process.env.TARO_ENV !== 'h5') return;
  if (!['', '#', '#/'].includes(window.location.hash) || loadSession()) return;
  window.history.replaceState(window.history.state, '', `#${PAGES.login}`);
}

startSignedOutVisitorsAtLogin();

/** Taro's H5 navigation bar (app.config.ts window.navigationStyle) draws its back and home
 *  controls as bare icons: name them for screen readers. WeChat's own bar needs nothing. */
function labelH5NavigationBar() {
  if (process.env.TARO_ENV !== 'h5') return;
  const labels = { 'taro-navigation-bar-back': '返回', 'taro-navigation-bar-home': '返回首页' };
  for (const [className, label] of Object.entries(labels)) {
    const control = document.querySelector(`#taro-navigation-bar .${className}`);
    control?.setAttribute('role', 'button');
    control?.setAttribute('aria-label', label);
  }
}

function App({ children }: PropsWithChildren) {
  // A share card or QR poster of a relationship manager opens the app with a code: record the
  // visit at once, before sign-in (a warm start arrives as a show, not a launch).
  useLaunch((options) => {
    labelH5NavigationBar();
    listenForPrivacyRequests();
    void recordShareOpen(options.query);
  });
  useDidShow((options) => void recordShareOpen(options?.query));
  return children;
}

export default App;
