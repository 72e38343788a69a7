import { act, render, type RenderResult } from '@testing-library/react';
import { HOOKS_APP_ID, safeExecute } from '@tarojs/runtime';
import type { ReactElement } from 'react';

/**
 * Renders a component and then shows it, as Taro shows a page after mounting it: the show
 * lifecycle runs the useDidShow callbacks (registered under HOOKS_APP_ID by a component that is
 * rendered on its own rather than inside a Taro page).
 */
export async function renderShown(ui: ReactElement): Promise<RenderResult> {
  const view = render(ui);
  await act(async () => {
    safeExecute(HOOKS_APP_ID, 'onShow');
  });
  return view;
}
