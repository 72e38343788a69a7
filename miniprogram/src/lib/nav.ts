import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  bindPhone: '/pages/bind-phone/index',
  realName: '/pages/real-name/index',
  pin: '/pages/pin/index',
  openAccount: '/pages/open-account/index',
  topUp: '/pages/top-up/index',
  withdraw: '/pages/withdraw/index',
  transfer: '/pages/transfer/index',
  history: '/pages/history/index',
  result: '/pages/result/index',
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

export function goTo(url: PagePath): void {
  void Taro.navigateTo({ url });
}

/** Restart the page stack at home, so Back never returns to a finished form. */
export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

export function goLogin(): void {
  void Taro.reLaunch({ url: PAGES.login });
}
