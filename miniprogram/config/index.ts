import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** H5: the page a signed-out visitor opens first (app.ts sends the bare address there). */
const SIGNED_OUT_FIRST_PAGE = path.resolve(__dirname, '..', 'src/pages/login/index.tsx');

// Taro docs: https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jinlin-miniprogram',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Tests build each H5 copy into a folder of its own (two journeys may build at once).
    outputRoot: process.env.JINLIN_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    defineConstants: {
      API_BASE_URL: JSON.stringify(process.env.JINLIN_API_URL || 'http://127.0.0.1:3000'),
      // The bank's 客服电话 on every screen that blocks a customer; the demo bank's by default.
      CUSTOMER_SERVICE_PHONE_NUMBER: JSON.stringify(process.env.JINLIN_SERVICE_PHONE || '400-000-0000'),
    },
    // `@contract/*` is resolved by TypeScript only: the contract is imported with `import type`,
    // which Babel erases, so a value import (that would bundle zod) fails the build on purpose.
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    framework: 'react',
    // Taro's dependency pre-bundling (on by default in development) cannot resolve the H5
    // runtime from the root node_modules; the plain webpack build can.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: {
      enable: false,
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: { host: '127.0.0.1', port: 10086 },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
      // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of
      // the API client and components (~60 KB each); share them between pages instead.
      webpackChain(chain) {
        // `npm start` pipes logs through a prefixer: a redrawing progress bar only adds noise.
        if (process.env.JINLIN_PLAIN_LOGS === '1') chain.plugins.delete('webpackbar');
        chain.optimization.splitChunks({
          ...chain.optimization.get('splitChunks'),
          chunks: 'all',
          // Taro's minSize 0 cut the login page into a dozen sub-kilobyte requests, each a round trip
          // before the first paint; a shared piece under 4 KB now rides inside each page that uses it.
          minSize: 4_000,
        });
        // The first page comes with the app's own scripts, not in page chunks fetched only once those
        // have run (five scripts and a style sheet more before the first paint). A signed-in visitor,
        // who opens home, loads 8 KB more in all: the rest (components, API client) home needs too.
        // (The benchmark's hello world is built with this config and has no such page.)
        if (existsSync(SIGNED_OUT_FIRST_PAGE)) chain.entry('app').add(SIGNED_OUT_FIRST_PAGE);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
