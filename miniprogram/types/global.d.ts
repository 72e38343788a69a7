/// <reference types="@tarojs/taro" />

declare module '*.css';

/** Base URL of the Jinlin API, from env JINLIN_API_URL at build time (see config/index.ts). */
declare const API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    JINLIN_API_URL?: string;
  }
}
