/// <reference types="@tarojs/taro" />

declare module '*.css';

/** Base URL of the Jinlin API, from env JINLIN_API_URL at build time (see config/index.ts). */
declare const API_BASE_URL: string;

/** The bank's 客服电话, from env JINLIN_SERVICE_PHONE at build time (see config/index.ts). */
declare const CUSTOMER_SERVICE_PHONE_NUMBER: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    JINLIN_API_URL?: string;
  }
}
