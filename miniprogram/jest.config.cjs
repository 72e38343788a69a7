// Component tests: the mini-program's React code against Taro's real H5 components in jsdom.
// Resolution and transforms copy what Taro's H5 webpack build does (see comments), so a test
// renders the same components and calls the same Taro APIs as the H5 app in a browser.
// CommonJS file name because the repository root package.json is "type": "module".
const { REG_TARO_H5 } = require('@tarojs/helper');

// Taro's H5 build adds this plugin to babel-loader (@tarojs/plugin-platform-h5): it turns
// `Taro.request` and friends into named imports of the H5 API module. Without it, the API
// module's default export has no `request`, `getStorageSync`, ….
const babelOptions = {
  plugins: [
    [
      'babel-plugin-transform-taroapi',
      { packageName: '@tarojs/taro', definition: require('@tarojs/plugin-platform-h5/dist/definition.json') },
    ],
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.test.ts?(x)'],
  restoreMocks: true,
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/after-env.ts'],
  moduleNameMapper: {
    // The H5 build's aliases (@tarojs/plugin-platform-h5 modifyWebpackConfig).
    '^@tarojs/taro$': require.resolve('@tarojs/plugin-platform-h5/dist/runtime/apis/index.js'),
    '^@tarojs/components$': require.resolve('@tarojs/components/lib/react/index.js'),
    // miniprogram/tsconfig.json paths; config/index.ts aliases `@` the same way.
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contract/(.*)$': '<rootDir>/../functions/contract/$1',
    // A page's `import './x.css'`: the H5 build's css loaders inject it; a test needs no styles.
    '\\.css$': '<rootDir>/test/setup/style-stub.cjs',
  },
  transform: {
    // First match wins: taro-h5's API module also gets the webpack loader the H5 build runs on it.
    [REG_TARO_H5.source]: ['<rootDir>/test/setup/taro-h5-api-transform.cjs', babelOptions],
    '\\.[cm]?[jt]sx?$': ['babel-jest', babelOptions],
  },
  // Taro and the packages it imports ship ES modules, so those are transformed too. The pattern
  // looks at the first node_modules in the path: @tarojs packages carry nested ones of their own.
  transformIgnorePatterns: [
    '^(?:(?!/node_modules/).)*/node_modules/(?!(@tarojs|@stencil|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj|nanoid|swiper)/)',
  ],
};
