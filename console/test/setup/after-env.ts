import '@testing-library/jest-dom/jest-globals';
import { beforeEach } from '@jest/globals';

// antd's responsive helpers ask the browser for media queries, which jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

// rc-table measures the scrollbar with a pseudo-element, which jsdom does not implement (noise only).
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

beforeEach(() => {
  sessionStorage.clear();
  Object.assign(globalThis, { STAGE: '' });
  // No test reaches the network: without fakeApi() a request fails like a dropped connection.
  globalThis.fetch = () => Promise.reject(new TypeError('no fake API in this test'));
});
