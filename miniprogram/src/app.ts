import { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { recordShareOpen } from './api/rm';
import './app.css';

function App({ children }: PropsWithChildren) {
  // A share card or QR poster of a relationship manager opens the app with a code: record the
  // visit at once, before sign-in (a warm start arrives as a show, not a launch).
  useLaunch((options) => void recordShareOpen(options.query));
  useDidShow((options) => void recordShareOpen(options?.query));
  return children;
}

export default App;
