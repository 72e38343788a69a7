// What Taro's H5 build defines at compile time (H5WebpackPlugin's DefinePlugin and the app's
// config/index.ts defineConstants), set here before any module is loaded.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';
Object.assign(globalThis, {
  DEPRECATED_ADAPTER_COMPONENT: false,
  API_BASE_URL: 'http://api.test',
  CUSTOMER_SERVICE_PHONE_NUMBER: '400-000-0000',
});
