import '@testing-library/jest-dom/jest-globals';
import { beforeEach, jest } from '@jest/globals';
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime';
import Taro from '@tarojs/taro';
import React from 'react';
import ReactDOM from 'react-dom';

// What Taro's H5 entry does before rendering a component of its own (taro-loader's h5 entry for
// native components): hand React to Taro's framework runtime, which its hooks (useDidShow, …)
// and event batching use.
createH5NativeComponentConfig(null, React, ReactDOM);

beforeEach(() => {
  // Taro's H5 storage is localStorage: every test starts signed out, with nothing stored.
  localStorage.clear();
  // No test reaches the network: without fakeApi() a request fails like a dropped connection.
  globalThis.fetch = () => Promise.reject(new TypeError('no fake API in this test'));
  // jsdom runs no Taro app router: navigation is recorded (tests read the spies) instead of
  // performed, and the spies are restored after each test (restoreMocks). The app calls these
  // as `Taro.navigateTo(…)` on the default export: they are not in H5's definition.json, so
  // transform-taroapi leaves them there.
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' });
  jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
});
